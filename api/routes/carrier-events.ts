/**
 * POST /v1/carrier/events: the carrier's answers, verified with Standard Webhooks signatures
 * (5-minute tolerance, constant-time compare), de-duplicated by webhook-id, turned into signals.
 */
import express, { Router } from 'express';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { verify } from '../../security/standard-webhooks';
import type { Store } from '../../store/connection';
import { isDuplicateKey } from '../../store/connection';
import {
  focChangedSignal,
  numberAcceptedSignal,
  numberCanceledSignal,
  numberPortedSignal,
  numberRejectedSignal,
  workflowIdFor,
} from '../../workflows/messages';
import { HttpProblem } from '../problems';
import { carrierEventSchema, parse } from '../schemas';

export function carrierEventsRouter(deps: { store: Store; temporal: Client; secret: string }): Router {
  const router = Router();
  router.post('/events', express.text({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    const failure = verify(
      deps.secret,
      {
        'webhook-id': req.header('webhook-id'),
        'webhook-timestamp': req.header('webhook-timestamp'),
        'webhook-signature': req.header('webhook-signature'),
      },
      raw,
    );
    if (failure)
      throw new HttpProblem(
        401,
        `signature_${failure}`,
        `carrier event refused: ${failure.replace(/_/g, ' ')}`,
      );
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HttpProblem(400, 'malformed_json', 'the event body is not valid JSON');
    }
    const event = parse(carrierEventSchema, json);
    const eventId = req.header('webhook-id')!;
    const { CarrierEventReceipt, Order } = deps.store.models;
    if (await CarrierEventReceipt.exists({ _id: eventId }))
      return res.status(200).json({ status: 'duplicate' });
    const order = await Order.findById(event.orderId, { status: 1 }).lean();
    if (!order) throw new HttpProblem(404, 'not_found', `no port-in order ${event.orderId}`);
    // A draft has no workflow and was never sent to the carrier: refused, with no receipt recorded.
    if (order.status === 'draft')
      throw new HttpProblem(
        409,
        'order_not_submitted',
        `port-in order ${event.orderId} was never submitted to the carrier; no event applies to it`,
      );
    const handle = deps.temporal.workflow.getHandle(workflowIdFor(event.orderId));
    const base = { eventId, phoneNumbers: event.phoneNumbers, occurredAt: event.occurredAt };
    try {
      switch (event.type) {
        case 'number.accepted':
        case 'number.foc_changed':
          if (!event.focDate)
            throw new HttpProblem(422, 'invalid_request', 'focDate is required', [
              { code: 'required', field: 'focDate', message: 'required for this event type' },
            ]);
          await handle.signal(event.type === 'number.accepted' ? numberAcceptedSignal : focChangedSignal, {
            ...base,
            focDate: event.focDate,
          });
          break;
        case 'number.rejected':
          if (!event.reasonCode)
            throw new HttpProblem(422, 'invalid_request', 'reasonCode is required', [
              { code: 'required', field: 'reasonCode', message: 'required for this event type' },
            ]);
          await handle.signal(numberRejectedSignal, { ...base, reasonCode: event.reasonCode });
          break;
        case 'number.canceled':
          await handle.signal(numberCanceledSignal, base);
          break;
        case 'number.ported':
          await handle.signal(numberPortedSignal, base);
          break;
      }
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new HttpProblem(409, 'order_closed', 'the order has finished');
      throw err;
    }
    // Recorded after the signal: a crash in between means the carrier retries and the workflow drops the duplicate by event id.
    await CarrierEventReceipt.create({ _id: eventId, orderId: event.orderId, type: event.type }).catch((e) =>
      isDuplicateKey(e) ? undefined : Promise.reject(e),
    );
    res.status(202).json({ status: 'accepted' });
  });
  return router;
}
