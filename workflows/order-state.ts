/**
 * Pure helpers over the order state: snapshots, deadlines and summaries. No Temporal APIs here,
 * so the same code is unit-testable and safe in the workflow sandbox.
 */
import { deriveOrderStatus, isPortedNumberStatus, isTerminalNumberStatus } from '../domain/statuses';
import type { NumberChangeState } from '../domain/fees';
import type { NumberState, OrderState, OrderSnapshot, PortInOrderInput } from './messages';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function initialState(input: PortInOrderInput, now: number): OrderState {
  return {
    review: 'pending',
    ...(input.requestedPortDate ? { requestedPortDate: input.requestedPortDate } : {}),
    reviewDeadline: now + input.policy.reviewSlaMs,
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

/** A number that is finished for good: terminal and, when rejected, past any resubmission. */
export function isSettled(n: NumberState, now: number): boolean {
  if (!isTerminalNumberStatus(n.status)) return false;
  if (n.status === 'rejected' && n.rejection?.resubmitBy !== undefined) return now >= n.rejection.resubmitBy;
  return true;
}

/** Rejected with a resubmission window still open at `now`. */
export function awaitingResubmission(n: NumberState, now: number): boolean {
  return n.status === 'rejected' && n.rejection?.resubmitBy !== undefined && now < n.rejection.resubmitBy;
}

/**
 * What a cancellation or port-date change may still do to a number. With `giveUpRejectedAt` (the
 * instant of a cancellation), a rejected number still awaiting resubmission stays changeable (free:
 * nothing is scheduled at the carrier); without it, as for a port-date change, it is closed.
 */
export function changeStateOf(n: NumberState, giveUpRejectedAt?: number): NumberChangeState {
  const giveUp = giveUpRejectedAt !== undefined && awaitingResubmission(n, giveUpRejectedAt);
  return {
    submittedToCarrier: n.submittedAt !== undefined,
    activationAt: n.status === 'accepted' ? n.activationAt : undefined,
    closed:
      !giveUp &&
      (n.activated || n.ported || isTerminalNumberStatus(n.status) || isPortedNumberStatus(n.status)),
    ...(giveUp ? { awaitingResubmission: true } : {}),
  };
}

/** Held for ops after the carrier refused its submission without a rejection reason. */
export function heldAfterRefusal(n: NumberState): boolean {
  return n.status === 'in_review' && n.submissionRefusal !== undefined;
}

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

export function needsAttention(state: OrderState, input: PortInOrderInput): boolean {
  if (state.review === 'escalated') return true;
  return state.numbers.some(
    (n) =>
      heldAfterRefusal(n) ||
      (n.status === 'submitted_to_carrier' && n.carrierFollowUps > 0) ||
      (n.status === 'accepted' && n.portOverdue) ||
      (isPortedNumberStatus(n.status) &&
        n.status !== 'completed' &&
        n.capabilityFailures >= input.policy.capabilityRetry.alertAfterFailures),
  );
}

export function waitingFor(state: OrderState, now: number): { what: string; until?: string }[] {
  const out: { what: string; until?: string }[] = [];
  if (state.review === 'pending' || state.review === 'escalated') {
    out.push({ what: 'staff review decision', until: iso(state.reviewDeadline) });
  }
  for (const n of state.numbers) {
    if (n.awaitingSubmission) out.push({ what: `submission of ${n.phoneNumber} to the carrier` });
    else if (heldAfterRefusal(n))
      out.push({
        what: `ops: the carrier refused ${n.phoneNumber} (${n.submissionRefusal!.code}); correct and resubmit, or cancel`,
      });
    else if (n.status === 'submitted_to_carrier')
      out.push({ what: `carrier answer for ${n.phoneNumber}`, until: iso(n.carrierFollowUpAt) });
    else if (n.status === 'accepted' && !n.activated)
      out.push({ what: `activation of ${n.phoneNumber} at FOC midnight`, until: iso(n.activationAt) });
    else if (n.status === 'accepted' && n.activated && !n.ported)
      out.push({
        what: `carrier port confirmation for ${n.phoneNumber}`,
        until: iso(n.endOfBusinessCheckAt),
      });
    else if (isPortedNumberStatus(n.status) && n.status !== 'completed')
      out.push({ what: `capability retest of ${n.phoneNumber}`, until: iso(n.nextCapabilityTestAt) });
    else if (n.status === 'rejected' && n.rejection?.resubmitBy !== undefined && now < n.rejection.resubmitBy)
      out.push({ what: `resubmission of ${n.phoneNumber}`, until: iso(n.rejection.resubmitBy) });
  }
  return out;
}

export function snapshot(input: PortInOrderInput, state: OrderState, now: number): OrderSnapshot {
  return {
    orderId: input.orderId,
    accountId: input.accountId,
    status: orderStatus(state),
    review: state.review,
    timeZone: input.timeZone,
    needsAttention: needsAttention(state, input),
    waitingFor: waitingFor(state, now),
    numbers: state.numbers.map((n) => ({
      phoneNumber: n.phoneNumber,
      status: n.status,
      focDate: n.focDate,
      activationAt: iso(n.activationAt),
      activated: n.activated,
      attempt: n.attempt,
      ...(n.rejection
        ? { rejection: { code: n.rejection.code, resubmitBy: iso(n.rejection.resubmitBy) } }
        : {}),
      ...(n.cancellation
        ? { cancellation: { by: n.cancellation.by, feeCents: n.cancellation.feeCents } }
        : {}),
      ...(heldAfterRefusal(n)
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

/** One line for the Temporal UI's current details. */
export function describe(state: OrderState, now: number): string {
  const counts = new Map<string, number>();
  for (const n of state.numbers) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  const summary = [...counts].map(([s, c]) => `${c} ${s}`).join(', ');
  const next = waitingFor(state, now)[0];
  return `**${orderStatus(state)}** (${summary})${next ? ` — waiting for ${next.what}${next.until ? ` until ${next.until}` : ''}` : ''}`;
}
