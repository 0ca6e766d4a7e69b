/**
 * `npm run provision` (scripts/provision) against the real store: what an operator of a production
 * deployment (no demo keys) runs to let its first customers and staff in. An account and keys are
 * provisioned, the API accepts each key with the role given (a customer's for its own account),
 * refuses it once revoked, and a production API (NODE_ENV=production, demo keys refused) accepts a
 * provisioned key. Wrong command lines exit 2 naming the problem, refusals of the store exit 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { hashApiKey } from '../../store/connection';
import { main } from '../../scripts/provision/main';
import { freePort } from '../../scripts/servers/processes';
import { api, eventually, orderBody } from '../support/api-client';
import { runProcess } from '../support/run-process';
import { useStack } from '../support/stack';

// Real servers on a shared machine: a step may take seconds under load (never a speed check).
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const stack = useStack({ autoAnswer: false });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command in this process (its main, with MONGODB_URI pointing at the stack's store). */
async function provision(args: string[], mongodbUri = stack.mongodbUri): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env: { MONGODB_URI: mongodbUri },
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

/** The command as an operator runs it: its own process, the store from MONGODB_URI. */
function provisionProcess(args: string[]): Promise<Run> {
  return runProcess(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/provision/main.ts', ...args],
    { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, MONGODB_URI: stack.mongodbUri } },
  );
}

const ACCOUNT = ['account', 'create', '--name', 'Acme Telecom, Inc.', '--plan', 'standard'];
const ACCOUNT_ID = 'acct_acme_telecom_inc';

async function createdKey(args: string[]): Promise<{ key: string; id: string }> {
  const run = await provision(['--json', 'key', 'create', ...args]);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(run.stdout);
}

test('account create stores the account once: a re-run changes nothing, other details are refused', async () => {
  const first = await provisionProcess([...ACCOUNT, '--email', 'noc@acme.example', '--json']);
  expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
  expect(JSON.parse(first.stdout)).toMatchObject({ id: ACCOUNT_ID, created: true });
  const stored = async () => stack.store.models.Account.findById(ACCOUNT_ID).lean();
  expect(await stored()).toMatchObject({
    name: 'Acme Telecom, Inc.',
    plan: 'standard',
    notificationEmail: 'noc@acme.example',
    timeZone: 'America/New_York',
  });
  const before = await stored();

  const again = await provision([...ACCOUNT, '--email', 'noc@acme.example']);
  expect(again).toMatchObject({ code: 0, stderr: '' });
  expect(again.stdout).toContain(`account ${ACCOUNT_ID} exists already, unchanged`);

  const other = await provision([...ACCOUNT, '--email', 'billing@acme.example']);
  expect(other.code).toBe(1);
  expect(other.stderr).toContain(
    `account ${ACCOUNT_ID} exists with another --email (stored: noc@acme.example)`,
  );
  expect(await stored()).toEqual(before);
  expect(await stack.store.models.Account.countDocuments({ name: 'Acme Telecom, Inc.' })).toBe(1);
});

