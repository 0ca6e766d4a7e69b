/** Runs a workflow update for a route: a refusal from the workflow becomes a 409 carrying its stable code. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Metrics } from './observability';
import { HttpProblem } from './problems';

export async function runUpdate<T>(metrics: Metrics | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    metrics?.workflowMessageFailures.inc({
      kind: err instanceof WorkflowUpdateFailedError ? 'update_refused' : 'update_failed',
    });
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
      throw new HttpProblem(409, err.cause.type ?? 'refused', err.cause.message);
    if ((err as Error).name === 'WorkflowNotFoundError')
      throw new HttpProblem(409, 'order_closed', 'the order has finished; nothing can change it any more');
    throw err;
  }
}
