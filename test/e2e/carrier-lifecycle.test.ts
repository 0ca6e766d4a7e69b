/**
 * The carrier side of an order's life, end to end against the carrier simulator answering on its
 * own (autoAnswer, 200 ms) and its control endpoints playing the losing carrier: a fixable rejection
 * resubmitted through to completion, a carrier cancellation, an FOC the carrier moves, a capability
 * failure after the port, and a customer cancellation with its fee. Every customer email is checked
 * as received over SMTP.
 */
import { addBusinessDays, localDate } from '../../domain/calendar';
import { REJECTION_REASONS } from '../../domain/rejection-codes';
import { DEFAULT_POLICY, type OrderPolicy } from '../../workflows/messages';
import { api, eventually, orderBody } from '../support/api-client';
import {
  RECORDS,
  firstNumber,
  getOrder,
  mailsTo,
  orderEvents,
  plainText,
  simulatorControl,
  simulatorPortRequest,
  submitAndApprove,
  waitForMail,
  waitForOrder,
  type OrderSpec,
  type OrderView,
} from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

// Retest 4 s, then 8 s after a failed capability test (the default is 5 min, doubling).
const CAPABILITY_RETRY: OrderPolicy['capabilityRetry'] = {
  ...DEFAULT_POLICY.capabilityRetry,
  initialIntervalMs: 4_000,
  maximumIntervalMs: 8_000,
};
const stack = useStack({ autoAnswer: true, policy: { capabilityRetry: CAPABILITY_RETRY } });

const customer = () => api(stack.apiUrl, KEYS.customerKey);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The carrier's answer reached the read model (right after the review it still says in_review). */
const answered = (o: OrderView) => !['in_review', 'submitted_to_carrier'].includes(firstNumber(o).status);

/** A number without a CSR: the simulator's generic carrier accepts it when the request is complete. */
const generic = (
  phoneNumber: string,
  notificationEmail: string,
  extra: Partial<OrderSpec> = {},
): OrderSpec => ({
  country: 'US',
  phoneNumbers: [phoneNumber],
  person: { firstName: 'Ada', lastName: 'Lovelace' },
  address: orderBody().serviceAddress as OrderSpec['address'],
  accountNumber: '987654321',
  notificationEmail,
  ...extra,
});

/** Submitted, approved, and accepted by the simulator with an FOC date. */
async function acceptedOrder(spec: OrderSpec) {
  const orderId = await submitAndApprove(stack, spec);
  const order = await waitForOrder(stack, orderId, answered);
  expect(firstNumber(order)).toMatchObject({ status: 'accepted', activated: false });
  const focDate = firstNumber(order).focDate!;
  expect(focDate).toMatch(ISO_DATE);
  return { orderId, focDate };
}