test('each key works with the role given, a customer’s for its account only; a revoked key is refused', async () => {
  await provision([...ACCOUNT, '--email', 'noc@acme.example']); // as the test above (or alone)
  const customer = await createdKey([
    '--role',
    'customer',
    '--account',
    ACCOUNT_ID,
    '--label',
    'acme portal',
  ]);
  const support = await createdKey(['--role', 'support']);
  const ops = await createdKey(['--role', 'ops']);

  // Stored by its hash only: no document holds a key in clear.
  expect(customer.id).toBe(hashApiKey(customer.key));
  const storedKeys = JSON.stringify(await stack.store.models.ApiKey.find().lean());
  for (const k of [customer, support, ops]) expect(storedKeys).not.toContain(k.key);
  expect(await stack.store.models.ApiKey.findById(customer.id).lean()).toMatchObject({
    role: 'customer',
    accountId: ACCOUNT_ID,
    name: 'acme portal',
  });

  // The customer's orders are its account's; staff routes are not for it.
  const created = await api(stack.apiUrl, customer.key).post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: ['+12125550191'] }),
  );
  expect(created.status).toBe(201);
  const orderId = created.body.orders[0].id;
  expect((await stack.store.models.Order.findById(orderId).lean())?.accountId).toBe(ACCOUNT_ID);
  expect((await api(stack.apiUrl, customer.key).get('/v1/review-queue')).status).toBe(403);
  // Support may review (the order is a draft: refused as such, not for the role); ops may read only.
  expect((await api(stack.apiUrl, support.key).get('/v1/review-queue')).status).toBe(200);
  const review = { decision: 'approve' };
  expect(
    (await api(stack.apiUrl, support.key).post(`/v1/port-in-orders/${orderId}/review`, review)).status,
  ).not.toBe(403);
  expect((await api(stack.apiUrl, ops.key).get(`/v1/port-in-orders/${orderId}`)).status).toBe(200);
  expect((await api(stack.apiUrl, ops.key).post(`/v1/port-in-orders/${orderId}/review`, review)).status).toBe(
    403,
  );

  const listed = await provision(['key', 'list', '--account', ACCOUNT_ID]);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain(customer.id);
  expect(listed.stdout).not.toContain(customer.key);

  const revoked = await provision(['key', 'revoke', customer.id]);
  expect(revoked).toMatchObject({ code: 0, stderr: '' });
  expect(revoked.stdout).toContain('revoked');
  expect(await stack.store.models.ApiKey.findById(customer.id).lean()).toBeNull();
  const twice = await provision(['key', 'revoke', customer.id]);
  expect(twice.code).toBe(1);
  expect(twice.stderr).toContain(`no API key ${customer.id}`);

  // The stack's API trusts a key it looked up for 30 s (api/auth.ts): a revoked key stops within that.
  await eventually(
    async () =>
      (await request(stack.apiUrl).get('/v1/review-queue').set('Authorization', `Bearer ${customer.key}`))
        .status,
    (status) => status === 401,
    60_000,
  );
  expect((await api(stack.apiUrl, support.key).get('/v1/review-queue')).status).toBe(200);
});

test('key list shows when each key was created (UTC, to the minute; "-" for a key stored before it was kept)', async () => {
  const before = Date.now();
  const created = await createdKey(['--role', 'support', '--label', 'created-at check']);
  const after = Date.now();
  // A key written before the store kept creation times (no timestamps), as an older deployment has it.
  const oldId = hashApiKey(`portin_${randomBytes(32).toString('base64url')}`);
  await stack.store.models.ApiKey.collection.insertOne({
    _id: oldId,
    role: 'ops',
    name: 'from before',
  } as never);

  const json = await provision(['--json', 'key', 'list']);
  expect({ code: json.code, stderr: json.stderr }).toEqual({ code: 0, stderr: '' });
  const keys: { id: string; createdAt?: string }[] = JSON.parse(json.stdout);
  const createdAt = keys.find((k) => k.id === created.id)?.createdAt;
  expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(Date.parse(createdAt!)).toBeGreaterThanOrEqual(before);
  expect(Date.parse(createdAt!)).toBeLessThanOrEqual(after);
  expect(keys.find((k) => k.id === oldId)).toEqual({ id: oldId, role: 'ops', label: 'from before' });

  const text = await provision(['key', 'list']);
  expect({ code: text.code, stderr: text.stderr }).toEqual({ code: 0, stderr: '' });
  const line = (id: string) => text.stdout.split('\n').find((l) => l.startsWith(id)) ?? '';
  expect(line(created.id)).toContain(` ${createdAt!.slice(0, 10)} ${createdAt!.slice(11, 16)}Z `);
  expect(line(created.id)).toMatch(/created-at check$/);
  expect(line(oldId)).toMatch(/ - +from before$/);
});

