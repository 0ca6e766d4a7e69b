/**
 * What happens to the order's numbers, step by step of the rulebook (section 5): each function
 * records one transition (with the notices and alerts it queues) on the run. Synchronous, no
 * activity calls: the lifecycle (port-in-order.ts) and the update handlers (order-updates.ts) call
 * the activities themselves and then one of these (see the note in port-in-order.ts).
 */
import type { ApplicationFailure } from '@temporalio/workflow';
import type { CapabilityResult, CarrierNumberAnswer } from '../activities/types';
import {
  activationInstant,
  addBusinessDays,
  businessDaysLater,
  endOfBusinessInstant,
  isValidIsoDate,
  localDate,
} from '../domain/calendar';
import { answers, isDue, type CarrierAnswer } from '../domain/lifecycle';
import { PORTING_CHARGE_KINDS, portingCharges, type PortingChargeLine } from '../domain/porting-charges';
import { REJECTION_REASONS, isRejectionCode, type RejectionCode } from '../domain/rejection-codes';
import { degradedStatus, failingCapabilities } from '../domain/statuses';
import { isoAt, type NumberState, type OrderRun } from './order-state';

// ---- 5.1 submission and review ----

/** First run only: records the submission and tells the customer. */
export const orderSubmitted = (run: OrderRun) => {
  // No status here: numbers start in_review, and (in orders before `received-notice-first`) a review
  // update buffered with the first task may already have decided (rejected) them; resetting would undo that.
  run.transition('order.submitted', run.state.numbers);
  run.outbox.notice({ kind: 'submission_received', phoneNumbers: run.input.phoneNumbers });
};

/** Clean checks approve the order when the policy allows it and no one decided yet; problems are recorded. */
export const applyAutomaticChecks = (run: OrderRun, checks: { clean: boolean; problems: string[] }) => {
  const { state, transition } = run;
  if (run.input.policy.autoApproveCleanOrders && checks.clean && state.review === 'pending') {
    const numbers = state.numbers.filter((n) => n.status === 'in_review');
    state.review = 'approved';
    for (const n of numbers) n.awaitingSubmission = true;
    transition('review.auto_approved', numbers, undefined, 'automatic checks clean');
    run.outbox.notice({ kind: 'review_approved', phoneNumbers: numbers.map((n) => n.phoneNumber) });
  } else if (!checks.clean) {
    transition('review.checks_flagged', [], undefined, checks.problems.join('; '));
  }
};

/** Review SLA: escalate once, keep waiting for the decision. */
export const escalateLateReview = (run: OrderRun, now: number) => {
  const { state, input } = run;
  const { policy } = input;
  if (state.review === 'pending' && now >= state.reviewDeadline) {
    state.review = 'escalated';
    run.transition(
      'review.sla_breached',
      state.numbers.filter((n) => n.status === 'in_review'),
      undefined,
      `no decision within ${policy.reviewSlaMs / 3_600_000} h`,
    );
    run.outbox.alert(
      'review_sla_breached',
      `order ${input.orderId} has waited more than ${policy.reviewSlaMs / 3_600_000} h for review`,
    );
  }
};

/** A staff review approved the order: its numbers are on their way to the carrier. */
export const reviewApproved = (run: OrderRun, numbers: NumberState[], note?: string) => {
  run.state.review = 'approved';
  for (const n of numbers) n.awaitingSubmission = true;
  run.transition('review.approved', numbers, undefined, note);
  run.outbox.notice({ kind: 'review_approved', phoneNumbers: numbers.map((n) => n.phoneNumber) });
};

// ---- 5.2, 5.4 submission to the carrier, resubmission ----

/**
 * Marks the numbers submitted as the next attempt, with the carrier follow-up due in N business
 * days. The numbers count as submitted from the moment the request leaves: the carrier may answer
 * before the activity reports back (a retried call, a fast carrier), and that answer must apply.
 */
