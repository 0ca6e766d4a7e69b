/**
 * Porting charges end to end (rulebook section 2, domain/porting-charges.ts): support creates an AU
 * order with the charge it quoted; the draft shows the charge per number before submit; the order
 * ports through the carrier simulator and completes with the charge recorded once per number, in
 * the order's fees and the charge ledger. Bad values and customers quoting are one 422 that changes
 * nothing stored.
 */
import { addDays, localDate } from '../../domain/calendar';
import { api } from '../support/api-client';
import {
  RECORDS,
  approve,
  bodyFor,
  getOrder,
  plainUsOrder,
  simulatorControl,
  waitForOrder,
  type OrderSpec,
} from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: true });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

const AU_NUMBERS = ['+61255501234', '+61255501235'];
const auOrder: OrderSpec = {
  country: 'AU',
  phoneNumbers: AU_NUMBERS,
  ...RECORDS.auHappy,
  notificationEmail: 'porting-charges@example.test',
  asSupport: true,
};

/** The stored order document, raw: what a refusal must leave alone. */
const stored = (id: string) => stack.store.models.Order.collection.findOne({ _id: id as never });

/** One standard LOA and a bill from yesterday (in the order's zone) covering every number. */
async function uploadDocuments(client: ReturnType<typeof api>, id: string, timeZone: string, signer: string) {
  const loa = await client.upload(`/v1/port-in-orders/${id}/documents`, {
    kind: 'loa',
    loaTemplate: 'standard',
    signerName: signer,
  });
  expect(loa.status).toBe(201);
  const issuedOn = addDays(localDate(Date.now(), timeZone), -1);
  const bill = await client.upload(`/v1/port-in-orders/${id}/documents`, { kind: 'bill', issuedOn });
  expect(bill.status).toBe(201);
}

test('an AU order with support’s quoted charge shows it before submit and completes with it recorded once per number', async () => {
  const created = await support().post('/v1/port-in-orders', {
    ...bodyFor(auOrder),
    quotedPortingChargeCents: 40_00,
  });
  expect(created.status).toBe(201);
  expect(created.body.orders).toHaveLength(1);
  const draft = created.body.orders[0];
  const expected = AU_NUMBERS.map((phoneNumber) => ({
    phoneNumber,
    kind: 'international_port',
    feeCents: 40_00,
  }));
  // Before submit, the customer sees what the port will cost.
  expect(draft).toMatchObject({
    afterHoursPort: false,
    quotedPortingChargeCents: 40_00,
    portingCharges: expected,
  });
  const asCustomer = await customer().get(`/v1/port-in-orders/${draft.id}`);
  expect(asCustomer.status).toBe(200);
  expect(asCustomer.body.portingCharges).toEqual(expected);

  const person = RECORDS.auHappy.person;
  await uploadDocuments(support(), draft.id, draft.timeZone, `${person.firstName} ${person.lastName}`);
  const submitted = await support().post(`/v1/port-in-orders/${draft.id}/submit`);
  expect(submitted.status).toBe(202);
  expect(submitted.body.portingCharges).toEqual(expected);
  await approve(stack, draft.id);

  // The simulator accepts on its own; the losing carrier then releases the numbers now.
  await waitForOrder(stack, draft.id, (o) => o.numbers.every((n) => n.status === 'accepted'));
  await simulatorControl(stack, `/port-requests/${draft.id}/complete`);
  const done = await waitForOrder(stack, draft.id, (o) => o.status === 'completed' && o.fees.length === 2);

  expect(done.fees).toEqual(
    AU_NUMBERS.map((phoneNumber) => ({
      phoneNumber,
      feeCents: 40_00,
      reason: 'international_port',
      at: expect.any(String),
    })),
  );
  expect(done.totalFeesCents).toBe(80_00);
  expect((await getOrder(stack, draft.id)) as unknown).toMatchObject({ portingCharges: expected });
  const ledger = await stack.store.models.Charge.find({ orderId: draft.id }).sort({ _id: 1 }).lean();
  expect(ledger.map((c) => [c._id, c.reason, c.amountCents])).toEqual(
    AU_NUMBERS.map((p) => [
      `${draft.id}:porting-charge:international_port:${p}`,
      'international_port',
      40_00,
    ]),
  );
}, 120_000);

