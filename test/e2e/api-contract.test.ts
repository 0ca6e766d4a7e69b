/**
 * API behaviour against the real store and Temporal: idempotency keys, account isolation, roles,
 * validation that lists every problem, and double submits that can never start two workflows.
 */
import { GENERIC_CARRIER } from '../../carrier-simulator/records';
import { renderOrder } from '../../cli/commands/orders';
import { hashApiKey } from '../../store/connection';
import { TRIAL_ACCOUNT_ID } from '../../store/seed';
import { workflowIdFor } from '../../workflows/messages';
import { api, carrierEvent, orderBody } from '../support/api-client';
import { readyDraft } from '../support/order-fixtures';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';

// Real servers on a shared CI machine: a step may take seconds under load (never a speed check).
jest.setTimeout(60_000);

const OTHER_KEY = 'e2e-other-customer';
const stack = useStack({ autoAnswer: false });
beforeAll(async () => {
  await stack.store.models.ApiKey.create({
    _id: hashApiKey(OTHER_KEY),
    role: 'customer',
    accountId: TRIAL_ACCOUNT_ID,
    name: 'other customer',
  });
});

const customer = () => api(stack.apiUrl, KEYS.customerKey);

test('a retry with the same Idempotency-Key and body returns the first response; another body is a 422', async () => {
  const first = await customer()
    .post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550150'] }))
    .set('Idempotency-Key', 'create-1');
  expect(first.status).toBe(201);
  const again = await customer()
    .post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550150'] }))
    .set('Idempotency-Key', 'create-1');
  expect(again.status).toBe(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body.orders[0].id).toBe(first.body.orders[0].id);
  expect(await stack.store.models.Order.countDocuments({ phoneNumbers: '+12125550150' })).toBe(1);
  const other = await customer()
    .post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550151'] }))
    .set('Idempotency-Key', 'create-1');
  expect(other.status).toBe(422);
  expect(other.body.code).toBe('idempotency_key_reused');
});

test('another account’s order is a 404, never a 403; ops may read but not create; nobody unauthenticated', async () => {
  const created = await customer().post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550152'] }));
  const id = created.body.orders[0].id;
  expect((await api(stack.apiUrl, OTHER_KEY).get(`/v1/port-in-orders/${id}`)).status).toBe(404);
  expect((await api(stack.apiUrl, OTHER_KEY).post(`/v1/port-in-orders/${id}/cancel`)).status).toBe(404);
  expect((await api(stack.apiUrl, KEYS.opsKey).get(`/v1/port-in-orders/${id}`)).status).toBe(200);
  expect((await api(stack.apiUrl, KEYS.opsKey).post('/v1/port-in-orders', orderBody())).status).toBe(403);
  expect(
    (
      await api(stack.apiUrl, KEYS.customerKey).post(`/v1/port-in-orders/${id}/review`, {
        decision: 'approve',
      })
    ).status,
  ).toBe(403);
  expect((await api(stack.apiUrl, 'not-a-key').get('/v1/port-in-orders')).status).toBe(401);
});

test('a submit with several problems lists them all and starts nothing', async () => {
  const created = await customer().post(
    '/v1/port-in-orders',
    orderBody({
      phoneNumbers: ['+12125550153'],
      serviceAddress: {
        line1: 'P.O. Box 12',
        city: 'New York',
        region: 'NY',
        postalCode: '1011',
        country: 'US',
      },
      requestedPortDate: '2030-01-05',
      configuration: { capabilities: 'sms' },
    }),
  );
  const id = created.body.orders[0].id;
  const res = await customer().post(`/v1/port-in-orders/${id}/submit`);
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const codes = res.body.errors.map((e: { code: string }) => e.code);
  expect(codes).toEqual(
    expect.arrayContaining([
      'po_box_not_allowed',
      'invalid_postal_code',
      'loa_missing',
      'proof_of_ownership_missing',
      'port_date_not_business_day',
      'sms_only_not_portable',
    ]),
  );
  await expect(stack.client.workflow.getHandle(workflowIdFor(id)).describe()).rejects.toThrow();
  expect((await customer().get(`/v1/port-in-orders/${id}`)).body.status).toBe('draft');
});

