/**
 * One long-running workflow per port-in order (rulebook sections 4–8): review with a 24 h SLA,
 * carrier submission and follow-ups, FOC midnight activation in the order's zone, end-of-business
 * checks, capability tests with backoff, cancellations and port-date changes with fees, rejections
 * and resubmissions. All waiting is one loop over durable deadlines, so an FOC move simply moves
 * the next wake-up. Customer notices and ops alerts leave through an outbox drained by a separate
 * coroutine, so a slow or failing mail provider never holds up a deadline.
 *
 * This file is the lifecycle; each step lives in its own module of workflows/. Changing any of them
 * changes what replays: read workflows/VERSIONING.md first.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { store } from './activity-proxies';
import { handleCancellation } from './cancel-update';
import { handleCarrierEvents } from './carrier-events';
import { handleComments } from './comments-update';
import { continueAsNewCarryingState, timeToContinueAsNew } from './continue-as-new';
import { finished, nextDeadline } from './deadlines';
import { dueActions } from './due-actions';
import type { OrderSnapshot, PortInOrderInput } from './messages';
import { orderRun } from './order-run';
import { describe, snapshot } from './order-state';
import { handlePortDateChange } from './port-date-update';
import { handleQueries } from './queries';
import { handleResubmission } from './resubmit-update';
import { applyAutomaticChecks, handleReview, orderSubmitted } from './review';
import { opsVisibility } from './visibility';

export async function portInOrderWorkflow(input: PortInOrderInput): Promise<OrderSnapshot> {
  const run = orderRun(input);
  const { state } = run;
  // The outbox sender runs for the life of this run, beside the loop.
  void run.outbox.send();

  // Handlers before the first await: signals and updates delivered with the first task are
  // dispatched as each is registered, in this order.
  handleCarrierEvents(run);
  handleReview(run);
  handleCancellation(run);
  handlePortDateChange(run);
  handleResubmission(run);
  handleQueries(run);
  handleComments(run); // last: a new update, which no recorded history delivers
  const { publish } = opsVisibility(run);

  if (!input.carriedState) {
    orderSubmitted(run);
    await publish();
    const checks = await store.runAutomaticChecks({ orderId: input.orderId });
    applyAutomaticChecks(run, checks);
  }

  // The loop: do what is due, publish, then sleep until the next deadline or message.
  for (;;) {
    run.dirty = false; // anything a handler changes from here on wakes the next iteration
    await dueActions(run, Date.now());
    await publish();
    if (finished(state, Date.now())) break;

    // Continue as new only at a quiet moment; not quiet now: try again on the next wake-up.
    if (timeToContinueAsNew(run)) await continueAsNewCarryingState(run);

    const deadline = nextDeadline(state, Date.now());
    const waitMs = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    const wake = () => run.dirty || timeToContinueAsNew(run);
    if (waitMs === undefined) await condition(wake);
    else await condition(wake, waitMs, { summary: describe(state, Date.now()).slice(0, 200) });
  }

  // Handlers still running (a cancellation charging its fees) and notices still queued finish first.
  await condition(() => allHandlersFinished() && run.outbox.isEmpty());
  await publish();
  return snapshot(input, state, Date.now());
}
