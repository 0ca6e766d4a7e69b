/**
 * Ids of the workflow changes guarded by patched(): orders recorded before a change replay its old
 * branch, new ones record a marker and take the new branch. See workflows/VERSIONING.md for what each
 * guards and when it may be deprecated. Never rename or reuse an id.
 */
export const PATCHES = {
  /** A carrier refusal of a submission rejects or holds the numbers instead of failing the order. */
  submissionRefusalKeepsOrder: 'submission-refusal-keeps-order',
  /** Carrier events that occurred before a number's current submission are ignored (and recorded). */
  ignoreStaleCarrierEvents: 'ignore-stale-carrier-events',
  /** Rejected numbers awaiting resubmission can be canceled (free), even by an unnamed cancellation. */
  cancelRejectedNumbers: 'cancel-rejected-numbers',
  /** Numbers the carrier cancels after activation leave the account's inventory again. */
  deactivateCanceledNumbers: 'deactivate-canceled-numbers',
  /** An FOC move after activation is recorded, alerted and told to the customer (no re-activation). */
  focMovedAfterActivation: 'foc-moved-after-activation',
  /** A notice's email and webhook are separate deliveries: a failing webhook holds up no email. */
  separateNoticeChannels: 'separate-notice-channels',
  /** After a run's first persist, the read model gets a delta: changed numbers and new transitions only. */
  leanSnapshotPersist: 'lean-snapshot-persist',
  /** A staff review rejection is told as the review's (its own email), not as the carrier's rejection. */
  reviewRejectionNotice: 'review-rejection-notice',
  /** A comment on the order is on its timeline and told to the other side (notice or ops alert). */
  orderComments: 'order-comments',
  /** A run's first persist is a delta too (every number, grouped), not the whole order. */
  leanFirstPersist: 'lean-first-persist',
  /** The carrier's look-ups and capability tests run under the carrier's retry policy, not the store's. */
  carrierCallsCarrierPolicy: 'carrier-calls-carrier-policy',
  /** A ported number's one-time charges (outside the US and Canada, after hours) are recorded once. */
  portingCharges: 'porting-charges',
  /** End of business on the FOC date: the carrier is queried first; only numbers still unconfirmed are overdue. */
  queryBeforeOverdue: 'query-before-overdue',
  /** The received notice is queued before any handler runs: a review in the first task comes after it. */
  receivedNoticeFirst: 'received-notice-first',
  /** A cancellation skips the carrier for numbers whose submission the carrier refused while it waited. */
  cancelSkipsRefusedSubmission: 'cancel-skips-refused-submission',
} as const;
