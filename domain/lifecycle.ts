/**
 * Where each number of a port-in order stands in its lifecycle (rulebook section 5), defined once:
 * `phaseOf(number, now)`. Everything the order does next is read off the phase: the next deadline,
 * what the order waits for, whether it needs ops' attention, which carrier answers may still change
 * the number, which of the loop's steps are due, and whether a cancellation or port-date change may
 * still touch it. Pure (the clock is an argument), so the workflow, the API and the tests share it.
 */
import type { NumberChangeState } from './fees';
import type { NumberStatus } from './statuses';

export type NumberPhase =
  /** Waiting for the staff review (the order's review deadline). */
  | 'in_review'
  /** The carrier refused its submission with a code that is no rejection reason: ops correct and resubmit, or cancel. */
  | 'held_after_refusal'
  /** Approved or resubmitted: the loop submits it next. */
  | 'submission_due'
  /** Submitted: waiting for the carrier's answer, followed up every N business days of silence. */
  | 'at_carrier'
  /** Accepted with an FOC date: activated at midnight of the FOC date in the order's zone. */
  | 'foc_scheduled'
  /** The carrier confirmed the port before our FOC-midnight activation: activated and tested at once. */
  | 'ported_before_activation'
  /** In the account's inventory, routing ready: waiting for the carrier's port confirmation (end-of-business check). */
  | 'activated'
  /** Ported and activated: its capability tests are due. */
  | 'port_confirmed'
  /** Ported, a requested capability failed: retested with backoff until it works. */
  | 'capability_failing'
  /** Rejected with its resubmission window still open. */
  | 'resubmittable'
  /** Canceled by the carrier after activation: out of the account's inventory again. */
  | 'deactivation_due'
  /** Finished for good. */
  | 'rejected'
  | 'canceled'
  | 'completed';

/** What the phase of a number is read from (the workflow's number state has all of it). */
export interface PhaseFacts {
  status: NumberStatus;
  /** Approved or resubmitted, its submission not yet sent (or still in flight). */
  awaitingSubmission?: boolean;
  activated?: boolean;
  /** The carrier confirmed the port. */
  ported?: boolean;
  /** Present while the carrier's refusal of its last submission holds it for ops. */
  submissionRefusal?: { code: string };
  rejection?: { resubmitBy?: number };
}

/** A number with its deadlines and counters: what the views of the phase need besides it. */
export interface LifecycleNumber extends PhaseFacts {
  phoneNumber: string;
  submittedAt?: number;
  carrierFollowUpAt?: number;
  carrierFollowUps: number;
  activationAt?: number;
  endOfBusinessCheckAt?: number;
  portOverdue: boolean;
  nextCapabilityTestAt?: number;
  capabilityFailures: number;
}

export function phaseOf(n: PhaseFacts, now: number): NumberPhase {
  switch (n.status) {
    case 'in_review':
      if (n.awaitingSubmission) return 'submission_due';
      return n.submissionRefusal !== undefined ? 'held_after_refusal' : 'in_review';
    case 'submitted_to_carrier':
      return 'at_carrier';
    case 'accepted':
      if (!n.activated) return n.ported ? 'ported_before_activation' : 'foc_scheduled';
      return n.ported ? 'port_confirmed' : 'activated';
    case 'ported_sms_inactive':
    case 'ported_voice_inactive':
    case 'ported_sms_voice_inactive':
      return 'capability_failing';
    case 'rejected': {
      const until = n.rejection?.resubmitBy;
      return until !== undefined && now < until ? 'resubmittable' : 'rejected';
    }
    case 'canceled':
      return n.activated ? 'deactivation_due' : 'canceled';
    case 'completed':
      return 'completed';
  }
}

/**
 * Finished for good (rulebook 5.9): the order ends when every number is. A number canceled after
 * activation counts: the loop takes it out of the inventory in the pass that finds it, before it
 * asks whether the order is over.
 */
export const isSettled = (n: PhaseFacts, now: number): boolean => SETTLED.has(phaseOf(n, now));
const SETTLED: ReadonlySet<NumberPhase> = new Set(['rejected', 'canceled', 'deactivation_due', 'completed']);

/** Rejected with a resubmission window still open at `now`. */
export const awaitingResubmission = (n: PhaseFacts, now: number): boolean =>
  phaseOf(n, now) === 'resubmittable';

/** Held for ops after the carrier refused its submission without a rejection reason. */
export const heldAfterRefusal = (n: PhaseFacts): boolean => phaseOf(n, 0) === 'held_after_refusal';