test('a US draft ported after hours shows the after-hours fee per number; a plain one none', async () => {
  const plain = await customer().post(
    '/v1/port-in-orders',
    bodyFor(plainUsOrder('+12125550611', 'a@example.test')),
  );
  expect(plain.status).toBe(201);
  expect(plain.body.orders[0]).toMatchObject({ afterHoursPort: false, portingCharges: [] });

  const id = plain.body.orders[0].id;
  const patched = await customer().patch(`/v1/port-in-orders/${id}`).send({ afterHoursPort: true });
  expect(patched.status).toBe(200);
  expect(patched.body).toMatchObject({
    afterHoursPort: true,
    portingCharges: [{ phoneNumber: '+12125550611', kind: 'after_hours_port', feeCents: 50_00 }],
  });
});

test('bad values, a customer quoting, and a quote on a US order: one 422 naming each, nothing stored', async () => {
  const before = await support().get('/v1/port-in-orders');
  const badCreate = await support().post('/v1/port-in-orders', {
    ...bodyFor({ ...auOrder, phoneNumbers: ['+61255501234', 'not a number'] }),
    quotedPortingChargeCents: -5,
    afterHoursPort: 'yes',
  });
  expect(badCreate.status).toBe(422);
  const fields = badCreate.body.errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(
    expect.arrayContaining(['quotedPortingChargeCents', 'afterHoursPort', 'phoneNumbers[1]']),
  );

  const customerQuote = await customer().post('/v1/port-in-orders', {
    ...bodyFor({ ...auOrder, asSupport: false }),
    quotedPortingChargeCents: 10_00,
  });
  expect(customerQuote.status).toBe(422);
  expect(customerQuote.body.errors).toEqual([
    expect.objectContaining({ code: 'porting_charge_staff_only', field: 'quotedPortingChargeCents' }),
  ]);

  const usQuote = await support().post('/v1/port-in-orders', {
    ...bodyFor({ ...plainUsOrder('+12125550612', 'b@example.test'), asSupport: true }),
    quotedPortingChargeCents: 10_00,
  });
  expect(usQuote.status).toBe(422);
  expect(usQuote.body.errors).toEqual([
    expect.objectContaining({ code: 'porting_charge_not_applicable', field: 'quotedPortingChargeCents' }),
  ]);
  // None of them created a draft.
  expect((await support().get('/v1/port-in-orders')).body.data.map((o: { id: string }) => o.id)).toEqual(
    before.body.data.map((o: { id: string }) => o.id),
  );

  // A customer may not set support's quote on a draft support created for the account either.
  const created = await support().post('/v1/port-in-orders', {
    ...bodyFor({ ...auOrder, phoneNumbers: ['+61491570156'] }),
    quotedPortingChargeCents: 30_00,
  });
  expect(created.status).toBe(201);
  const id = created.body.orders[0].id;
  const untouched = await stored(id);
  const patch = await customer().patch(`/v1/port-in-orders/${id}`).send({ quotedPortingChargeCents: 0 });
  expect(patch.status).toBe(422);
  expect(patch.body.errors).toEqual([expect.objectContaining({ code: 'porting_charge_staff_only' })]);
  const badPatch = await support().patch(`/v1/port-in-orders/${id}`).send({ quotedPortingChargeCents: 12.5 });
  expect(badPatch.status).toBe(422);
  expect(badPatch.body.errors).toEqual([expect.objectContaining({ field: 'quotedPortingChargeCents' })]);
  expect(await stored(id)).toEqual(untouched);

  // Support may change its quote.
  const requoted = await support()
    .patch(`/v1/port-in-orders/${id}`)
    .send({ quotedPortingChargeCents: 35_00 });
  expect(requoted.status).toBe(200);
  expect(requoted.body.portingCharges).toEqual([
    { phoneNumber: '+61491570156', kind: 'international_port', feeCents: 35_00 },
  ]);
});
