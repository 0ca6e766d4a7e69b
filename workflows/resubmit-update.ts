/**
 * The resubmit update (rulebook 5.4): puts rejected numbers still inside their resubmission window,
 * or numbers held after a carrier refusal, back in line for the loop's next submission, and answers
 * once that submission is on its way.
 */
import { condition, setHandler } from '@temporalio/workflow';
import { isResubmittable } from '../domain/resubmission';
import { targets } from './change-targets';
import { REFUSALS, resubmitUpdate, type NumberState } from './messages';
import type { OrderRun } from './order-run';
import { heldAfterRefusal } from './order-state';
import { refuse } from './refusals';
import { submissionIssued } from './submission';

/** The rule lives in domain/ so the API can ask it before writing a resubmission's corrections. */
const resubmittable = (n: NumberState) =>
  isResubmittable(
    {
      status: n.status,
      resubmitBy: n.rejection?.resubmitBy,
      submissionRefused: heldAfterRefusal(n),
    },
    Date.now(),
  );

/** Registers the resubmit update. Must run before the workflow's first await. */
export function handleResubmission(run: OrderRun): void {
  const { state } = run;
  setHandler(
    resubmitUpdate,
    async (request) => {
      const numbers = targets(run, request.phoneNumbers, resubmittable);
      for (const n of numbers) {
        n.awaitingSubmission = true;
        n.rejection = undefined;
        n.submissionRefusal = undefined;
      }
      const corrected = Array.isArray(request.correctedFields) ? request.correctedFields.join(', ') : '';
      run.transition(
        'number.resubmitted',
        numbers,
        'in_review',
        `corrected: ${corrected || 'nothing named'}`,
      );
      if (state.review === 'rejected') state.review = 'approved';
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
