/**
 * The API's one client of the order workflow (issue #15 item 5): its id, its start, its updates and
 * queries, each typed by the workflow's own message definitions (workflows/messages.ts). A refusal
 * of the workflow becomes a 409 carrying its stable code, and a finished workflow `409 order_closed`
 * (api/workflow-update.ts); routes never hold a Temporal handle themselves.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  TASK_QUEUE,
  cancelUpdate,
  changePortDateUpdate,
  changeQuoteQuery,
  resubmitUpdate,
  reviewUpdate,
  statusQuery,
  workflowIdFor,
  type ChangeQuoteRequest,
  type OrderSnapshot,
  type PortInOrderInput,
} from '../workflows/messages';
import { portInOrderWorkflow } from '../workflows/port-in-order';
import type { Metrics } from './observability';
import { runUpdate } from './workflow-update';

export interface OrderWorkflowDeps {
  temporal: Client;
  taskQueue?: string;
  metrics: Metrics;
}

/** What the Temporal UI shows about an order's workflow before its first task runs. */
export interface StartDescription {
  staticSummary: string;
  staticDetails: string;
}

export function orderWorkflowClient(deps: OrderWorkflowDeps) {
  const handle = (orderId: string) => deps.temporal.workflow.getHandle(workflowIdFor(orderId));
  /** One update of the workflow, typed by its definition; a refusal is a 409 with its code. */
  const update =
    <Ret, Arg>(definition: UpdateDefinition<Ret, [Arg]>) =>
    (orderId: string, arg: Arg): Promise<Ret> =>
      runUpdate(deps.metrics, () => handle(orderId).executeUpdate(definition, { args: [arg] }));
  return {
    workflowId: workflowIdFor,
    /**
     * Starts the order's workflow; `already_started` when it runs already (a retried submit: the
     * workflow id is the order's, so there is never a second one).
     */
    async start(
      input: PortInOrderInput,
      description: StartDescription,
    ): Promise<'started' | 'already_started'> {
      try {
        await deps.temporal.workflow.start(portInOrderWorkflow, {
          taskQueue: deps.taskQueue ?? TASK_QUEUE,
          workflowId: workflowIdFor(input.orderId),
          args: [input],
          ...description,
        });
        deps.metrics.workflowStarts.inc();
        return 'started';
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return 'already_started';
        throw err;
      }
    },
    /** The workflow's state (a query); a finished workflow is `409 order_closed`, like an update. */
    status: (orderId: string): Promise<OrderSnapshot> =>
      runUpdate(deps.metrics, () => handle(orderId).query(statusQuery)),
    /** The same, with the workflow's errors as they are (read-your-writes handles them itself). */
    snapshot: (orderId: string): Promise<OrderSnapshot> => handle(orderId).query(statusQuery),
    /** The fees a cancellation or a port-date change would cost now. */
    quote: (orderId: string, request: ChangeQuoteRequest) => handle(orderId).query(changeQuoteQuery, request),
    review: update(reviewUpdate),
    cancel: update(cancelUpdate),
    changePortDate: update(changePortDateUpdate),
    resubmit: update(resubmitUpdate),
  };
}

export type OrderWorkflowClient = ReturnType<typeof orderWorkflowClient>;
