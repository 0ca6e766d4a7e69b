/**
 * What the carrier's answers do to numbers, whether they come as signed events (carrier-events.ts)
 * or from querying the carrier (the loop's follow-ups): FOC dates and their activation instants,
 * rejections with their resubmission window, cancellations by the carrier, confirmed ports.
 * Synchronous, so signal handlers and the loop share them.
 */
import type { CarrierNumberAnswer } from '../activities/types';
import { activationInstant, endOfBusinessInstant, isValidIsoDate } from '../domain/calendar';
import { REJECTION_REASONS, isRejectionCode, type RejectionCode } from '../domain/rejection-codes';
import { isTerminalNumberStatus } from '../domain/statuses';
import type { NumberState } from './messages';
import { isoAt, type OrderRun } from './order-run';

/** Sets the FOC date with what follows from it: activation at its midnight, the end-of-business check. */
export const setFoc = (run: OrderRun, numbers: NumberState[], focDate: string) => {
  const { timeZone } = run.input;
  const activationAt = activationInstant(focDate, timeZone);
  for (const n of numbers) {
    n.focDate = focDate;
    n.activationAt = activationAt;
    n.endOfBusinessCheckAt = endOfBusinessInstant(focDate, timeZone);
    n.portOverdue = false;
  }
  return activationAt;
};

export const focNotice = (
  run: OrderRun,
  numbers: NumberState[],
  focDate: string,
  kind: 'foc_assigned' | 'foc_moved',
  eventKey: string,
  previousFocDate?: string,
) =>
  run.outbox.notice(
    {
      kind,
      phoneNumbers: numbers.map((n) => n.phoneNumber),
      focDate,
      activationAt: isoAt(activationInstant(focDate, run.input.timeZone)),
      ...(previousFocDate ? { previousFocDate } : {}),
    },
    eventKey,
  );

/** Rejects numbers (by the carrier, or by staff review), opening the resubmission window when the code allows one. */
export const reject = (
  run: OrderRun,
  numbers: NumberState[],
  code: RejectionCode,
  eventKey: string,
  source = '',
  rejectedBy?: 'review',
) => {
  const now = Date.now();
  const resubmitBy = REJECTION_REASONS[code].resubmittable
    ? now + run.input.policy.resubmissionWindowMs
    : undefined;
  for (const n of numbers) {
    n.rejection = { code, at: now, ...(resubmitBy !== undefined ? { resubmitBy } : {}) };
    n.awaitingSubmission = false;
  }
  run.transition('number.rejected', numbers, 'rejected', `${code}${source}`);
  run.outbox.notice(
    {
      kind: 'number_rejected',
      phoneNumbers: numbers.map((n) => n.phoneNumber),
      reasonCode: code,
      ...(resubmitBy ? { resubmitBy: isoAt(resubmitBy) } : {}),
      ...(rejectedBy ? { rejectedBy } : {}),
    },
    eventKey,
  );
};

/** Which numbers each kind of carrier answer may change (anything else is stale and ignored). */
export const answerable = {
  accepted: (n: NumberState) => n.status === 'submitted_to_carrier',
  focChanged: (n: NumberState) => n.status === 'accepted' && !n.activated,
  rejected: (n: NumberState) =>
    n.status === 'submitted_to_carrier' || (n.status === 'accepted' && !n.activated),
  canceled: (n: NumberState) => !isTerminalNumberStatus(n.status) && !n.ported,
  ported: (n: NumberState) => n.status === 'accepted' && !n.ported,
};

export const carrierAccepted = (
  run: OrderRun,
  numbers: NumberState[],
  focDate: string,
  eventKey: string,
  source = '',
) => {
  run.transition('number.accepted', numbers, 'accepted', `FOC ${focDate}${source}`);
  setFoc(run, numbers, focDate);
  focNotice(run, numbers, focDate, 'foc_assigned', eventKey);
};

export const carrierCanceled = (run: OrderRun, numbers: NumberState[], eventKey: string) => {
  for (const n of numbers) {
    n.cancellation = { by: 'carrier', feeCents: 0, at: Date.now() };
    n.awaitingSubmission = false; // a number canceled mid-submission must not wait for one
  }
  run.transition('number.canceled', numbers, 'canceled', 'canceled by the carrier');
  run.outbox.notice(
    {
      kind: 'canceled',
      phoneNumbers: numbers.map((n) => n.phoneNumber),
      canceledBy: 'carrier',
      fees: [],
      totalCents: 0,
    },
    eventKey,
  );
};

export const carrierPorted = (run: OrderRun, numbers: NumberState[], detail: string) => {
  for (const n of numbers) {
    n.ported = true;
    n.nextCapabilityTestAt = Date.now();
  }
  run.transition('number.ported', numbers, undefined, detail);
};

/**
 * The carrier moved the FOC of numbers already activated: routing is in place and stays (no
 * re-activation), but the port now completes on the new date, so the end-of-business check moves
 * with it, ops look at it, and the customer hears of the new date (rulebook 5.5, 8).
 */
export const focMovedAfterActivation = (
  run: OrderRun,
  numbers: NumberState[],
  focDate: string,
  eventId: string,
) => {
  const previousFocDate = numbers[0].focDate;
  for (const n of numbers) {
    n.focDate = focDate;
    n.endOfBusinessCheckAt = endOfBusinessInstant(focDate, run.input.timeZone);
    n.portOverdue = false;
  }
  run.transition(
    'number.foc_moved_after_activation',
    numbers,
    undefined,
    `FOC ${focDate} (was ${previousFocDate ?? 'unset'}); already activated, not re-activated`,
  );
  run.outbox.alert(
    'foc_moved_after_activation',
    `the carrier moved the FOC of ${numbers.map((n) => n.phoneNumber).join(', ')} to ${focDate} after activation on ${previousFocDate ?? 'an earlier date'}: routing stays in place; check the port with the carrier`,
  );
  focNotice(run, numbers, focDate, 'foc_moved', eventId, previousFocDate);
};

/** Answers learned by querying the carrier count like events (the carrier may simply have been slow to call back). */
export const applyCarrierAnswers = (run: OrderRun, answers: CarrierNumberAnswer[], eventKey: string) => {
  const matching = (state: CarrierNumberAnswer['state'], eligible: (n: NumberState) => boolean) =>
    answers
      .filter((a) => a.state === state)
      .map((a) => ({ a, n: run.find(a.phoneNumber) }))
      .filter((x): x is { a: CarrierNumberAnswer; n: NumberState } => x.n !== undefined && eligible(x.n));
  for (const { a, n } of matching('accepted', answerable.accepted)) {
    if (isValidIsoDate(a.focDate))
      carrierAccepted(run, [n], a.focDate, `${eventKey}-${n.phoneNumber}`, ' (from carrier query)');
  }
  for (const { a, n } of matching('rejected', answerable.rejected)) {
    if (isRejectionCode(a.reasonCode)) reject(run, [n], a.reasonCode, `${eventKey}-${n.phoneNumber}`);
  }
  const canceled = matching('canceled', answerable.canceled).map((x) => x.n);
  if (canceled.length) carrierCanceled(run, canceled, eventKey);
  const ported = matching('ported', answerable.ported).map((x) => x.n);
  if (ported.length) carrierPorted(run, ported, 'carrier query shows the port done');
};
