/**
 * GET /v1/port-in-orders/{id}/requirements: the submit checklist. It is the assessment submit itself
 * makes (api/submission-check.ts, domain/requirements.ts), for the caller, now: submit succeeds
 * exactly when every requirement here is met, and refuses with exactly the problems listed.
 */
import { Router } from 'express';
import type { CarrierGateway } from '../../carrier/gateway';
import type { Store } from '../../store/connection';
import { principalOf } from '../auth';
import { rememberRouteBase } from '../observability';
import { assessStoredOrder } from '../submission-check';
import { loadVisibleOrder } from './order-access';

export function requirementsRouter(deps: { store: Store; carrier: CarrierGateway }): Router {
  const router = Router();
  router.use(rememberRouteBase);

  router.get('/:id/requirements', async (req, res) => {
    const order = await loadVisibleOrder(deps.store, req);
    const { inputs, assessment } = await assessStoredOrder(deps, order, principalOf(req), Date.now());
    const draft = order.status === 'draft';
    res.json({
      orderId: order._id,
      status: order.status,
      // A submitted order is checked too (useful before a resubmission), but cannot be submitted again.
      submittable: draft && assessment.submittable,
      today: inputs.context.today,
      order: assessment.order,
      numbers: assessment.numbers,
      problems: assessment.problems,
      warnings: assessment.warnings,
    });
  });

  return router;
}
