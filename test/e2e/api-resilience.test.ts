/**
 * The API when things fail, on a stack of its own (it stops its servers): with Temporal or the store
 * down, reads and writes answer a quick 503 problem with Retry-After (never a 500, never a hang),
 * readiness says which dependency is down while liveness stays up, a submit during a Temporal outage
 * leaves the draft exactly as it was and goes through once Temporal is back; and the API process
 * exits 0 on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { freePort } from '../../scripts/servers/processes';
import { workflowIdFor } from '../../workflows/messages';
import { api, eventually } from '../support/api-client';
import { readyDraft, submittedOrder } from '../support/order-fixtures';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(120_000);

const stack = useStack({ autoAnswer: false });

const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

/** Well under the ~20 s the Temporal SDK would retry by default, and above the store's 5 s server selection. */
const FAIL_FAST_MS = 10_000;

/** Runs the request and checks it is a quick 503 problem the caller may retry. */
async function expectUnavailable(send: () => PromiseLike<request.Response>): Promise<void> {
  const started = Date.now();
  const res = await send();
  const elapsed = Date.now() - started;
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 503,
    code: 'dependency_unavailable',
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toBe('5');
  expect(elapsed).toBeLessThan(FAIL_FAST_MS);
}

const readiness = () => request(stack.apiUrl).get('/readyz');

describe('Temporal down', () => {
  let draftId: string;
  let submittedId: string;
  beforeAll(async () => {
    draftId = await readyDraft(customer(), '+16465550101');
    submittedId = await submittedOrder(customer(), '+16465550102');
    await stack.servers.temporal.stop();
  });

  test('liveness stays up; readiness is 503 and names Temporal', async () => {
    expect((await request(stack.apiUrl).get('/healthz')).status).toBe(200);
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.body).toEqual({ store: 'ok', temporal: 'down' });
  });

  test('a submit is a quick 503 and leaves the draft exactly as it was (nothing half-written)', async () => {
    const before = await stack.store.models.Order.findById(draftId).lean();
    await expectUnavailable(() =>
      customer().post(`/v1/port-in-orders/${draftId}/submit`).set('Idempotency-Key', 'submit-outage'),
    );
    const after = await stack.store.models.Order.findById(draftId).lean();
    expect(after).toMatchObject({ status: 'draft', numbers: [] });
    expect(after).not.toHaveProperty('workflowId');
    expect(after).not.toHaveProperty('submittedAt');
    expect({ ...after, updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined });
    // The store still answers reads: the draft is there, unchanged.
    expect((await customer().get(`/v1/port-in-orders/${draftId}`)).body.status).toBe('draft');
  });

  test('actions and queries on a submitted order are quick 503s too', async () => {
    await expectUnavailable(() => customer().post(`/v1/port-in-orders/${submittedId}/cancel`, {}));
    await expectUnavailable(() => customer().get(`/v1/port-in-orders/${submittedId}/cancellation-quote`));
    await expectUnavailable(() =>
      support().post(`/v1/port-in-orders/${submittedId}/review`, { decision: 'approve' }),
    );
  });

  test('once Temporal is back, readiness recovers and the same submit (same Idempotency-Key) goes through', async () => {
    await stack.servers.temporal.start();
    await eventually(readiness, (r) => r.status === 200, 60_000);
    const res = await customer()
      .post(`/v1/port-in-orders/${draftId}/submit`)
      .set('Idempotency-Key', 'submit-outage');
    expect(res.status).toBe(202);
    expect(res.headers['idempotent-replayed']).toBeUndefined(); // the 503 was not kept as the answer
    const described = await stack.client.workflow.getHandle(workflowIdFor(draftId)).describe();
    expect(described.status.name).toBe('RUNNING');
  });
});

describe('store down', () => {
  let orderId: string;
  beforeAll(async () => {
    orderId = await readyDraft(customer(), '+16465550103');
    await stack.servers.ferretdb.stop();
  });

  test('liveness stays up; readiness is 503 and names the store', async () => {
    expect((await request(stack.apiUrl).get('/healthz')).status).toBe(200);
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ store: 'down', temporal: 'ok' });
  });

  test('reads and writes are quick 503 problems', async () => {
    await expectUnavailable(() => customer().get('/v1/port-in-orders'));
    await expectUnavailable(() => customer().get(`/v1/port-in-orders/${orderId}`));
    await expectUnavailable(() => customer().post('/v1/port-in-orders', { country: 'US' }));
    await expectUnavailable(() => customer().post(`/v1/port-in-orders/${orderId}/submit`));
  });

  test('once the store is back, readiness recovers and the data is all there', async () => {
    await stack.servers.ferretdb.start();
    await eventually(readiness, (r) => r.status === 200, 60_000);
    const list = await customer().get('/v1/port-in-orders?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.data.map((o: { id: string }) => o.id)).toContain(orderId);
  });
});

test('the API process (api/main.ts) exits 0 on SIGTERM and stops listening', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'api/main.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      ...process.env,
      MONGODB_URI: stack.mongodbUri,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      CARRIER_BASE_URL: stack.simulatorUrl,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = await Promise.race([
    eventually(
      async () => output,
      (o) => o.includes('api listening on'),
      90_000,
    ).then(() => true),
    exited.then(() => false),
  ]);
  expect({ listening, output: listening ? '' : output }).toEqual({ listening: true, output: '' });
  const url = `http://127.0.0.1:${port}`;
  expect((await request(url).get('/healthz')).status).toBe(200);

  child.kill('SIGTERM');
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(output).toContain('api closed');
  await expect(request(url).get('/healthz')).rejects.toThrow(/ECONNREFUSED/);
});
