/**
 * Continue-as-new for long orders: when the server suggests it, at a quiet moment, the order goes
 * on in a fresh history carrying its state (see workflows/VERSIONING.md).
 */
import { allHandlersFinished, continueAsNew, log, workflowInfo } from '@temporalio/workflow';
import type { OrderSnapshot, PortInOrderInput } from './messages';
import type { OrderRun } from './order-run';

/**
 * The history is long enough to start afresh, and it is quiet: an update handler still running (a
 * resubmission waits for the loop to submit) would otherwise be cut off, or wait for a loop that
 * waits for it, and queued notices would be lost.
 */
export const timeToContinueAsNew = (run: OrderRun): boolean =>
  workflowInfo().continueAsNewSuggested && allHandlersFinished() && run.outbox.isEmpty();

/** Ends this run and starts the next with the order's state. Not async: the caller awaits the SDK's own promise. */
export function continueAsNewCarryingState(run: OrderRun): Promise<never> {
  log.info('continuing as new', { orderId: run.input.orderId, historyLength: workflowInfo().historyLength });
  return continueAsNew<(input: PortInOrderInput) => Promise<OrderSnapshot>>({
    ...run.input,
    carriedState: run.state,
  });
}
