/**
 * The cancel update (rulebook 6): cancels numbers with the fee of their window, cancels them at the
 * carrier when a submission of theirs is there, charges the fees and tells the customer.
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import { carrier, store } from './activity-proxies';
import { changeTargets, feeResult } from './change-targets';
import { cancelUpdate } from './messages';
import type { OrderRun } from './order-run';
import { PATCHES } from './patches';

/** Registers the cancel update. Must run before the workflow's first await. */
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
        await carrier.cancelAtCarrier({ orderId, phoneNumbers: atCarrier, idempotencyKey: cancelKey });
      }
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents, reason: 'cancellation' as const }));
      if (charges.length) await store.chargeFees({ orderId, charges, idempotencyKey: cancelKey });
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