/**
 * May a resubmission take it (rulebook 5.4): rejected inside its window, or held after a carrier
 * refusal. Unportable numbers (rejected for good) never.
 */
export const isResubmittablePhase = (phase: NumberPhase): boolean =>
  phase === 'resubmittable' || phase === 'held_after_refusal';

/** The instant the number's phase next needs the loop, if any. */
export function deadlineOf(n: LifecycleNumber, now: number): number | undefined {
  switch (phaseOf(n, now)) {
    case 'at_carrier':
      return n.carrierFollowUpAt;
    case 'foc_scheduled':
      return n.activationAt;
    case 'ported_before_activation':
      return earliest(n.activationAt, n.nextCapabilityTestAt);
    case 'activated':
      return n.endOfBusinessCheckAt;
    case 'port_confirmed':
    case 'capability_failing':
      return n.nextCapabilityTestAt;
    case 'resubmittable':
      return n.rejection?.resubmitBy;
    default:
      return undefined;
  }
}

const earliest = (...instants: (number | undefined)[]): number | undefined => {
  const defined = instants.filter((t): t is number => t !== undefined);
  return defined.length ? Math.min(...defined) : undefined;
};

/** The steps of the loop, in the order it takes them (the order is part of every recorded history). */
export type DueStep =
  | 'submission'
  | 'carrier_follow_up'
  | 'activation'
  | 'deactivation'
  | 'end_of_business_check'
  | 'capability_test';

const reached = (at: number | undefined, now: number) => at !== undefined && now >= at;

/** Whether `step` is due for the number at `now`. */
export function isDue(step: DueStep, n: LifecycleNumber, now: number): boolean {
  const phase = phaseOf(n, now);
  switch (step) {
    case 'submission':
      return phase === 'submission_due';
    case 'carrier_follow_up':
      return phase === 'at_carrier' && reached(n.carrierFollowUpAt, now);
    case 'activation':
      // A port the carrier confirmed first is activated at once, whatever the FOC.
      return (
        (phase === 'foc_scheduled' && reached(n.activationAt, now)) || phase === 'ported_before_activation'
      );
    case 'deactivation':
      return phase === 'deactivation_due';
    case 'end_of_business_check':
      return phase === 'activated' && reached(n.endOfBusinessCheckAt, now);
    case 'capability_test':
      return TESTED.has(phase) && reached(n.nextCapabilityTestAt, now);
  }
}
const TESTED: ReadonlySet<NumberPhase> = new Set([
  'ported_before_activation',
  'port_confirmed',
  'capability_failing',
]);

/** Accepted and not yet activated: its FOC date, and with it the activation, may still move. */
export const focMayMove = (n: PhaseFacts, now: number): boolean => ANSWERABLE.focChanged.has(phaseOf(n, now));

/** Kinds of carrier answer (a signed event or what a query of the carrier shows). */
export type CarrierAnswer = 'accepted' | 'focChanged' | 'rejected' | 'canceled' | 'ported';

/** The phases each kind of carrier answer may change; an answer for a number in any other is stale. */
const ANSWERABLE: Record<CarrierAnswer, ReadonlySet<NumberPhase>> = {
  accepted: new Set(['at_carrier']),
  focChanged: new Set(['foc_scheduled', 'ported_before_activation']),
  rejected: new Set(['at_carrier', 'foc_scheduled', 'ported_before_activation']),
  canceled: new Set([
    'in_review',
    'held_after_refusal',
    'submission_due',
    'at_carrier',
    'foc_scheduled',
    'activated',
  ]),
  ported: new Set(['foc_scheduled', 'activated']),
};

export const answers = (answer: CarrierAnswer, n: PhaseFacts, now: number): boolean =>
  ANSWERABLE[answer].has(phaseOf(n, now));

/** Phases in which the numbers are still a port a cancellation or port-date change may touch. */
const CHANGEABLE: ReadonlySet<NumberPhase> = new Set([
  'in_review',
  'held_after_refusal',
  'submission_due',
  'at_carrier',
  'foc_scheduled',
]);

/** Still a port a port-date change may move: not activated, ported or finished (the API lists its dates). */
export const mayStillChange = (n: PhaseFacts): boolean => !n.activated && CHANGEABLE.has(phaseOf(n, 0));

/** What a number's change state is read from: its phase, and the instants of its submission and activation. */
export type ChangeFacts = PhaseFacts & Pick<LifecycleNumber, 'submittedAt' | 'activationAt'>;