test('a wrong PIN, fixed by a resubmission: rejected → accepted → activated → ported → completed, with every email', async () => {
  const email = 'resubmit@example.test';
  const phone = '+16045550150'; // ca-wireless: PIN 8642 required
  const orderId = await submitAndApprove(stack, {
    country: 'CA',
    phoneNumbers: [phone],
    ...RECORDS.caWireless,
    pin: '1111',
    notificationEmail: email,
  });

  const rejected = await waitForOrder(stack, orderId, answered);
  expect(rejected.status).toBe('rejected');
  expect(firstNumber(rejected).rejection?.code).toBe('wrong_wireless_pin');
  const rejectionMail = await waitForMail(stack, email, /rejected by your current carrier/);
  expect(plainText(rejectionMail)).toContain(REJECTION_REASONS.wrong_wireless_pin.remedy);

  const resubmitted = await customer().post(`/v1/port-in-orders/${orderId}/resubmit`, {
    corrections: { pin: '8642' },
  });
  expect(resubmitted.status).toBe(200);
  expect(resubmitted.body).toEqual({
    phoneNumbers: [phone],
    attempt: 2,
    order: expect.objectContaining({ id: orderId }), // the order as it now stands (read-your-writes)
  });
  expect((await customer().get(`/v1/port-in-orders/${orderId}`)).body.losingCarrier.pin).not.toContain(
    '8642',
  );

  const accepted = await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'accepted');
  const focDate = firstNumber(accepted).focDate!;
  expect(firstNumber(accepted)).toMatchObject({
    attempt: 2,
    activated: false,
    focDate: expect.stringMatching(ISO_DATE),
  });
  expect(accepted.status).toBe('in_progress');
  const focMail = await waitForMail(stack, email, new RegExp(`port date set for ${focDate}`));
  expect(plainText(focMail)).toMatch(/Do not cancel service with your current carrier until/);

  // The losing carrier releases the number now (its FOC is days away): activation, tests, completion.
  await simulatorControl(stack, `/port-requests/${orderId}/complete`);
  const done = await waitForOrder(stack, orderId, (o) => o.status === 'completed');
  expect(firstNumber(done)).toMatchObject({
    phoneNumber: phone,
    status: 'completed',
    activated: true,
    focDate,
  });

  // The events land in the store just after the order document (persistSnapshot): poll for them.
  const events = await eventually(
    () => orderEvents(stack, orderId),
    (es) => es.some((e) => e.type === 'number.completed'),
    10_000,
  );
  const types = events.map((e) => e.type);
  const path = [
    'number.rejected',
    'number.resubmitted',
    'number.accepted',
    'number.ported',
    'number.activated',
    'number.completed',
  ];
  expect(types).toEqual(expect.arrayContaining(path));
  expect(path.map((t) => types.indexOf(t))).toEqual(path.map((t) => types.indexOf(t)).sort((a, b) => a - b));

  const active = await customer().get('/v1/active-numbers');
  expect(active.body.data.map((n: { phoneNumber: string }) => n.phoneNumber)).toContain(phone);
  const completionMail = await waitForMail(stack, email, /port complete, 1 number now active/);
  expect(plainText(completionMail)).toContain(phone);
  expect(plainText(completionMail)).toContain('tested working');
}, 90_000);

test('carrier cancellation: the number is canceled with no fee and the customer is told to contact support', async () => {
  const email = 'carrier-cancel@example.test';
  const { orderId } = await acceptedOrder(generic('+12125550160', email));

  await simulatorControl(stack, `/port-requests/${orderId}/cancel`);
  const order = await waitForOrder(stack, orderId, (o) => o.status !== 'in_progress');
  expect(order.status).toBe('canceled');
  expect(firstNumber(order)).toMatchObject({
    status: 'canceled',
    cancellation: { by: 'carrier', feeCents: 0 },
  });
  expect(order.fees).toEqual([]);
  expect(order.totalFeesCents).toBe(0);

  const mail = await waitForMail(stack, email, /port canceled for 1 number/);
  const text = plainText(mail);
  expect(text).toContain('Your current carrier canceled the port of 1 number');
  expect(text).toContain('Cancellation fee: None');
  expect(text).toContain(`Please contact our support team about order ${orderId}`);
  expect(await stack.store.models.Charge.countDocuments({ orderId })).toBe(0);
}, 60_000);

describe('the carrier moves the FOC date', () => {
  const email = 'foc-moved@example.test';
  let orderId: string;
  let newFoc: string;

  test('the order shows the new FOC date', async () => {
    const accepted = await acceptedOrder(generic('+12125550161', email));
    orderId = accepted.orderId;
    newFoc = addBusinessDays(accepted.focDate, 2, 'US');
    await waitForMail(stack, email, new RegExp(`port date set for ${accepted.focDate}`));

    await simulatorControl(stack, `/port-requests/${orderId}/move-foc`, { focDate: newFoc });
    const order = await waitForOrder(stack, orderId, (o) => firstNumber(o).focDate !== accepted.focDate);
    expect(firstNumber(order)).toMatchObject({ status: 'accepted', focDate: newFoc, activated: false });
    const events = await eventually(
      () => orderEvents(stack, orderId),
      (es) => es.some((e) => e.type === 'number.foc_changed'),
      10_000,
    );
    expect(events.find((e) => e.type === 'number.foc_changed')?.detail).toBe(`FOC ${newFoc}`);
  }, 60_000);

  // BUG (activities/notices.ts, emailFor 'foc_moved'/'port_date_changed'): previousFocDate is the
  // literal 'the previous date', which formatCalendarDate (notifications/email-templates.ts
  // portDateFacts → domain/calendar.ts parseIsoDate) rejects with a RangeError. notifyCustomer fails
  // on every retry, so the email never goes out (and, the outbox being sequential, it holds up every
  // later notice of the order for hours). Flip to `test` once fixed.
  test('the customer is emailed the moved date', async () => {
    expect(orderId).toBeDefined();
    const mail = await waitForMail(stack, email, new RegExp(`port date moved to ${newFoc}`), 8_000);
    expect(plainText(mail)).toContain(newFoc);
  }, 30_000);
});