// More on plans (support, drafts from before a downgrade) in tenants-and-plans.test.ts.
test('a trial account may not create an order: 403 plan_not_eligible', async () => {
  const res = await api(stack.apiUrl, OTHER_KEY).post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: ['+12125550154'] }),
  );
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('plan_not_eligible');
});

test('carrier events: a bad or stale signature, or an unknown order, has no effect (replays: walking-skeleton)', async () => {
  const body = {
    type: 'number.accepted',
    orderId: 'pio_missing',
    phoneNumbers: ['+12125550155'],
    focDate: '2030-01-07',
  };
  expect((await carrierEvent(stack.apiUrl, 'whsec_d3Jvbmc=', body)).status).toBe(401);
  const raw = JSON.stringify({ ...body, occurredAt: new Date().toISOString() });
  const { signedHeaders } = await import('../../security/standard-webhooks');
  const stale = signedHeaders(CARRIER_SECRET, 'evt_stale', raw, Date.now() - 10 * 60_000);
  const res = await (
    await import('supertest')
  )
    .default(stack.apiUrl)
    .post('/v1/carrier/events')
    .set({ ...stale })
    .set('Content-Type', 'application/json')
    .send(raw);
  expect(res.status).toBe(401);
  expect(res.body.code).toBe('signature_stale_timestamp');
  // A valid signature for an unknown order: 404, and nothing recorded, so the carrier may retry.
  expect((await carrierEvent(stack.apiUrl, CARRIER_SECRET, body, 'evt_unknown')).status).toBe(404);
  expect(await stack.store.models.CarrierEventReceipt.exists({ _id: 'evt_unknown' })).toBeNull();
});

test('numbers on different losing-carrier accounts, or toll-free with local, become separate orders', async () => {
  const res = await customer().post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: ['+12125550160', '+18005550190'] }),
  );
  expect(res.status).toBe(201);
  expect(res.body.orders).toHaveLength(2);
  const numbersPerOrder = res.body.orders.map((o: { id: string }) => o.id);
  const stored = await stack.store.models.Order.find({ _id: { $in: numbersPerOrder } }).lean();
  expect(stored.map((o) => o.phoneNumbers).sort()).toEqual([['+12125550160'], ['+18005550190']]);
});

test('a draft can be edited (secrets sealed, shown masked) and configured', async () => {
  const created = await customer().post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550161'] }));
  const id = created.body.orders[0].id;
  const patched = await api(stack.apiUrl, KEYS.customerKey)
    .patch(`/v1/port-in-orders/${id}`)
    .send({ customerReference: 'ref-42', losingCarrier: { pin: '98765' }, phoneNumbers: ['(212) 555-0162'] });
  expect(patched.status).toBe(200);
  expect(patched.body.customerReference).toBe('ref-42');
  expect(patched.body.losingCarrier.pin).toMatch(/8765$/); // last four only
  expect(patched.body.losingCarrier.pin).not.toContain('98765');
  const stored = await stack.store.models.Order.findById(id).lean();
  expect(JSON.stringify(stored)).not.toContain('98765'); // sealed at rest
  expect(stored?.phoneNumbers).toEqual(['+12125550162']);
  const bad = await api(stack.apiUrl, KEYS.customerKey)
    .patch(`/v1/port-in-orders/${id}`)
    .send({ country: 'CA', bogus: 1 });
  expect(bad.status).toBe(422);
  const configured = await api(stack.apiUrl, KEYS.customerKey)
    .put(`/v1/port-in-orders/${id}/configuration`)
    .send({ capabilities: 'voice', alias: 'Front desk', cnam: 'ACME CO' });
  expect(configured.status).toBe(200);
  expect((await customer().get(`/v1/port-in-orders/${id}`)).body.configuration).toMatchObject({
    alias: 'Front desk',
  });
});

