/**
 * What people ask of a running order (rulebook 5.1, 5.4, 5.5, 6 and issue #14), each an update with
 * its validator, and the order's queries. A validator and its handler share one check (so a refused
 * request never reaches the history); a refusal is an ApplicationFailure typed with a REFUSALS code,
 * which the API answers as a 409 with the same code. Every handler is registered before the
 * workflow's first await (see port-in-order.ts for their order).
 */
import { ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import { activationInstant, localDate } from '../domain/calendar';
import { COMMENT_TIMELINE, commentRecipient, commentRefusal } from '../domain/comments';
import { quoteChange } from '../domain/fees';
import { focMayMove, isResubmittablePhase, phaseOf } from '../domain/lifecycle';
import { portDateIssues } from '../domain/port-dates';
import { isRejectionCode } from '../domain/rejection-codes';
import {
  REFUSALS,
  addCommentUpdate,
  cancelUpdate,
  changePortDateUpdate,
  changeQuoteQuery,
  resubmitUpdate,
  reviewUpdate,
  statusQuery,
  type Actor,
  type FeeResult,
} from './messages';
import { changeStateOf, isoAt, snapshot, type NumberState, type OrderRun } from './order-state';
import { carrier, carrierRefusal, inventory } from './parties';
import { PATCHES } from './patches';
import { reject, resubmitted, reviewApproved, setFoc, submissionIssued } from './transitions';

/** Refuses the caller's action with a stable type (a REFUSALS code); never retried. */
export const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

// ---- which numbers a request is about ----

/** The named numbers (every one must be in the order), or when none are named every eligible one. */
const targets = (
  run: OrderRun,
  phoneNumbers: string[] | undefined,
  eligible: (n: NumberState) => boolean,
): NumberState[] => {
  if (!phoneNumbers || phoneNumbers.length === 0) return run.state.numbers.filter(eligible);
  const unknown = phoneNumbers.filter((p) => !run.find(p));
  if (unknown.length) refuse(REFUSALS.unknownNumber, `not in this order: ${unknown.join(', ')}`);
  return phoneNumbers.map((p) => run.find(p)!);
};

/**
 * The numbers a cancellation or port-date change applies to, with its fee quote (rulebook 6,
 * domain/fees.ts), or the typed refusal the caller gets instead. `giveUpRejectedAt`: a cancellation's
 * instant, at which rejected numbers still awaiting a resubmission may be given up too (a port-date
 * change never applies to them).
 */
const changeTargets = (
  run: OrderRun,
  actor: Actor,
  phoneNumbers: string[] | undefined,
  giveUpRejectedAt?: number,
) => {
  const changeState = (n: NumberState) => changeStateOf(n, giveUpRejectedAt);
  const numbers = targets(run, phoneNumbers, (n) => !changeState(n).closed);
  if (numbers.length === 0)
    refuse(
      REFUSALS.numberClosed,
      'no number of this order can still be changed: activated, ported or finished numbers are no longer a port',
    );
  if (actor?.role === 'ops') refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
  const quote = quoteChange(
    numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeState(n) })),
    actor.role,
    Date.now(),
    run.input.policy.feeSchedule,
  );
  const refused = quote.numbers.filter((q) => q.refusal);
  const listed = refused.map((q) => q.phoneNumber).join(', ');
  if (refused.some((q) => q.refusal === 'number_closed'))
    refuse(
      REFUSALS.numberClosed,
      `already activated, ported, rejected or finished (a port-out is a different process; a rejected number can be resubmitted or canceled): ${listed}`,
    );
  if (refused.some((q) => q.refusal === 'customer_inside_72h'))
    refuse(
      REFUSALS.customerInside72h,
      `the port is less than 72 hours away for ${listed}: only support can make this change now (fees apply); please contact support`,
    );
  if (refused.length) refuse(REFUSALS.roleNotAllowed, 'this role may not make this change');
  return { numbers, quote };
};

/** The fees a change charged, as the update answers them. */
const feeResult = (quote: ReturnType<typeof changeTargets>['quote']): FeeResult => ({
  currency: quote.currency,
  numbers: quote.numbers.map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents })),
  totalCents: quote.totalCents,
});

// ---- 5.1 staff review ----

const requireStaff = (actor: Actor) => {
  if (actor?.role !== 'support') refuse(REFUSALS.roleNotAllowed, 'only support staff may do this');
};

