/**
 * Tenants and plans on the real stack, with the demo data the seed gives every run: a trial account
 * is refused at the door (403 `plan_not_eligible`, nothing stored), a draft left from before is still
 * refused at submit, two Standard customers never see each other's orders, and a carrier event for a
 * draft (never submitted) is a 409 `order_not_submitted` that records nothing.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEMO_API_KEY_DEFAULTS } from '../../config/development-material';
import { hashApiKey } from '../../store/connection';
import { DEMO_ACCOUNT_ID, SECOND_ACCOUNT_ID, seedDemoData, TRIAL_ACCOUNT_ID } from '../../store/seed';
import { workflowIdFor } from '../../workflows/messages';
import { api, carrierEvent, orderBody } from '../support/api-client';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const second = () => api(stack.apiUrl, KEYS.secondCustomerKey);
const trial = () => api(stack.apiUrl, KEYS.trialCustomerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

const ordersOf = (accountId: string) => stack.store.models.Order.find({ accountId }).lean();
const storedOrder = (id: string) => stack.store.models.Order.findById(id).lean();

describe('plans: only Standard accounts may create orders', () => {
  test('a trial customer gets a 403 plan_not_eligible naming the plan, and nothing is stored', async () => {
    const before = await stack.store.models.Order.countDocuments({});
    const res = await trial().post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550301'] }));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'plan_not_eligible', plan: 'trial' });
    expect(res.body.title).toContain('trial plan');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ code: 'plan_not_eligible', field: 'accountId' }),
    ]);
    expect(await ordersOf(TRIAL_ACCOUNT_ID)).toEqual([]);
    expect(await stack.store.models.Order.countDocuments({})).toBe(before);
  });

  test('support creating for the trial account is refused the same way; for a Standard one it is a draft', async () => {
    const refused = await support().post(
      '/v1/port-in-orders',
      orderBody({ accountId: TRIAL_ACCOUNT_ID, phoneNumbers: ['+12125550302'] }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('plan_not_eligible');
    expect(await ordersOf(TRIAL_ACCOUNT_ID)).toEqual([]);
    const created = await support().post(
      '/v1/port-in-orders',
      orderBody({ accountId: SECOND_ACCOUNT_ID, phoneNumbers: ['+12125550303'] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.orders[0]).toMatchObject({ status: 'draft' });
  });

  test('a draft from before the account lost its Standard plan is still refused at submit, unchanged', async () => {
    const accountId = 'acct_e2e_downgraded';
    const key = 'e2e-downgraded-customer';
    const { Account, ApiKey } = stack.store.models;
    await Account.create({
      _id: accountId,
      name: 'Downgraded Co',
      plan: 'standard',
      notificationEmail: 'd@example.test',
    });
    await ApiKey.create({ _id: hashApiKey(key), role: 'customer', accountId, name: 'downgraded' });
    const created = await api(stack.apiUrl, key).post(
      '/v1/port-in-orders',
      orderBody({ phoneNumbers: ['+12125550304'] }),
    );
    expect(created.status).toBe(201);
    const id = created.body.orders[0].id;
    await Account.updateOne({ _id: accountId }, { $set: { plan: 'trial' } });
    const before = await storedOrder(id);

    const res = await api(stack.apiUrl, key).post(`/v1/port-in-orders/${id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toContain('plan_not_eligible');
    expect(await storedOrder(id)).toEqual(before);
    await expect(stack.client.workflow.getHandle(workflowIdFor(id)).describe()).rejects.toThrow();
  });
});

describe('tenants: the two demo Standard customers', () => {
  test('each creates its own orders and sees none of the other’s (404, not 403), nor in lists', async () => {
    const mine = await customer().post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550311'] }));
    const theirs = await second().post('/v1/port-in-orders', orderBody({ phoneNumbers: ['+12125550312'] }));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const [mineId, theirsId] = [mine.body.orders[0].id, theirs.body.orders[0].id];
    expect((await storedOrder(mineId))?.accountId).toBe(DEMO_ACCOUNT_ID);
    expect((await storedOrder(theirsId))?.accountId).toBe(SECOND_ACCOUNT_ID);

    expect((await second().get(`/v1/port-in-orders/${mineId}`)).status).toBe(404);
    expect((await customer().get(`/v1/port-in-orders/${theirsId}`)).status).toBe(404);
    const before = await storedOrder(mineId);
    expect((await second().delete(`/v1/port-in-orders/${mineId}`)).status).toBe(404);
    expect(await storedOrder(mineId)).toEqual(before);

    const listed = await second().get('/v1/port-in-orders?limit=100');
    expect(listed.status).toBe(200);
    const ids = listed.body.data.map((o: { id: string }) => o.id);
    expect(ids).toContain(theirsId);
    expect(ids).not.toContain(mineId);
    expect(listed.body.data.every((o: { accountId: string }) => o.accountId === SECOND_ACCOUNT_ID)).toBe(
      true,
    );
  });
});

describe('carrier events for an order that was never submitted', () => {
  test('a signed event for a draft is a 409 order_not_submitted; no receipt, the draft unchanged', async () => {
    const created = await customer().post(
      '/v1/port-in-orders',
      orderBody({ phoneNumbers: ['+12125550321'] }),
    );
    const id = created.body.orders[0].id;
    const before = await storedOrder(id);
    const eventId = 'evt_draft_accepted';
    const res = await carrierEvent(
      stack.apiUrl,
      CARRIER_SECRET,
      { type: 'number.accepted', orderId: id, phoneNumbers: ['+12125550321'], focDate: '2030-01-07' },
      eventId,
    );
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('order_not_submitted');
    expect(res.body.title).toContain(id);
    expect(await stack.store.models.CarrierEventReceipt.exists({ _id: eventId })).toBeNull();
    expect(await storedOrder(id)).toEqual(before);
    await expect(stack.client.workflow.getHandle(workflowIdFor(id)).describe()).rejects.toThrow();

    // Not remembered as seen: the same event id is refused again the same way, never "duplicate".
    const again = await carrierEvent(
      stack.apiUrl,
      CARRIER_SECRET,
      { type: 'number.ported', orderId: id, phoneNumbers: ['+12125550321'] },
      eventId,
    );
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'order_not_submitted',
    });
  });
});

describe('production and demo keys stored by an earlier seeded run', () => {
  test('the API (api/main.ts) with real secrets refuses to start while the store holds the public demo keys', async () => {
    await seedDemoData(stack.store, DEMO_API_KEY_DEFAULTS);
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'api/main.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        MONGODB_URI: stack.mongodbUri,
        TEMPORAL_ADDRESS: stack.temporalAddress,
        PORTIN_FIELD_KEY: randomBytes(32).toString('hex'),
        PORTIN_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        CARRIER_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
        SEED_DEMO_DATA: 'false',
        API_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (d: Buffer) => {
      output += d.toString();
      if (output.includes('api listening')) child.kill('SIGTERM'); // started: the refusal is missing
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('NODE_ENV=production: the api refuses to start');
    for (const name of [
      'demo customer',
      'demo second customer',
      'demo trial customer',
      'demo support',
      'demo ops',
    ])
      expect(output).toContain(`"${name}"`);
    expect(output).not.toContain('"e2e'); // the stack's own keys are not demo keys
    expect(output).not.toContain('api listening');
  }, 90_000);
});