/**
 * What a cancellation or port-date change may still do to a number (domain/fees.ts quotes it). With
 * `giveUpRejectedAt` (the instant of a cancellation), a number still awaiting its resubmission stays
 * changeable (free: nothing is scheduled at the carrier); without it, as for a port-date change, it
 * is closed, like a number activated, ported or finished.
 */
export function changeStateOf(n: ChangeFacts, giveUpRejectedAt?: number): NumberChangeState {
  const giveUp = giveUpRejectedAt !== undefined && awaitingResubmission(n, giveUpRejectedAt);
  return {
    submittedToCarrier: n.submittedAt !== undefined,
    activationAt: n.status === 'accepted' ? n.activationAt : undefined,
    // Closedness does not depend on the clock (a rejected number is closed with or without its window).
    closed: !giveUp && !mayStillChange(n),
    ...(giveUp ? { awaitingResubmission: true } : {}),
  };
}

/** Ops should look (the NeedsAttention search attribute), for this number's sake. */
export function needsAttentionFor(n: LifecycleNumber, alertAfterFailures: number, now: number): boolean {
  switch (phaseOf(n, now)) {
    case 'held_after_refusal':
      return true;
    case 'at_carrier':
      return n.carrierFollowUps > 0;
    case 'foc_scheduled':
    case 'ported_before_activation':
    case 'activated':
    case 'port_confirmed':
      return n.portOverdue;
    case 'capability_failing':
      return n.capabilityFailures >= alertAfterFailures;
    default:
      return false;
  }
}

export interface WaitingFor {
  what: string;
  until?: string;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** What the number waits for, in words, with the instant it waits until (undefined: nothing). */
export function waitingForNumber(n: LifecycleNumber, now: number): WaitingFor | undefined {
  const p = n.phoneNumber;
  // A submission on its way comes first, whatever the carrier may have answered meanwhile.
  if (n.awaitingSubmission) return { what: `submission of ${p} to the carrier` };
  switch (phaseOf(n, now)) {
    case 'held_after_refusal':
      return {
        what: `ops: the carrier refused ${p} (${n.submissionRefusal!.code}); correct and resubmit, or cancel`,
      };
    case 'at_carrier':
      return { what: `carrier answer for ${p}`, until: iso(n.carrierFollowUpAt) };
    case 'foc_scheduled':
    case 'ported_before_activation':
      return { what: `activation of ${p} at FOC midnight`, until: iso(n.activationAt) };
    case 'activated':
      return { what: `carrier port confirmation for ${p}`, until: iso(n.endOfBusinessCheckAt) };
    case 'capability_failing':
      return { what: `capability retest of ${p}`, until: iso(n.nextCapabilityTestAt) };
    case 'resubmittable':
      return { what: `resubmission of ${p}`, until: iso(n.rejection?.resubmitBy) };
    default:
      return undefined;
  }
}

// ---- the whole order ----

export type ReviewState = 'pending' | 'escalated' | 'approved' | 'rejected';

export interface LifecycleOrder {
  review: ReviewState;
  reviewDeadline: number;
  numbers: readonly LifecycleNumber[];
}

/** The staff review still waits for a decision (escalated: past its deadline, still undecided). */
export const isAwaitingReview = (review: ReviewState): boolean =>
  review === 'pending' || review === 'escalated';

/** The review is promised within `slaMs` of the submission (rulebook 5.1): the instant it is due. */
export const reviewDeadline = (submittedAt: number, slaMs: number): number => submittedAt + slaMs;

/** The earliest deadline still ahead of any number (or of the review), if any. */
export function nextDeadline(order: LifecycleOrder, now: number): number | undefined {
  return earliest(
    order.review === 'pending' ? order.reviewDeadline : undefined,
    ...order.numbers.map((n) => deadlineOf(n, now)),
  );
}

/** Every number is finished for good (rulebook 5.9). */
export const isFinished = (order: LifecycleOrder, now: number): boolean =>
  order.numbers.every((n) => isSettled(n, now));

export const needsAttention = (order: LifecycleOrder, alertAfterFailures: number, now: number): boolean =>
  order.review === 'escalated' || order.numbers.some((n) => needsAttentionFor(n, alertAfterFailures, now));

/** Everything the order waits for: the review decision first, then each number in order. */
export function waitingFor(order: LifecycleOrder, now: number): WaitingFor[] {
  const out: WaitingFor[] = [];
  if (isAwaitingReview(order.review))
    out.push({ what: 'staff review decision', until: iso(order.reviewDeadline) });
  for (const n of order.numbers) {
    const entry = waitingForNumber(n, now);
    if (entry) out.push(entry);
  }
  return out;
}