export function handleReview(run: OrderRun): void {
  const { state, transition } = run;
  setHandler(
    reviewUpdate,
    async (decision) => {
      const numbers = state.numbers.filter((n) => n.status === 'in_review');
      if (decision.decision === 'approve') {
        reviewApproved(run, numbers, decision.note);
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

// ---- 6 cancellation ----

/**
 * Cancels numbers with the fee of their window, cancels them at the carrier when a submission of
 * theirs is there, charges the fees and tells the customer.
 */
export function handleCancellation(run: OrderRun): void {
  const { state, input } = run;
  const { orderId } = input;
  setHandler(
    cancelUpdate,
    async (request) => {
      const now = Date.now();
      // Before this patch an unnamed cancellation left rejected numbers waiting out their window.
      const giveUpRejectedAt = patched(PATCHES.cancelRejectedNumbers) ? now : undefined;
      const { numbers, quote } = changeTargets(run, request.actor, request.phoneNumbers, giveUpRejectedAt);
      // A rejection was the carrier's last word on its attempt: nothing of it is left to cancel there.
      const atCarrier = numbers
        .filter((n) => n.submittedAt !== undefined && n.status !== 'rejected')
        .map((n) => n.phoneNumber);
      for (const q of quote.numbers) {
        const n = run.find(q.phoneNumber)!;
        n.cancellation = { by: request.actor.role, feeCents: q.feeCents, at: now };
        n.awaitingSubmission = false;
        if (q.feeCents > 0)
          state.charges.push({
            phoneNumber: q.phoneNumber,
            feeCents: q.feeCents,
            reason: 'cancellation',
            at: now,
          });
      }
      run.transition('number.canceled', numbers, 'canceled', `canceled by ${request.actor.role}`);
      // This cancellation's own step number: concurrent cancellations must not share notice keys.
      const step = state.seq;
      const cancelKey = run.key('cancel', step);
      if (atCarrier.length) {
        // A submission still in flight would land after our cancel and revive the port at the carrier.
        await condition(() => run.submissionsInFlight === 0);
        // A submission the carrier refused meanwhile left nothing there to cancel (and the carrier
        // would refuse the cancel, after this order already changed): only the others are canceled.
        const stillThere = atCarrier.filter((p) => run.find(p)!.submittedAt !== undefined);
        const toCancel =
          stillThere.length < atCarrier.length && patched(PATCHES.cancelSkipsRefusedSubmission)
            ? stillThere
            : atCarrier;
        if (toCancel.length)
          await carrier.cancelAtCarrier({ orderId, phoneNumbers: toCancel, idempotencyKey: cancelKey });
      }
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents, reason: 'cancellation' as const }));
      if (charges.length) await inventory.chargeFees({ orderId, charges, idempotencyKey: cancelKey });
      const result = feeResult(quote);
      run.outbox.notice(
        {
          kind: 'canceled',
          phoneNumbers: numbers.map((n) => n.phoneNumber),
          canceledBy: request.actor.role === 'customer' ? 'customer' : 'support',
          fees: result.numbers,
          totalCents: result.totalCents,
        },
        step,
      );
      return result;
    },
    { validator: (request) => void changeTargets(run, request.actor, request.phoneNumbers, Date.now()) },
  );
}

// ---- 5.5, 6 port-date change ----

/**
 * The new date must pass the port-date rule (domain/port-dates.ts: a business day of the order's
 * country, in the future, not before any FOC the carrier granted); the first issue is the refusal.
 */
const validatePortDate = (run: OrderRun, portDate: string, numbers: NumberState[]) => {
  const { country, timeZone } = run.input;
  const focDate = numbers
    .map((n) => n.focDate)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  const [issue] = portDateIssues(portDate, {
    country,
    today: localDate(Date.now(), timeZone),
    ...(focDate ? { focDate } : {}),
  });
  if (issue) refuse(REFUSALS.invalidPortDate, issue.message);
};

/**
 * Validates the new date, asks the carrier for it when a submission is there, moves the FOC and
 * activation of accepted numbers, charges the fees and tells the customer. A carrier refusal
 * changes and charges nothing.
 */
export function handlePortDateChange(run: OrderRun): void {
  const { state, input, transition } = run;
  const { orderId, timeZone } = input;
  setHandler(
    changePortDateUpdate,
    async (request) => {
      const { numbers, quote } = changeTargets(run, request.actor, request.phoneNumbers);
      const stepKey = run.key('port-date', state.seq + 1);
      transition('number.port_date_change_requested', numbers, undefined, request.portDate);
      const atCarrier = numbers.filter((n) => n.submittedAt !== undefined);
      let focDate = request.portDate;
      if (atCarrier.length) {
        await condition(() => run.submissionsInFlight === 0);
        try {
          ({ focDate } = await carrier.changeDateAtCarrier({
            orderId,
            phoneNumbers: atCarrier.map((n) => n.phoneNumber),
            portDate: request.portDate,
            idempotencyKey: stepKey,
          }));
        } catch (err) {
          // Nothing changed and nothing is charged: the caller learns why, with a stable code.
          const refusal = carrierRefusal(err);
          if (!refusal) throw err;
          transition('number.port_date_change_refused', numbers, undefined, refusal.message);
          return refuse(REFUSALS.carrierRefused, `the carrier refused the new port date: ${refusal.message}`);
        }
      }
      // Only now is the change real: record the date, move the activation, then charge.
      state.requestedPortDate = request.portDate; // honoured by any later (re)submission
      const accepted = atCarrier.filter((n) => focMayMove(n, Date.now()));
      const previousFocDate = accepted[0]?.focDate;
      if (accepted.length) setFoc(run, accepted, focDate);
      const now = Date.now();
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({
          phoneNumber: q.phoneNumber,
          feeCents: q.feeCents,
          reason: 'port_date_change' as const,
        }));
      for (const c of charges) state.charges.push({ ...c, at: now });
      transition('number.port_date_changed', numbers, undefined, focDate);
      if (charges.length) await inventory.chargeFees({ orderId, charges, idempotencyKey: stepKey });
      const result = feeResult(quote);
      run.outbox.notice(
        {
          kind: 'port_date_changed',
          phoneNumbers: numbers.map((n) => n.phoneNumber),
          focDate,
          activationAt: isoAt(activationInstant(focDate, timeZone)),
          totalCents: result.totalCents,
          ...(previousFocDate ? { previousFocDate } : {}),
        },
        stepKey,
      );
      return { ...result, focDate };
    },
    {
      validator: (request) => {
        const { numbers } = changeTargets(run, request.actor, request.phoneNumbers);
        validatePortDate(run, request.portDate, numbers);
      },
    },
  );
}