export const markSubmitted = (run: OrderRun, toSubmit: NumberState[]): number => {
  const { policy, country, timeZone } = run.input;
  const attempt = Math.max(...toSubmit.map((n) => n.attempt)) + 1;
  const submittedAt = Date.now();
  for (const n of toSubmit) {
    n.attempt = attempt;
    n.submittedAt = submittedAt;
    n.carrierFollowUps = 0;
    n.carrierFollowUpAt = businessDaysLater(
      submittedAt,
      policy.carrierFollowUpBusinessDays,
      country,
      timeZone,
    );
  }
  run.transition('number.submitted_to_carrier', toSubmit, 'submitted_to_carrier', `attempt ${attempt}`);
  return attempt;
};

/** The submission activity is over: the numbers stop waiting for it; a refusal applies to those still on this attempt. */
export const submissionSettled = (
  run: OrderRun,
  toSubmit: NumberState[],
  attempt: number,
  refusal: ApplicationFailure | undefined,
) => {
  for (const n of toSubmit) n.awaitingSubmission = false;
  // Numbers canceled meanwhile stay canceled; with a refusal nothing of theirs is at the carrier (a
  // cancellation waiting on this submission then has nothing there to cancel).
  if (refusal)
    for (const n of toSubmit) if (n.status === 'canceled' && n.attempt === attempt) n.submittedAt = undefined;
  // The others learn the refusal.
  const refused = toSubmit.filter((n) => n.status === 'submitted_to_carrier' && n.attempt === attempt);
  if (refusal && refused.length) submissionRefused(run, refused, attempt, refusal);
};

/**
 * The carrier refused a submission outright (HTTP 4xx) rather than answering it later. A refusal
 * coded with a rejection reason is a rejection the customer can fix and resubmit (rulebook 5.4, 7);
 * any other code is nothing the customer can act on: the numbers are held in review, flagged,
 * and ops alerted, until support resubmits or someone cancels (nothing is at the carrier: free).
 */
const submissionRefused = (
  run: OrderRun,
  numbers: NumberState[],
  attempt: number,
  refusal: ApplicationFailure,
) => {
  const detail = refusal.details?.[0] as { code?: unknown } | undefined;
  const code = typeof detail?.code === 'string' ? detail.code : 'unknown';
  if (isRejectionCode(code)) {
    reject(run, numbers, code, `submit-refused-${attempt}`, ` (the carrier refused attempt ${attempt})`);
    return;
  }
  const at = Date.now();
  for (const n of numbers) {
    n.submissionRefusal = { code, message: refusal.message, attempt, at };
    n.submittedAt = undefined;
    n.carrierFollowUpAt = undefined;
  }
  run.transition(
    'number.submission_refused',
    numbers,
    'in_review',
    `attempt ${attempt}: ${code}: ${refusal.message}`,
  );
  run.outbox.alert(
    'carrier_refused_submission',
    `the carrier refused attempt ${attempt} for ${numbers.map((n) => n.phoneNumber).join(', ')} (${code}: ${refusal.message}); correct the order and resubmit, or cancel`,
  );
};

/** The loop has sent these numbers' submission on its way (or they were canceled meanwhile). */
export const submissionIssued = (numbers: NumberState[]) =>
  !numbers.some((n) => isDue('submission', n, Date.now()));

/** Puts rejected (or held) numbers back in line for the loop's next submission. */
export const resubmitted = (run: OrderRun, numbers: NumberState[], correctedFields: unknown) => {
  for (const n of numbers) {
    n.awaitingSubmission = true;
    n.rejection = undefined;
    n.submissionRefusal = undefined;
  }
  const corrected = Array.isArray(correctedFields) ? correctedFields.join(', ') : '';
  run.transition('number.resubmitted', numbers, 'in_review', `corrected: ${corrected || 'nothing named'}`);
  if (run.state.review === 'rejected') run.state.review = 'approved';
};

// ---- 5.3, 5.7 a carrier gone quiet ----

