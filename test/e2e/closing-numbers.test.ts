/**
 * Numbers that close off the happy path, end to end on FerretDB and the dev server: the carrier
 * cancels a number we already activated (the real deactivateNumbers activity takes it back out of
 * the account's inventory, so it is free for a later order), and a customer gives up a rejected
 * number through the API instead of leaving the order open for its 30-day resubmission window.
 */
import { localDate } from '../../domain/calendar';
import { findNumberHolds } from '../../store/number-holds';
import { workflowIdFor } from '../../workflows/messages';
import { api, carrierEvent, eventually } from '../support/api-client';
import {
  firstNumber,
  plainUsOrder,
  submitAndApprove,
  waitForOrder,
  type OrderSpec,
} from '../support/scenarios';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });

const spec = (phone: string): OrderSpec => plainUsOrder(phone, 'closing@example.test');

/** Approved and acknowledged by the carrier (the read model shows it once the submit call returned). */
async function submitted(phone: string): Promise<string> {
  const orderId = await submitAndApprove(stack, spec(phone));
  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'submitted_to_carrier');
  return orderId;
}
const carrier = (body: Record<string, unknown>) => carrierEvent(stack.apiUrl, CARRIER_SECRET, body);

test('the carrier cancels an activated number: it leaves the account inventory and can be ported again', async () => {
  const phone = '+12125550173';
  const orderId = await submitted(phone);
  const today = localDate(Date.now(), 'America/New_York');
  // FOC today: its midnight has passed, so the number is activated at once.
  expect(
    (await carrier({ type: 'number.accepted', orderId, phoneNumbers: [phone], focDate: today })).status,
  ).toBe(202);
  await waitForOrder(stack, orderId, (o) => firstNumber(o).activated);
  expect(await stack.store.models.ActiveNumber.findById(phone).lean()).toMatchObject({
    orderId,
    state: 'activated',
  });
  expect((await findNumberHolds(stack.store, [phone])).active.has(phone)).toBe(true);

  expect((await carrier({ type: 'number.canceled', orderId, phoneNumbers: [phone] })).status).toBe(202);
  const canceled = await waitForOrder(stack, orderId, (o) => o.status === 'canceled');
  expect(firstNumber(canceled)).toMatchObject({
    status: 'canceled',
    activated: false,
    cancellation: { by: 'carrier', feeCents: 0 },
  });
  expect(await stack.store.models.ActiveNumber.findById(phone).lean()).toBeNull();
  const holds = await findNumberHolds(stack.store, [phone]);
  expect([holds.active.has(phone), holds.inOpenOrder.has(phone)]).toEqual([false, false]);
  const events = await eventually(
    () => api(stack.apiUrl, KEYS.supportKey).get(`/v1/port-in-orders/${orderId}/events`),
    (r) => r.body.data?.some((e: { type: string }) => e.type === 'number.deactivated'),
    10_000,
  );
  expect(events.status).toBe(200);
}, 90_000);

test('a customer gives up a rejected number: free, and the order closes now rather than in 30 days', async () => {
  const phone = '+12125550174';
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const orderId = await submitted(phone);
  expect(
    (
      await carrier({
        type: 'number.rejected',
        orderId,
        phoneNumbers: [phone],
        reasonCode: 'incorrect_account_number',
      })
    ).status,
  ).toBe(202);
  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'rejected');

  const quote = await customer.get(`/v1/port-in-orders/${orderId}/cancellation-quote`);
  expect(quote.body).toMatchObject({
    allowed: true,
    totalCents: 0,
    numbers: [{ phoneNumber: phone, window: 'rejected', feeCents: 0 }],
  });
  const res = await customer.post(`/v1/port-in-orders/${orderId}/cancel`, {});
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    currency: 'USD',
    numbers: [{ phoneNumber: phone, feeCents: 0 }],
    totalCents: 0,
    order: expect.objectContaining({ id: orderId }), // the order as it now stands (read-your-writes)
  });

  const result = await stack.client.workflow.getHandle(workflowIdFor(orderId)).result();
  expect(result.status).toBe('canceled');
  expect(await stack.store.models.Charge.countDocuments({ orderId })).toBe(0);
  // Nothing left to resubmit or cancel: the workflow is over, the API says so.
  const again = await customer.post(`/v1/port-in-orders/${orderId}/resubmit`, { corrections: { pin: '1' } });
  expect(again.status).toBe(409);
}, 90_000);
