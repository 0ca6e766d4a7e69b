/**
 * Staff review (rulebook 5.1): the order's submission, the automatic checks that may approve it
 * outright, the 24 h SLA escalation, and the review update with its validator.
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import { isRejectionCode } from '../domain/rejection-codes';
import { reject } from './carrier-answers';
import { REFUSALS, reviewUpdate, type Actor } from './messages';
import type { OrderRun } from './order-run';
import { PATCHES } from './patches';
import { refuse } from './refusals';
import { submissionIssued } from './submission';

/** First run only: records the submission and tells the customer. */
export const orderSubmitted = (run: OrderRun) => {
  // No status here: numbers start in_review, and a review update buffered with the first task may
  // already have decided (rejected) them; resetting would undo that decision.
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

const requireStaff = (actor: Actor) => {
  if (actor?.role !== 'support') refuse(REFUSALS.roleNotAllowed, 'only support staff may do this');
};

/** Registers the review update. Must run before the workflow's first await. */
export function handleReview(run: OrderRun): void {
  const { state, transition } = run;
  setHandler(
    reviewUpdate,
    async (decision) => {
      const numbers = state.numbers.filter((n) => n.status === 'in_review');
      if (decision.decision === 'approve') {
        state.review = 'approved';
        for (const n of numbers) n.awaitingSubmission = true;
        transition('review.approved', numbers, undefined, decision.note);
        run.outbox.notice({ kind: 'review_approved', phoneNumbers: numbers.map((n) => n.phoneNumber) });
        // Approved means on its way to the carrier: carrier answers from then on apply. Not waiting
        // for the carrier's acknowledgement nor for the emails, which may take hours to get through.
        await condition(() => submissionIssued(numbers));
      } else {
        state.review = 'rejected';
        transition('review.rejected', numbers, undefined, decision.note);
        // Told as the review's decision (not as the carrier's): older orders keep the old notice.
        const byReview = patched(PATCHES.reviewRejectionNotice) ? 'review' : undefined;
        reject(run, numbers, decision.reasonCode, 'review', '', byReview);
      }
      return { review: state.review };
    },
    {
      validator: (decision) => {
        requireStaff(decision.actor);
        if (state.review !== 'pending' && state.review !== 'escalated')
          refuse(REFUSALS.wrongState, `the review was already decided (${state.review})`);
        if (decision.decision === 'reject' && !isRejectionCode(decision.reasonCode))
          refuse(REFUSALS.invalidReason, `unknown rejection reason: ${String(decision.reasonCode)}`);
      },
    },
  );
}