test('a production API (demo keys refused) accepts a provisioned key and not a demo key', async () => {
  const ops = await createdKey(['--role', 'ops', '--label', 'production check']);
  const port = await freePort();
  const { child: apiProcess, output } = startProductionApi(port);
  try {
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        request(url)
          .get('/healthz')
          .then(
            (r) => r.status,
            () => 0,
          ),
      (status) => status === 200 || apiProcess.exitCode !== null,
      90_000,
    ).catch((err: Error) => Promise.reject(new Error(`${err.message}\n${output()}`)));
    expect({ exited: apiProcess.exitCode, output: apiProcess.exitCode === null ? '' : output() }).toEqual({
      exited: null,
      output: '',
    });
    expect((await api(url, ops.key).get('/v1/review-queue')).status).toBe(200);
    expect(
      (await request(url).get('/v1/review-queue').set('Authorization', 'Bearer demo-ops-key')).status,
    ).toBe(401);
  } finally {
    if (apiProcess.exitCode === null) {
      const exited = new Promise((r) => apiProcess.once('exit', r));
      apiProcess.kill('SIGTERM');
      await exited;
    }
  }
});

/** api/main.ts with NODE_ENV=production and real-looking secrets, on the stack's store and Temporal. */
function startProductionApi(port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'api/main.ts'], {
    cwd: ROOT,
    // Only what it needs: not this process's WEBHOOK_ALLOWED_HOSTS (refused in production).
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      MONGODB_URI: stack.mongodbUri,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      SEED_DEMO_DATA: 'false',
      PORTIN_FIELD_KEY: randomBytes(32).toString('hex'),
      PORTIN_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      CARRIER_WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
      CARRIER_BASE_URL: stack.simulatorUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

describe('wrong command lines exit 2 naming the problem, before touching the store', () => {
  // A store nobody listens on: a usage error must come first.
  const nowhere = 'mongodb://127.0.0.1:1/portin?serverSelectionTimeoutMS=300';
  test.each([
    [
      ['account', 'create', '--name', 'X', '--plan', 'gold', '--email', 'not-mail'],
      ['--plan "gold"', '--email "not-mail"'],
    ],
    [['account', 'create', '--plan', 'standard', '--email', 'a@b.example'], ["'--name <name>'"]],
    [['account', 'create', '--name', '!!!', '--plan', 'trial', '--email', 'a@b.example'], ['give --id']],
    [
      ['account', 'create', '--name', 'X', '--plan', 'trial', '--email', 'a@b.example', '--id', 'X'],
      ['--id "X"'],
    ],
    [
      [
        'account',
        'create',
        '--name',
        'X',
        '--plan',
        'trial',
        '--email',
        'a@b.example',
        '--time-zone',
        'Mars/Base',
      ],
      ['--time-zone'],
    ],
    [['key', 'create', '--role', 'admin'], ['--role "admin" must be one of: customer, support, ops']],
    [['key', 'create', '--role', 'customer'], ['--account is required for a customer key']],
    [['key', 'create', '--role', 'ops', '--account', 'acct_x'], ['--account is only for customer keys']],
    [['key', 'revoke', 'portin_notanid'], ['must be the 64 hex characters']],
    [['key', 'revoke'], ["missing required argument 'keyId'"]],
    [['accounts'], ["unknown command 'accounts'"]],
  ])('%j', async (args, named) => {
    const run = await provision(args, nowhere);
    expect(run.code).toBe(2);
    for (const n of named) expect(run.stderr).toContain(n);
    expect(run.stdout).toBe('');
  });

  test('as its own process too (exit code 2, message on stderr)', async () => {
    const run = await provisionProcess(['key', 'create', '--role', 'admin']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--role "admin"');
  });
});

test('what the store refuses exits 1 naming it', async () => {
  const unknown = await provision(['key', 'create', '--role', 'customer', '--account', 'acct_nobody']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no account acct_nobody: create it first');
  expect(await stack.store.models.ApiKey.countDocuments({ accountId: 'acct_nobody' })).toBe(0);
  const unreachable = await provision(
    ['key', 'list'],
    'mongodb://operator:s3cret@127.0.0.1:1/portin?serverSelectionTimeoutMS=300',
  );
  expect(unreachable.code).toBe(1);
  expect(unreachable.stderr).toContain('cannot reach the store at mongodb://***@127.0.0.1:1/portin');
  expect(unreachable.stderr).not.toContain('s3cret');
});
