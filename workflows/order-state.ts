/**
 * The order's state inside its workflow, and one run of the workflow over it: what every part of
 * the workflow shares (numbered transitions, idempotency keys, the outbox, the flags the loop waits
 * on), and the views of the state: the snapshot the API and portctl show and the Temporal UI's
 * summary. What each number waits for, its deadlines and NeedsAttention come from its phase
 * (domain/lifecycle.ts).
 */
import type { NumberChangeState } from '../domain/fees';
import type { IsoDate } from '../domain/calendar';
import * as lifecycle from '../domain/lifecycle';
import type { RejectionCode } from '../domain/rejection-codes';
import { deriveOrderStatus, type NumberStatus } from '../domain/statuses';
import type { ActorRole } from '../domain/fees';
import type { OrderSnapshot, PortInOrderInput, ReviewState } from './messages';
import { createOutbox, type KeyOf, type Outbox } from './outbox';

// ---- per-number and order state (carried over by continue-as-new: new fields optional) ----

export interface NumberState extends lifecycle.LifecycleNumber {
  phoneNumber: string;
  status: NumberStatus;
  /** Submission attempts to the carrier (1 on first submission, +1 per resubmission). */
  attempt: number;
  awaitingSubmission: boolean;
  submittedAt?: number;
  carrierFollowUpAt?: number;
  /** Follow-ups made because the carrier stayed silent (each also alerted ops). */
  carrierFollowUps: number;
  focDate?: IsoDate;
  /** Midnight of the FOC date in the order's zone (epoch ms). */
  activationAt?: number;
  activated: boolean;
  ported: boolean;
  endOfBusinessCheckAt?: number;
  /** End of business passed on the FOC date without the carrier's confirmation (ops alerted). */
  portOverdue: boolean;
  capabilityFailures: number;
  nextCapabilityTestAt?: number;
  rejection?: { code: RejectionCode; at: number; resubmitBy?: number };
  cancellation?: { by: ActorRole | 'carrier'; feeCents: number; at: number };
  /**
   * The carrier refused the submission with a code that is no rejection reason (so nothing the
   * customer can fix alone): the number is held in review for ops until a resubmission or cancellation.
   */
  submissionRefusal?: { code: string; message: string; attempt: number; at: number };
  /** The porting charges of this number's port were recorded (domain/porting-charges.ts). */
  portingCharged?: boolean;
}

export interface Transition {
  seq: number;
  at: number;
  type: string;
  phoneNumbers: string[];
  detail?: string;
}

export interface OrderState {
  review: ReviewState;
  /** The customer's preferred port date; a port-date change before submission replaces it. */
  requestedPortDate?: IsoDate;
  reviewDeadline: number;
  numbers: NumberState[];
  processedEventIds: string[];
  transitions: Transition[];
  charges: { phoneNumber: string; feeCents: number; reason: string; at: number }[];
  opsAlerts: number;
  seq: number;
}

export function initialState(input: PortInOrderInput, now: number): OrderState {
  return {
    review: 'pending',
    ...(input.requestedPortDate ? { requestedPortDate: input.requestedPortDate } : {}),
    reviewDeadline: input.reviewDeadline ?? lifecycle.reviewDeadline(now, input.policy.reviewSlaMs),
    numbers: input.phoneNumbers.map((phoneNumber) => ({
      phoneNumber,
      status: 'in_review',
      attempt: 0,
      awaitingSubmission: false,
      activated: false,
      ported: false,
      carrierFollowUps: 0,
      portOverdue: false,
      capabilityFailures: 0,
    })),
    processedEventIds: [],
    transitions: [],
    charges: [],
    opsAlerts: 0,
    seq: 0,
  };
}

// ---- one run of the workflow ----

export interface OrderRun {
  readonly input: PortInOrderInput;
  /** Carried over from the previous run after a continue-as-new, else fresh. */
  readonly state: OrderState;
  /** Something changed since the loop last looked: wakes the loop. */
  dirty: boolean;
  /** Carrier submissions in flight: other carrier calls for the order wait for them (see cancel). */
  submissionsInFlight: number;
  readonly outbox: Outbox;
  key: KeyOf;
  find(phoneNumber: string): NumberState | undefined;
  /** Records a numbered transition (optionally moving the numbers to `status`) and wakes the loop. */
  transition(type: string, numbers: NumberState[], status?: NumberStatus, detail?: string): void;
}