test('uploads: content is sniffed (not the declared type), 10 MB at most, and a stale bill does not count', async () => {
  const created = await customer().post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550164'] }));
  const id = created.body.orders[0].id;
  const path = `/v1/port-in-orders/${id}/documents`;
  const fakePdf = await customer().upload(
    path,
    { kind: 'loa' },
    Buffer.from('MZ\x90\x00 not a pdf'),
    'loa.pdf',
  );
  expect(fakePdf.status).toBe(415);
  expect(fakePdf.body.code).toBe('unsupported_document_type');
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(64),
  ]);
  const screenshot = await customer().upload(path, { kind: 'account_screenshot' }, png, 'shot.jpg');
  expect(screenshot.status).toBe(201);
  expect(screenshot.body).toMatchObject({
    contentType: 'image/png',
    sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  const oversized = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]);
  const tooBig = await customer().upload(
    path,
    { kind: 'bill', issuedOn: '2026-01-01' },
    oversized,
    'bill.pdf',
  );
  expect(tooBig.status).toBe(413);
  expect(tooBig.body.code).toBe('document_too_large');

  await customer().upload(path, { kind: 'loa', signerName: 'Ada Lovelace' });
  const stale = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
  // A bill must carry a real issue date: without one it is refused at upload, naming the field.
  const undated = await customer().upload(path, { kind: 'bill' });
  expect(undated.status).toBe(422);
  expect(undated.body.errors).toEqual([
    expect.objectContaining({ code: 'bill_date_missing', field: 'issuedOn' }),
  ]);
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const postdated = await customer().upload(path, { kind: 'bill', issuedOn: future });
  expect(postdated.status).toBe(422);
  expect(postdated.body.errors[0].code).toBe('bill_date_invalid');
  // A stale bill is kept but flagged at once; at submit it does not count.
  const staleBill = await customer().upload(path, { kind: 'bill', issuedOn: stale });
  expect(staleBill.status).toBe(201);
  expect(staleBill.body.warnings).toEqual([
    expect.objectContaining({ code: 'bill_too_old', field: 'issuedOn' }),
  ]);
  const submit = await customer().post(`/v1/port-in-orders/${id}/submit`);
  expect(submit.status).toBe(422);
  expect(submit.body.errors.map((e: { code: string }) => e.code)).toContain('bill_too_old');
  const documents = (await customer().get(`/v1/port-in-orders/${id}`)).body.documents;
  expect(documents.map((d: { kind: string }) => d.kind).sort()).toEqual([
    'account_screenshot',
    'bill',
    'loa',
  ]);
});

test('a create without a losing carrier: the order shows the one its submit found (API and portctl)', async () => {
  const phoneNumber = '+12125550166';
  // No name: the carrier look-up at submit names the carrier (the simulator's, for a number without a CSR).
  const id = await readyDraft(customer(), phoneNumber, {
    losingCarrier: { accountNumber: '987654321', pin: '4321' },
  });
  expect((await customer().get(`/v1/port-in-orders/${id}`)).body.losingCarrier.name).toBeUndefined();

  const submitted = await customer().post(`/v1/port-in-orders/${id}/submit`);
  expect(submitted.status).toBe(202);
  expect(submitted.body.losingCarrier).toMatchObject({ name: GENERIC_CARRIER, pin: '••••' });
  const shown = await customer().get(`/v1/port-in-orders/${id}`);
  expect(shown.body.losingCarrier.name).toBe(GENERIC_CARRIER);
  expect((await stack.store.models.Order.findById(id).lean())?.losingCarrierName).toBe(GENERIC_CARRIER);
  // portctl's order view shows it too.
  expect(renderOrder(shown.body)).toMatch(new RegExp(`Losing carrier +${GENERIC_CARRIER}`));
});