describe('capability failure after the port', () => {
  const email = 'capability@example.test';
  const phone = '+12125550162';
  let orderId: string;

  test('voice fails its test: the number is ported_voice_inactive and retested with backoff', async () => {
    ({ orderId } = await acceptedOrder(generic(phone, email)));
    await simulatorControl(stack, `/numbers/${encodeURIComponent(phone)}/fail-capability`, {
      capability: 'voice',
      times: 2,
    });
    const portedAt = Date.now();
    await simulatorControl(stack, `/port-requests/${orderId}/complete`);

    const order = await waitForOrder(stack, orderId, (o) => firstNumber(o).status !== 'accepted');
    expect(firstNumber(order)).toMatchObject({ status: 'ported_voice_inactive', activated: true });
    expect(order.status).toBe('in_progress');
    const retest = order.waitingFor.find((w) => w.what === `capability retest of ${phone}`);
    const retestAt = Date.parse(retest?.until ?? '');
    const initial = CAPABILITY_RETRY.initialIntervalMs;
    expect(retestAt - portedAt).toBeGreaterThanOrEqual(initial - 1_000);
    expect(retestAt - portedAt).toBeLessThan(initial + 60_000);
    expect(mailsTo(stack, email).some((m) => /port complete/.test(m.subject))).toBe(false);
  }, 60_000);

  // The stack shortens the retry backoff (policy override) so recovery takes seconds, not 15 minutes.
  test('…then voice recovers: the number completes and the customer gets the completion email', async () => {
    const done = await waitForOrder(stack, orderId, (o) => o.status === 'completed', 60_000);
    expect(firstNumber(done)).toMatchObject({ status: 'completed', activated: true });
    await waitForMail(stack, email, /port complete, 1 number now active/);
  }, 90_000);
});

test('a customer cancels once the carrier accepted with an FOC ≥ 72 h away: $13 per number, charged once, emailed', async () => {
  const email = 'customer-cancel@example.test';
  const phone = '+12125550163';
  const requestedPortDate = addBusinessDays(localDate(Date.now(), 'America/New_York'), 10, 'US');
  const { orderId, focDate } = await acceptedOrder(generic(phone, email, { requestedPortDate }));
  expect(focDate).toBe(requestedPortDate); // the simulator honours a later requested date

  const quote = await customer().get(`/v1/port-in-orders/${orderId}/cancellation-quote`);
  expect(quote.body).toMatchObject({ allowed: true, totalCents: 13_00 });

  const res = await customer().post(`/v1/port-in-orders/${orderId}/cancel`, {});
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    currency: 'USD',
    numbers: [{ phoneNumber: phone, feeCents: 13_00 }],
    totalCents: 13_00,
    order: expect.objectContaining({ id: orderId }), // the order as it now stands (read-your-writes)
  });

  const charges = await stack.store.models.Charge.find({ orderId }).lean();
  expect(charges).toHaveLength(1);
  expect(charges[0]).toMatchObject({
    phoneNumber: phone,
    amountCents: 13_00,
    currency: 'USD',
    reason: 'cancellation',
  });

  const order = await waitForOrder(stack, orderId, (o) => o.status === 'canceled');
  expect(firstNumber(order)).toMatchObject({
    status: 'canceled',
    cancellation: { by: 'customer', feeCents: 13_00 },
  });
  expect(order.totalFeesCents).toBe(13_00);
  expect((await simulatorPortRequest(stack, orderId)).numbers[0].state).toBe('canceled');

  const mail = await waitForMail(stack, email, /port canceled for 1 number/);
  const text = plainText(mail);
  expect(text).toContain('You canceled the port of 1 number');
  expect(text).toContain(`${phone}: $13.00`);
  expect(text).toContain('Total (USD): $13.00');

  // A second cancellation changes nothing and charges nothing more.
  expect((await customer().post(`/v1/port-in-orders/${orderId}/cancel`, {})).status).toBe(409);
  expect(await stack.store.models.Charge.countDocuments({ orderId })).toBe(1);
  expect((await getOrder(stack, orderId)).totalFeesCents).toBe(13_00);
}, 60_000);
