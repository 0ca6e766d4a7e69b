/**
 * POST /v1/portability-checks against the real store and the carrier simulator's LNP look-up: E.164
 * normalisation, country, line type, losing carrier, and every reason a number is not portable —
 * including "in another open order", which submit refuses for the same numbers.
 */
import { hashApiKey } from '../../store/connection';
import { DEMO_ACCOUNT_ID, TRIAL_ACCOUNT_ID } from '../../store/seed';
import { api } from '../support/api-client';
import { createAndSubmit, RECORDS, waitForOrder, waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

const OTHER_ACCOUNT_KEY = 'e2e-portability-other-customer';
const stack = useStack({ autoAnswer: false });
beforeAll(async () => {
  await stack.store.models.ApiKey.create({
    _id: hashApiKey(OTHER_ACCOUNT_KEY),
    role: 'customer',
    accountId: TRIAL_ACCOUNT_ID,
    name: 'customer of another account',
  });
});

const check = (key: string, body: object) => api(stack.apiUrl, key).post('/v1/portability-checks', body);
const verdicts = async (key: string, body: object) => {
  const res = await check(key, body);
  expect(res.status).toBe(200);
  return res.body.data as Array<Record<string, unknown> & { reasons?: { code: string }[] }>;
};
const codes = (v: { reasons?: { code: string }[] }) => (v.reasons ?? []).map((r) => r.code);

test('a portable number: normalised to E.164 (national spelling read in the order country), with the LNP facts', async () => {
  const [v] = await verdicts(KEYS.customerKey, { phoneNumbers: ['(217) 555-0101'], country: 'US' });
  expect(v).toEqual({
    input: '(217) 555-0101',
    phoneNumber: '+12175550101',
    country: 'US',
    lineType: 'landline',
    losingCarrier: 'Prairie Bell Telephone',
    portable: true,
  });
});

test('every reason a number is not portable, each with a message', async () => {
  const data = await verdicts(KEYS.supportKey, {
    country: 'US',
    phoneNumbers: ['not a number', '+442071838750', '+16045550150', '+17205550150', '+1 217 555 0102 ext 12'],
  });
  expect(data.map((v) => [v.input, v.portable, codes(v)])).toEqual([
    ['not a number', false, ['invalid_phone_number']],
    ['+442071838750', false, ['country_not_portable']],
    ['+16045550150', false, ['country_mismatch']],
    ['+17205550150', false, ['unportable_at_carrier']],
    ['+1 217 555 0102 ext 12', false, ['invalid_phone_number']],
  ]);
  expect(data[2]).toMatchObject({ phoneNumber: '+16045550150', country: 'CA', lineType: 'wireless' });
  expect(data[4].reasons![0]).toMatchObject({ message: expect.stringContaining('extension') });
  for (const v of data) expect(v.reason).toBe(codes(v)[0]);
});

test('a Canadian number is fine for a Canadian order, and without a country only the US/CA/AU rule applies', async () => {
  const [forCa] = await verdicts(KEYS.customerKey, { country: 'CA', phoneNumbers: ['+16045550150'] });
  expect(forCa.portable).toBe(true);
  const [unscoped] = await verdicts(KEYS.customerKey, { phoneNumbers: ['+16045550150'] });
  expect(unscoped.portable).toBe(true);
});

test('a number already active on the platform is reported, and is portable again once it is not', async () => {
  const phoneNumber = '+12175550103';
  await stack.store.models.ActiveNumber.create({
    _id: phoneNumber,
    accountId: DEMO_ACCOUNT_ID,
    state: 'active',
    configuration: {},
  });
  const [active] = await verdicts(KEYS.customerKey, { phoneNumbers: [phoneNumber] });
  expect(codes(active)).toEqual(['already_active']);
  await stack.store.models.ActiveNumber.deleteOne({ _id: phoneNumber });
  const [free] = await verdicts(KEYS.customerKey, { phoneNumbers: [phoneNumber] });
  expect(free.portable).toBe(true);
});

test('a number in another open order: reported (the order id only to who may see it), refused at submit, free once canceled', async () => {
  const phoneNumber = '+12175550100';
  const spec = {
    country: 'US' as const,
    phoneNumbers: [phoneNumber],
    ...RECORDS.usHappy,
    notificationEmail: 'holder@example.test',
  };
  // A draft holds nothing: only a submitted order has asked for the number.
  const draft = await api(stack.apiUrl, KEYS.customerKey).post('/v1/port-in-orders', {
    country: 'US',
    phoneNumbers: [phoneNumber],
    authorizedPerson: RECORDS.usHappy.person,
    serviceAddress: RECORDS.usHappy.address,
    losingCarrier: { accountNumber: RECORDS.usHappy.accountNumber },
    notificationEmail: 'holder@example.test',
  });
  expect(draft.status).toBe(201);
  expect((await verdicts(KEYS.customerKey, { phoneNumbers: [phoneNumber] }))[0].portable).toBe(true);

  const openOrderId = await createAndSubmit(stack, spec);
  await waitForWorkflowStart(stack, openOrderId);

  const [own] = await verdicts(KEYS.customerKey, { phoneNumbers: [phoneNumber] });
  expect(codes(own)).toEqual(['in_open_order']);
  expect(own.openOrderId).toBe(openOrderId);
  const [bySupport] = await verdicts(KEYS.supportKey, { phoneNumbers: [phoneNumber] });
  expect(bySupport.openOrderId).toBe(openOrderId);
  const [byStranger] = await verdicts(OTHER_ACCOUNT_KEY, { phoneNumbers: [phoneNumber] });
  expect(codes(byStranger)).toEqual(['in_open_order']);
  expect(byStranger).not.toHaveProperty('openOrderId');

  // The earlier draft, submitted now, is refused for the same reason.
  const refused = await api(stack.apiUrl, KEYS.customerKey).post(
    `/v1/port-in-orders/${draft.body.orders[0].id}/submit`,
  );
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ code: 'number_in_open_order' })]),
  );

  const canceled = await api(stack.apiUrl, KEYS.customerKey).post(
    `/v1/port-in-orders/${openOrderId}/cancel`,
    {},
  );
  expect(canceled.status).toBe(200);
  await waitForOrder(stack, openOrderId, (o) => o.status === 'canceled');
  const [freed] = await verdicts(KEYS.customerKey, { phoneNumbers: [phoneNumber] });
  expect(freed.portable).toBe(true);
}, 120_000);

test('bad requests name every problem; ops and anonymous callers are refused', async () => {
  const bad = await check(KEYS.customerKey, { phoneNumbers: [], country: 'FR' });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'phoneNumbers']);
  const tooMany = await check(KEYS.customerKey, {
    phoneNumbers: Array.from({ length: 101 }, (_, i) => `+1217555${String(i).padStart(4, '0')}`),
  });
  expect(tooMany.status).toBe(422);
  expect((await check(KEYS.opsKey, { phoneNumbers: ['+12175550101'] })).status).toBe(403);
  expect((await check('no-such-key', { phoneNumbers: ['+12175550101'] })).status).toBe(401);
});
