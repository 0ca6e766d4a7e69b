/**
 * Submission to the losing carrier (first time and resubmissions, rulebook 5.2 and 5.4): which numbers
 * are due, marking them submitted, and what a refusal of the submission does. The activity call
 * itself stays in due-actions.ts (see the note there).
 */
import type { ApplicationFailure } from '@temporalio/workflow';
import { businessDaysLater } from '../domain/calendar';
import { isRejectionCode } from '../domain/rejection-codes';
import { reject } from './carrier-answers';
import type { NumberState, OrderState } from './messages';
import type { OrderRun } from './order-run';

/** Numbers approved (or resubmitted) whose submission has not left yet. */
export const dueForSubmission = (state: OrderState): NumberState[] =>
  state.numbers.filter((n) => n.awaitingSubmission && n.status === 'in_review');

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
  // Numbers canceled meanwhile stay canceled; the others learn the refusal.
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
  numbers.every((n) => !n.awaitingSubmission || n.status !== 'in_review');
