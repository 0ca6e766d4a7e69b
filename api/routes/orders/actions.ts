/**
 * The actions a submitted order takes through its workflow: the change quote, cancel, a port-date
 * change and staff review. Each answers with the order as it now stands (read-your-writes); a
 * refusal of the workflow is a 409 with its code (api/order-workflow-client.ts).
 */
import type { RequestHandler } from 'express';
import { principalOf } from '../../auth';
import { cancellationQuoteQuerySchema, parseQuery } from '../../list-queries';
import { cancelSchema, parse, portDateSchema, reviewSchema } from '../../schemas';
import { actorOf, requireSubmitted, type OrderContext } from './context';

export const cancellationQuote =
  ({ workflow, loadVisible }: OrderContext): RequestHandler =>
  async (req, res) => {
    const query = parseQuery(cancellationQuoteQuerySchema, req.query);
    const order = await loadVisible(req);
    if (order.status === 'draft')
      return res.json({ currency: 'USD', numbers: [], totalCents: 0, allowed: true });
    const phoneNumbers = query.phoneNumbers?.split(',');
    const quote = await workflow.quote(order._id, {
      role: principalOf(req).role,
      // A query cannot move workflow time forward: quote at the caller's clock, or fees go stale.
      asOf: Date.now(),
      ...(phoneNumbers ? { phoneNumbers } : {}),
    });
    res.json(quote);
  };

export const cancelOrder =
  ({ workflow, loadVisible, orderAfterUpdate }: OrderContext): RequestHandler =>
  async (req, res) => {
    const body = parse(cancelSchema, req.body ?? {});
    const order = await loadVisible(req);
    requireSubmitted(order);
    const result = await workflow.cancel(order._id, { actor: actorOf(req), ...body });
    res.json({ ...result, order: await orderAfterUpdate(order._id, req) });
  };

export const changePortDate =
  ({ workflow, loadVisible, orderAfterUpdate }: OrderContext): RequestHandler =>
  async (req, res) => {
    const body = parse(portDateSchema, req.body);
    const order = await loadVisible(req);
    requireSubmitted(order);
    const result = await workflow.changePortDate(order._id, { actor: actorOf(req), ...body });
    res.json({ ...result, order: await orderAfterUpdate(order._id, req) });
  };

export const reviewOrder =
  ({ workflow, loadVisible, orderAfterUpdate }: OrderContext): RequestHandler =>
  async (req, res) => {
    const body = parse(reviewSchema, req.body);
    const order = await loadVisible(req);
    requireSubmitted(order);
    const result = await workflow.review(order._id, { actor: actorOf(req), ...body });
    res.json({ ...result, order: await orderAfterUpdate(order._id, req) });
  };
