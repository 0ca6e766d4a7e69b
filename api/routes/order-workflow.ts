/**
 * GET /v1/port-in-orders/{id}/workflow: where staff find a submitted order's workflow in the
 * Temporal UI (issue #13: the console's "any order" page links to it). Support and ops only; a
 * customer gets a 403 before the order is looked up. The UI's address is the one the API already
 * trusts as the Temporal UI: the first origin allowed to call its codec endpoint
 * (`CODEC_CORS_ORIGINS`, whose default is the local UI's); without one the link is null.
 */
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Store } from '../../store/connection';
import { workflowIdFor } from '../../workflows/messages';
import { allow } from '../auth';
import { HttpProblem, notFound } from '../problems';
import type { CodecEndpointOptions } from './codec';

export const orderWorkflowSchema = z
  .object({
    workflowId: z.string().meta({ description: 'the order’s workflow id (`port-in-order-<orderId>`)' }),
    namespace: z.string().meta({ description: 'the Temporal namespace the API starts orders in' }),
    temporalUiUrl: z.string().nullable().meta({
      description: 'the workflow’s page in the Temporal UI; null when the API does not know the UI’s address',
    }),
  })
  .strict()
  .meta({ id: 'OrderWorkflow', description: 'a submitted order’s workflow, for staff' });

export function orderWorkflowRouter(deps: {
  store: Store;
  temporal: Client;
  codecEndpoint?: CodecEndpointOptions;
}): Router {
  const router = Router();
  router.get('/port-in-orders/:id/workflow', allow('support', 'ops'), async (req, res) => {
    const order = await deps.store.models.Order.findById(String(req.params.id), { status: 1 }).lean();
    if (!order) throw notFound('port-in order');
    if (order.status === 'draft')
      throw new HttpProblem(409, 'not_submitted', 'the order is still a draft: it has no workflow yet');
    const workflowId = workflowIdFor(order._id);
    const namespace = deps.temporal.options?.namespace ?? 'default';
    const ui = deps.codecEndpoint?.corsOrigins?.[0];
    res.json(
      orderWorkflowSchema.parse({
        workflowId,
        namespace,
        temporalUiUrl: ui
          ? `${ui.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`
          : null,
      }),
    );
  });
  return router;
}