/** Counts the follow-up, schedules the next one N business days on, records it and alerts ops. */
export const followUpSilence = (run: OrderRun, silent: NumberState[], now: number) => {
  const { policy, country, timeZone } = run.input;
  for (const n of silent) {
    n.carrierFollowUps += 1;
    n.carrierFollowUpAt = businessDaysLater(now, policy.carrierFollowUpBusinessDays, country, timeZone);
  }
  run.transition(
    'carrier.follow_up',
    silent,
    undefined,
    `no answer in ${policy.carrierFollowUpBusinessDays} business days`,
  );
  run.outbox.alert('carrier_silent', `no carrier answer for ${silent.map((n) => n.phoneNumber).join(', ')}`);
};

/** Flags the ports overdue, checks again at the next business day's end, records it and alerts ops. */
export const flagOverduePorts = (run: OrderRun, overdue: NumberState[], now: number) => {
  const { country, timeZone } = run.input;
  for (const n of overdue) {
    n.portOverdue = true;
    n.endOfBusinessCheckAt = endOfBusinessInstant(
      addBusinessDays(localDate(now, timeZone), 1, country),
      timeZone,
    );
  }
  run.transition('carrier.port_overdue', overdue, undefined, 'no port confirmation by end of business');
  run.outbox.alert(
    'port_overdue',
    `carrier has not confirmed the port of ${overdue.map((n) => n.phoneNumber).join(', ')}`,
  );
};

// ---- 5.3, 5.5, 8 the carrier's answers ----

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

