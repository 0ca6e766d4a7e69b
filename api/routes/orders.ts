/**
 * /v1/port-in-orders: drafts, documents, submission, and the actions that talk to the workflow.
 * One handler per action, each in its own module of api/routes/orders/; what they share (the
 * visible order, state checks, the workflow client) is in api/routes/orders/context.ts.
 */
import { Router } from 'express';
import { allow } from '../auth';
import { singleFileUpload } from '../multipart';
import { rememberRouteBase } from '../observability';
import { cancelOrder, cancellationQuote, changePortDate, reviewOrder } from './orders/actions';
import { orderContext, type OrderRouteDeps } from './orders/context';
import { createOrder } from './orders/create';
import { deleteDraft, editDraft, setConfiguration } from './orders/edit';
import { getOrder, listOrders, orderEvents } from './orders/read';
import { resubmitOrder } from './orders/resubmit';
import { submitOrder } from './orders/submit';
import { uploadDocument } from './orders/upload';

export type { OrderRouteDeps } from './orders/context';
export { sniffDocumentType } from './orders/upload';

export function ordersRouter(deps: OrderRouteDeps): Router {
  const ctx = orderContext(deps);
  const router = Router();
  router.use(rememberRouteBase);
  const staffOrCustomer = allow('customer', 'support');

  router.post('/', staffOrCustomer, createOrder(ctx));
  router.patch('/:id', staffOrCustomer, editDraft(ctx));
  router.put('/:id/configuration', staffOrCustomer, setConfiguration(ctx));
  router.get('/', listOrders(ctx));
  router.get('/:id', getOrder(ctx));
  router.delete('/:id', staffOrCustomer, deleteDraft(ctx));
  router.post('/:id/documents', staffOrCustomer, singleFileUpload('file'), uploadDocument(ctx));
  router.post('/:id/submit', staffOrCustomer, submitOrder(ctx));
  router.get('/:id/events', orderEvents(ctx));
  router.get('/:id/cancellation-quote', staffOrCustomer, cancellationQuote(ctx));
  router.post('/:id/cancel', staffOrCustomer, cancelOrder(ctx));
  router.post('/:id/port-date', staffOrCustomer, changePortDate(ctx));
  router.post('/:id/resubmit', staffOrCustomer, resubmitOrder(ctx));
  router.post('/:id/review', allow('support'), reviewOrder(ctx));
  return router;
}