// ---- 5.4 resubmission ----

/** Rejected inside the window, or held after a carrier refusal (domain/lifecycle.ts, also asked by the API). */
const resubmittable = (n: NumberState) => isResubmittablePhase(phaseOf(n, Date.now()));

/**
 * Puts resubmittable numbers back in line for the loop's next submission, and answers once that
 * submission is on its way.
 */
export function handleResubmission(run: OrderRun): void {
  setHandler(
    resubmitUpdate,
    async (request) => {
      const numbers = targets(run, request.phoneNumbers, resubmittable);
      resubmitted(run, numbers, request.correctedFields);
      await condition(() => submissionIssued(numbers));
      return {
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        attempt: Math.max(...numbers.map((n) => n.attempt)),
      };
    },
    {
      validator: (request) => {
        if (request.actor?.role === 'ops')
          refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
        const numbers = targets(run, request.phoneNumbers, resubmittable);
        if (numbers.length === 0 || !numbers.every(resubmittable)) {
          refuse(
            REFUSALS.notResubmittable,
            'only rejected numbers inside their resubmission window, or numbers held after a carrier refusal, can be resubmitted (unportable numbers never)',
          );
        }
      },
    },
  );
}

// ---- queries: the snapshot and the fee quote (they issue no commands: never affect replay) ----

export function handleQueries(run: OrderRun): void {
  const { input, state } = run;
  setHandler(statusQuery, () => snapshot(input, state, Date.now()));
  setHandler(changeQuoteQuery, ({ role, phoneNumbers, asOf }) => {
    // Workflow time stands still between tasks; the caller's clock is the better "now" for a quote.
    const now = typeof asOf === 'number' && Number.isFinite(asOf) ? Math.max(Date.now(), asOf) : Date.now();
    // Quoted as a cancellation, which may also give up rejected numbers awaiting resubmission.
    const numbers = phoneNumbers?.length
      ? state.numbers.filter((n) => phoneNumbers.includes(n.phoneNumber))
      : state.numbers.filter((n) => !changeStateOf(n, now).closed);
    return quoteChange(
      numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeStateOf(n, now) })),
      role,
      now,
      input.policy.feeSchedule,
    );
  });
}

// ---- issue #14 comments ----

/**
 * The API stores each comment (its text never enters the history) and tells the workflow with this
 * update, which puts it on the timeline and tells the other side once: support's comment is a
 * customer notice (email and webhook, keyed by the comment's seq), the customer's an ops alert; an
 * internal note tells no one. Rules in domain/comments.ts.
 */
export function handleComments(run: OrderRun): void {
  const { input } = run;
  setHandler(
    addCommentUpdate,
    ({ actor, seq, internal }) => {
      const author = actor.role === 'customer' ? 'customer' : 'support';
      const type = internal ? COMMENT_TIMELINE.internalNote : COMMENT_TIMELINE.added;
      run.transition(type, [], undefined, `comment ${seq} by ${author}`);
      // A new update, so no recorded history delivers one; the marker still dates the notices it queues.
      if (patched(PATCHES.orderComments)) {
        const to = commentRecipient(author, internal);
        if (to === 'customer')
          run.outbox.notice({ kind: 'comment_added', phoneNumbers: input.phoneNumbers, seq }, seq);
        if (to === 'support')
          run.outbox.alert(
            'customer_comment',
            `the customer added comment ${seq} to order ${input.orderId}: read and answer it with GET and POST /v1/port-in-orders/${input.orderId}/comments`,
          );
      }
      return { seq };
    },
    {
      validator: ({ actor, seq, internal }) => {
        const refusal = commentRefusal(actor?.role, internal === true);
        if (refusal) refuse(REFUSALS.roleNotAllowed, refusal.message);
        if (!Number.isInteger(seq) || seq < 1) refuse(REFUSALS.wrongState, `not a stored comment: ${seq}`);
      },
    },
  );
}