/** The carrier moved the FOC of accepted numbers not yet activated: the activation moves with it. */
export const focChanged = (run: OrderRun, numbers: NumberState[], focDate: string, eventKey: string) => {
  run.transition('number.foc_changed', numbers, undefined, `FOC ${focDate}`);
  const previousFocDate = numbers[0].focDate;
  setFoc(run, numbers, focDate);
  focNotice(run, numbers, focDate, 'foc_moved', eventKey, previousFocDate);
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

/** The carrier confirmed the port: capability tests are due at once. */
export const carrierPorted = (run: OrderRun, numbers: NumberState[], detail: string) => {
  for (const n of numbers) {
    n.ported = true;
    n.nextCapabilityTestAt = Date.now();
  }
  run.transition('number.ported', numbers, undefined, detail);
};

/**
 * The charges the ports of these numbers carry (rulebook 2, domain/porting-charges.ts): for every
 * ported number not charged yet, under the schedule fixed at submit. Orders submitted before the
 * schedule existed carry none.
 */
export const portingChargesDue = (run: OrderRun): PortingChargeLine[] => {
  const { input, state } = run;
  const schedule = input.policy.portingChargeSchedule;
  if (!schedule) return [];
  const ported = state.numbers.filter((n) => n.ported && !n.portingCharged);
  if (ported.length === 0) return [];
  return portingCharges(
    {
      country: input.country,
      phoneNumbers: ported.map((n) => n.phoneNumber),
      afterHoursPort: input.afterHoursPort === true,
      ...(input.quotedPortingChargeCents !== undefined
        ? { quotedPortingChargeCents: input.quotedPortingChargeCents }
        : {}),
    },
    schedule,
  );
};

/** Records the porting charges on the order (once per number: the numbers are marked charged). */
export const portingCharged = (run: OrderRun, lines: PortingChargeLine[]) => {
  const at = Date.now();
  const numbers = [...new Set(lines.map((l) => l.phoneNumber))].map((p) => run.find(p)!);
  for (const n of numbers) n.portingCharged = true;
  for (const l of lines)
    run.state.charges.push({ phoneNumber: l.phoneNumber, feeCents: l.feeCents, reason: l.kind, at });
  const kinds = PORTING_CHARGE_KINDS.filter((k) => lines.some((l) => l.kind === k));
  run.transition(
    'number.porting_charged',
    numbers,
    undefined,
    kinds
      .map((k) => `${k} ${lines.filter((l) => l.kind === k).reduce((sum, l) => sum + l.feeCents, 0)} cents`)
      .join(', '),
  );
};

/** Answers learned by querying the carrier count like events (the carrier may simply have been slow to call back). */
export const applyCarrierAnswers = (run: OrderRun, found: CarrierNumberAnswer[], eventKey: string) => {
  const matching = (state: CarrierNumberAnswer['state'], answer: CarrierAnswer) =>
    found
      .filter((a) => a.state === state)
      .map((a) => ({ a, n: run.find(a.phoneNumber) }))
      .filter(
        (x): x is { a: CarrierNumberAnswer; n: NumberState } =>
          x.n !== undefined && answers(answer, x.n, Date.now()),
      );
  for (const { a, n } of matching('accepted', 'accepted')) {
    if (isValidIsoDate(a.focDate))
      carrierAccepted(run, [n], a.focDate, `${eventKey}-${n.phoneNumber}`, ' (from carrier query)');
  }
  for (const { a, n } of matching('rejected', 'rejected')) {
    if (isRejectionCode(a.reasonCode)) reject(run, [n], a.reasonCode, `${eventKey}-${n.phoneNumber}`);
  }
  const canceled = matching('canceled', 'canceled').map((x) => x.n);
  if (canceled.length) carrierCanceled(run, canceled, eventKey);
  const ported = matching('ported', 'ported').map((x) => x.n);
  if (ported.length) carrierPorted(run, ported, 'carrier query shows the port done');
};

// ---- 5.6 activation at FOC midnight (and its undoing) ----

export const activated = (run: OrderRun, numbers: NumberState[]) => {
  for (const n of numbers) n.activated = true;
  run.transition('number.activated', numbers, undefined, 'added to the account, routing ready');
};

/**
 * Canceled by the carrier after activation: out of the account's inventory again, so the number
 * routes nowhere on our side and is free for a later order.
 */
export const deactivated = (run: OrderRun, numbers: NumberState[]) => {
  for (const n of numbers) n.activated = false;
  run.transition('number.deactivated', numbers, undefined, 'removed from the account: the port was canceled');
};

// ---- 5.8 capability tests and completion ----

/**
 * The round's key part. A failed round changes no status (so not seq) but always counts a failure:
 * the key of each round differs, so the carrier never answers a retest with the cached result of
 * the last one.
 */
export const capabilityRound = (run: OrderRun, toTest: NumberState[]): string =>
  `${run.state.seq}.${toTest.reduce((sum, n) => sum + n.capabilityFailures, 0)}`;

/**
 * Applies a round's results: returns the numbers that passed; the others get the status of what
 * fails (domain/statuses.ts) and a retest with backoff, alerted after a few failures.
 */
export const recordCapabilityResults = (
  run: OrderRun,
  toTest: NumberState[],
  results: CapabilityResult[],
): NumberState[] => {
  const { input } = run;
  const { initialIntervalMs, maximumIntervalMs, alertAfterFailures } = input.policy.capabilityRetry;
  const testedAt = Date.now();
  const passed: NumberState[] = [];
  for (const n of toTest) {
    const result = results.find((x) => x.phoneNumber === n.phoneNumber);
    const failing = failingCapabilities(result, input.capabilities);
    if (failing.length === 0) {
      passed.push(n);
      continue;
    }
    const status = degradedStatus(failing);
    n.capabilityFailures += 1;
    n.nextCapabilityTestAt =
      testedAt + Math.min(maximumIntervalMs, initialIntervalMs * 2 ** (n.capabilityFailures - 1));
    if (n.status !== status) run.transition('number.capability_failed', [n], status, status);
    if (n.capabilityFailures === alertAfterFailures) {
      run.outbox.alert(
        'capability_failing',
        `${n.phoneNumber}: ${failing.join(' and ')} still failing after ${alertAfterFailures} tests`,
      );
      run.outbox.notice(
        { kind: 'capability_degraded', phoneNumbers: [n.phoneNumber], failing },
        n.phoneNumber,
        n.attempt,
      );
    }
  }
  return passed;
};

/** The numbers passed every requested capability: the port is complete. */
export const completed = (run: OrderRun, passed: NumberState[], round: string) => {
  for (const n of passed) n.nextCapabilityTestAt = undefined;
  run.transition('number.completed', passed, 'completed', 'capabilities tested and working');
  run.outbox.notice({ kind: 'completed', phoneNumbers: passed.map((n) => n.phoneNumber) }, round);
};