export function orderRun(input: PortInOrderInput): OrderRun {
  const { orderId } = input;
  const state: OrderState = input.carriedState ?? initialState(input, Date.now());
  const key: KeyOf = (step, ...parts) => [orderId, step, ...parts].join(':');
  const run: OrderRun = {
    input,
    state,
    dirty: true,
    submissionsInFlight: 0,
    outbox: createOutbox(orderId, state, key),
    key,
    find: (phoneNumber) => state.numbers.find((n) => n.phoneNumber === phoneNumber),
    transition: (type, numbers, status, detail) => {
      if (status) for (const n of numbers) n.status = status;
      state.seq += 1;
      state.transitions.push({
        seq: state.seq,
        at: Date.now(),
        type,
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        ...(detail ? { detail } : {}),
      });
      run.dirty = true;
    },
  };
  return run;
}

export const isoAt = (ms: number) => new Date(ms).toISOString();
const iso = (ms: number | undefined) => (ms === undefined ? undefined : isoAt(ms));

// ---- views of the state ----

/** The numbers for which `step` of the loop is due at `now`. */
export const dueNumbers = (state: OrderState, step: lifecycle.DueStep, now: number): NumberState[] =>
  state.numbers.filter((n) => lifecycle.isDue(step, n, now));

/** When the loop must wake up next: the timer's duration, so part of every recorded history. */
export const nextDeadline = (state: OrderState, now: number) => lifecycle.nextDeadline(state, now);

/** Every number is finished for good (rulebook 5.9). */
export const finished = (state: OrderState, now: number) => lifecycle.isFinished(state, now);

export const needsAttention = (state: OrderState, input: PortInOrderInput, now: number): boolean =>
  lifecycle.needsAttention(state, input.policy.capabilityRetry.alertAfterFailures, now);

/** What a cancellation (`giveUpRejectedAt`: its instant) or port-date change may still do to a number. */
export const changeStateOf = (n: NumberState, giveUpRejectedAt?: number): NumberChangeState =>
  lifecycle.changeStateOf(n, giveUpRejectedAt);

export function orderStatus(state: OrderState) {
  return deriveOrderStatus(state.numbers.map((n) => n.status));
}

/** Earliest FOC date among numbers still on their way in (for the FocDate search attribute). */
export function nextFocDate(state: OrderState): string | undefined {
  const dates = state.numbers
    .filter((n) => n.status === 'accepted' && n.focDate)
    .map((n) => n.focDate!)
    .sort();
  return dates[0];
}

export function snapshot(input: PortInOrderInput, state: OrderState, now: number): OrderSnapshot {
  return {
    orderId: input.orderId,
    accountId: input.accountId,
    status: orderStatus(state),
    review: state.review,
    timeZone: input.timeZone,
    needsAttention: needsAttention(state, input, now),
    waitingFor: lifecycle.waitingFor(state, now),
    numbers: state.numbers.map((n) => ({
      phoneNumber: n.phoneNumber,
      status: n.status,
      focDate: n.focDate,
      activationAt: iso(n.activationAt),
      activated: n.activated,
      ported: n.ported,
      attempt: n.attempt,
      ...(n.rejection
        ? { rejection: { code: n.rejection.code, resubmitBy: iso(n.rejection.resubmitBy) } }
        : {}),
      ...(n.cancellation
        ? { cancellation: { by: n.cancellation.by, feeCents: n.cancellation.feeCents } }
        : {}),
      ...(lifecycle.heldAfterRefusal(n)
        ? {
            submissionRefusal: { code: n.submissionRefusal!.code, message: n.submissionRefusal!.message },
          }
        : {}),
    })),
    fees: state.charges.map((c) => ({ ...c, at: iso(c.at)! })),
    totalFeesCents: state.charges.reduce((s, c) => s + c.feeCents, 0),
    transitions: state.transitions.map((t) => ({ ...t, at: iso(t.at)! })),
    updatedAt: iso(now)!,
  };
}

/** One line for the Temporal UI's current details and the loop's timer summary. */
export function describe(state: OrderState, now: number): string {
  const counts = new Map<string, number>();
  for (const n of state.numbers) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  const summary = [...counts].map(([s, c]) => `${c} ${s}`).join(', ');
  const next = lifecycle.waitingFor(state, now)[0];
  return `**${orderStatus(state)}** (${summary})${next ? ` — waiting for ${next.what}${next.until ? ` until ${next.until}` : ''}` : ''}`;
}
