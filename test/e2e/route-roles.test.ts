/**
 * Who may call what, for every route (the table), against the real store and Temporal. One
 * row per route (and a few variants), one expected status per caller:
 *   none           no Authorization header                    → 401 on every /v1 route
 *   unknownKey     a bearer key that does not exist           → 401
 *   owner          a customer of the order's account
 *   otherCustomer  a customer of another account             → 404 for the owner's order, never 403
 *                  (lists answer 200 with only its own data)
 *   support, ops   staff: ops may read, every write is a 403
 *   carrier        a Standard Webhooks signature, no bearer   → only POST /v1/carrier/events
 * A route added to api/openapi.ts without a row here fails the coverage test.
 * Routes a role can never use answer 403 before the order is looked up, whoever owns it: such a 403
 * says nothing about the order (a customer asking for a review gets it for any id, existing or not).
 */
import request from 'supertest';
import { addBusinessDays, addDays, localDate } from '../../domain/calendar';
import { DOCUMENTED_ROUTES } from '../../api/openapi';
import { signedHeaders } from '../../security/standard-webhooks';
import { hashApiKey } from '../../store/connection';
import { backfillListSlots } from '../../store/listed-items';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { api, eventually, orderBody, PDF } from '../support/api-client';
import { specValidator } from '../support/openapi-validator';
import { createDraft, readyDraft, submittedOrder } from '../support/order-fixtures';
import { answerWhenSubmitted, simulatorControl, waitForWorkflowStart } from '../support/scenarios';
import { CARRIER_SECRET, KEYS, startStack, type Stack } from '../support/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(90_000);

const CALLERS = ['none', 'unknownKey', 'owner', 'otherCustomer', 'support', 'ops', 'carrier'] as const;
type Caller = (typeof CALLERS)[number];
const OTHER_ACCOUNT = 'acct_e2e_roles_other';
const OTHER_KEY = 'e2e-roles-other-customer';

/** What a route's {id} names; each is made in the owner's account (the demo Standard account). */
type Subject = 'draft' | 'readyDraft' | 'submitted' | 'rejected' | 'focInside72h' | 'delivery';

interface Row {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The documented path template. */
  path: string;
  /** A variant of a route (another subject state): shown in the test name. */
  variant?: string;
  /** Served but not in the OpenAPI document (its responses are not validated against it). */
  undocumented?: true;
  subject?: Subject;
  /** The call changes its subject: every caller expected to succeed gets a subject of its own. */
  changesSubject?: true;
  query?: (caller: Caller) => string;
  body?: (caller: Caller) => object;
  upload?: Record<string, string>;
  expected: Record<Caller, number>;
  /** More checks on an answer, e.g. that a list shows the caller's own data only. */
  check?: (caller: Caller, res: request.Response, subjectId?: string) => void;
}

/** Served to anyone, with or without a key. */
const anyone = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
/** A /v1 route: no key, an unknown key or a carrier signature is a 401; the rest as given. */
const keyed = (roles: Pick<Record<Caller, number>, 'owner' | 'otherCustomer' | 'support' | 'ops'>) => ({
  none: 401,
  unknownKey: 401,
  carrier: 401,
  ...roles,
});
/** customer, support: another account's order is a 404; ops may not write. */
const customerOrSupport = (ok: number) => keyed({ owner: ok, otherCustomer: 404, support: ok, ops: 403 });
/** All keys may read; customers their own account's orders only. */
const anyKeyReads = keyed({ owner: 200, otherCustomer: 404, support: 200, ops: 200 });

const ids = (res: request.Response, field = 'id') =>
  (res.body.data as Record<string, string>[]).map((item) => item[field]);

let n = 0;
/** A fresh valid number per order: orders never collide on a number. */
const newNumber = () => `+1917555${String(100 + n++).padStart(4, '0')}`;
const today = () => localDate(Date.now(), 'America/New_York');

const ROWS: Row[] = [
  { method: 'get', path: '/healthz', expected: anyone(200) },
  { method: 'get', path: '/readyz', expected: anyone(200) },
  { method: 'get', path: '/metrics', undocumented: true, expected: anyone(200) },
  { method: 'get', path: '/openapi.json', undocumented: true, expected: anyone(200) },
  { method: 'get', path: '/docs/', undocumented: true, expected: anyone(200) },
  {
    method: 'post',
    path: '/v1/portability-checks',
    body: () => ({ phoneNumbers: [newNumber()] }),
    expected: keyed({ owner: 200, otherCustomer: 200, support: 200, ops: 403 }),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders',
    body: (caller) =>
      orderBody({
        phoneNumbers: [newNumber()],
        ...(caller === 'support' ? { accountId: DEMO_ACCOUNT_ID } : {}),
      }),
    expected: keyed({ owner: 201, otherCustomer: 201, support: 201, ops: 403 }),
  },
  {
    method: 'get',
    path: '/v1/port-in-orders',
    subject: 'draft',
    expected: keyed({ owner: 200, otherCustomer: 200, support: 200, ops: 200 }),
    check: (caller, res, id) => {
      if (res.status !== 200) return;
      if (caller === 'otherCustomer') expect(ids(res)).not.toContain(id);
      if (caller === 'owner') expect(ids(res)).toContain(id);
      if (caller === 'owner' || caller === 'otherCustomer')
        expect(
          new Set(res.body.data.map((o: { accountId: string }) => o.accountId)).size,
        ).toBeLessThanOrEqual(1);
    },
  },
  { method: 'get', path: '/v1/port-in-orders/{id}', subject: 'draft', expected: anyKeyReads },
  {
    method: 'patch',
    path: '/v1/port-in-orders/{id}',
    subject: 'draft',
    body: (caller) => ({ customerReference: `by-${caller}` }),
    expected: customerOrSupport(200),
  },
  {
    method: 'put',
    path: '/v1/port-in-orders/{id}/configuration',
    subject: 'draft',
    body: () => ({ capabilities: 'voice', alias: 'Front desk' }),
    expected: customerOrSupport(200),
  },
  {
    method: 'delete',
    path: '/v1/port-in-orders/{id}',
    subject: 'draft',
    changesSubject: true,
    expected: customerOrSupport(204),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/documents',
    subject: 'draft',
    upload: { kind: 'loa', loaTemplate: 'standard', signerName: 'Ada Lovelace' },
    expected: customerOrSupport(201),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/submit',
    subject: 'readyDraft',
    changesSubject: true,
    expected: customerOrSupport(202),
  },
  { method: 'get', path: '/v1/port-in-orders/{id}/events', subject: 'submitted', expected: anyKeyReads },
  // Issue 14: the submit checklist (a read: any key), port-date options and documents (customer, support).
  { method: 'get', path: '/v1/port-in-orders/{id}/requirements', subject: 'draft', expected: anyKeyReads },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/port-date-options',
    subject: 'submitted',
    expected: customerOrSupport(200),
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/documents',
    subject: 'readyDraft',
    expected: customerOrSupport(200),
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/documents/{documentId}',
    subject: 'readyDraft',
    expected: customerOrSupport(200),
  },
  { method: 'get', path: '/v1/port-in-orders/{id}/comments', subject: 'submitted', expected: anyKeyReads },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/loa/signature-requests',
    subject: 'draft',
    body: () => ({}),
    expected: customerOrSupport(201),
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/loa',
    subject: 'draft',
    expected: keyed({ owner: 200, otherCustomer: 404, support: 200, ops: 403 }),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/comments',
    subject: 'submitted',
    body: (caller) => ({ body: `a comment by ${caller}` }),
    expected: customerOrSupport(201),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/comments',
    variant: 'internal note: support only',
    subject: 'submitted',
    body: () => ({ body: 'an internal note', internal: true }),
    expected: keyed({ owner: 403, otherCustomer: 404, support: 201, ops: 403 }),
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/cancellation-quote',
    subject: 'submitted',
    expected: customerOrSupport(200),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/cancel',
    subject: 'submitted',
    changesSubject: true,
    body: () => ({}),
    expected: customerOrSupport(200),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/cancel',
    variant: 'FOC inside 72 h: support only',
    subject: 'focInside72h',
    changesSubject: true,
    body: () => ({}),
    expected: keyed({ owner: 409, otherCustomer: 404, support: 200, ops: 403 }),
    check: (caller, res) => {
      if (caller === 'owner') expect(res.body.code).toBe('customer_inside_72h');
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/port-date',
    subject: 'submitted',
    changesSubject: true,
    body: () => ({ portDate: addBusinessDays(today(), 20, 'US') }),
    expected: customerOrSupport(200),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/port-date',
    variant: 'FOC inside 72 h: support only',
    subject: 'focInside72h',
    changesSubject: true,
    body: () => ({ portDate: addBusinessDays(today(), 20, 'US') }),
    expected: keyed({ owner: 409, otherCustomer: 404, support: 200, ops: 403 }),
    check: (caller, res) => {
      if (caller === 'owner') expect(res.body.code).toBe('customer_inside_72h');
    },
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/resubmit',
    subject: 'rejected',
    changesSubject: true,
    body: () => ({ corrections: { pin: '2468' } }),
    expected: customerOrSupport(200),
  },
  {
    method: 'post',
    path: '/v1/port-in-orders/{id}/review',
    subject: 'submitted',
    changesSubject: true,
    body: () => ({ decision: 'approve' }),
    expected: keyed({ owner: 403, otherCustomer: 403, support: 200, ops: 403 }),
  },
  {
    method: 'get',
    path: '/v1/port-in-orders/{id}/workflow',
    subject: 'submitted',
    expected: keyed({ owner: 403, otherCustomer: 403, support: 200, ops: 200 }),
  },
  {
    method: 'get',
    path: '/v1/review-queue',
    subject: 'submitted',
    query: () => '?limit=100',
    expected: keyed({ owner: 403, otherCustomer: 403, support: 200, ops: 200 }),
    check: (_caller, res, id) => {
      if (res.status === 200) expect(ids(res)).toContain(id);
    },
  },
  {
    method: 'get',
    path: '/v1/me',
    expected: keyed({ owner: 200, otherCustomer: 200, support: 200, ops: 200 }),
    check: (caller, res) => {
      if (res.status !== 200) return;
      const role = { owner: 'customer', otherCustomer: 'customer', support: 'support', ops: 'ops' } as const;
      expect(res.body.role).toBe(role[caller as keyof typeof role]);
    },
  },
  {
    method: 'get',
    path: '/v1/active-numbers',
    expected: keyed({ owner: 200, otherCustomer: 200, support: 200, ops: 200 }),
    check: (caller, res) => {
      if (res.status !== 200) return;
      const numbers = ids(res, 'phoneNumber');
      if (caller === 'otherCustomer') expect(numbers).not.toContain(OWNER_ACTIVE_NUMBER);
      else expect(numbers).toContain(OWNER_ACTIVE_NUMBER);
    },
  },
  {
    method: 'put',
    path: '/v1/webhook-endpoint',
    body: (caller) => ({
      url: receiver.url,
      ...(caller === 'support' ? { accountId: DEMO_ACCOUNT_ID } : {}),
    }),
    expected: keyed({ owner: 200, otherCustomer: 200, support: 200, ops: 403 }),
  },
  {
    method: 'delete',
    path: '/v1/webhook-endpoint',
    query: (caller) => (caller === 'support' ? `?accountId=${OTHER_ACCOUNT}` : ''),
    expected: keyed({ owner: 204, otherCustomer: 204, support: 204, ops: 403 }),
  },
  {
    method: 'get',
    path: '/v1/webhook-deliveries',
    subject: 'delivery',
    expected: keyed({ owner: 200, otherCustomer: 200, support: 200, ops: 200 }),
    check: (caller, res, id) => {
      if (res.status !== 200) return;
      if (caller === 'otherCustomer') expect(ids(res)).not.toContain(id);
      else expect(ids(res)).toContain(id);
    },
  },
  {
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/republish',
    subject: 'delivery',
    expected: customerOrSupport(200),
  },
  {
    method: 'post',
    path: '/v1/carrier/events',
    subject: 'submitted',
    changesSubject: true,
    body: () => ({}), // the carrier's own body is built per subject (see send)
    expected: { ...anyone(401), carrier: 202 },
  },
  ...(['decode', 'encode'] as const).map((step): Row => ({
    method: 'post',
    path: `/codec/${step}`,
    body: () => ({ payloads: [] }),
    expected: keyed({ owner: 403, otherCustomer: 403, support: 200, ops: 200 }),
  })),
];

let stack: Stack;
let receiver: WebhookReceiver;
const OWNER_ACTIVE_NUMBER = '+19175550999';
const owner = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

beforeAll(async () => {
  stack = await startStack({ autoAnswer: false });
  receiver = await startWebhookReceiver();
  const { Account, ApiKey, ActiveNumber } = stack.store.models;
  await Account.create({
    _id: OTHER_ACCOUNT,
    name: 'Other Co',
    plan: 'standard',
    notificationEmail: 'o@example.test',
  });
  await ApiKey.create({
    _id: hashApiKey(OTHER_KEY),
    role: 'customer',
    accountId: OTHER_ACCOUNT,
    name: 'other',
  });
  await ActiveNumber.create({
    _id: OWNER_ACTIVE_NUMBER,
    accountId: DEMO_ACCOUNT_ID,
    orderId: 'pio_earlier',
    configuration: { capabilities: 'voice+sms' },
    state: 'active',
    completedAt: new Date(),
  });
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
}, 60_000);

interface StoredNumbers {
  numbers: { status?: string; focDate?: string }[];
}
/** Polls the stored order until `ok` holds. */
const storedOrder = (id: string, ok: (o: StoredNumbers) => boolean) =>
  eventually(
    async () =>
      ((await stack.store.models.Order.findById(id).lean()) as unknown as StoredNumbers | null) ?? {
        numbers: [],
      },
    ok,
    30_000,
  );

const SUBJECTS: Record<Subject, () => Promise<string>> = {
  draft: () => createDraft(owner(), newNumber()),
  readyDraft: () => readyDraft(owner(), newNumber()),
  submitted: () => submittedOrder(owner(), newNumber()),
  /** Rejected in review for a reason the customer can fix: waiting for a resubmission. */
  async rejected() {
    const id = await submittedOrder(owner(), newNumber());
    await waitForWorkflowStart(stack, id);
    const res = await support().post(`/v1/port-in-orders/${id}/review`, {
      decision: 'reject',
      reasonCode: 'wrong_wireless_pin',
    });
    expect(res.status).toBe(200);
    await storedOrder(id, (o) => o.numbers[0]?.status === 'rejected');
    return id;
  },
  /** Approved, accepted by the carrier, then its FOC moved to tomorrow: activation is under 72 h away. */
  async focInside72h() {
    const id = await submittedOrder(owner(), newNumber());
    await waitForWorkflowStart(stack, id);
    expect((await support().post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' })).status).toBe(
      200,
    );
    // The number reads submitted_to_carrier from approval on; the carrier has the request a moment later.
    await answerWhenSubmitted(stack, id);
    await storedOrder(id, (o) => o.numbers[0]?.status === 'accepted');
    const focDate = addDays(today(), 1);
    await simulatorControl(stack, `/port-requests/${id}/move-foc`, { focDate });
    await storedOrder(id, (o) => o.numbers[0]?.focDate === focDate);
    return id;
  },
  /** A webhook delivery of the owner's account, whose endpoint is registered (republish sends to it). */
  async delivery() {
    const endpoint = await owner().put('/v1/webhook-endpoint').send({ url: receiver.url });
    expect(endpoint.status).toBe(200);
    receiver.secret = endpoint.body.secret;
    const id = `evt_roles_${n++}:webhook`;
    await stack.store.models.Notification.create({
      _id: id,
      orderId: 'pio_earlier',
      accountId: DEMO_ACCOUNT_ID,
      channel: 'webhook',
      kind: 'order.submitted',
      to: receiver.url,
      status: 'failed',
      attempts: 3,
      lastError: 'HTTP 500',
      payload: { orderId: 'pio_earlier' },
    });
    await backfillListSlots(stack.store); // written as stored: listed as the API does at start
    return id;
  },
};

/** One shared subject per kind, for the calls that leave it as it was. */
const shared = new Map<Subject, Promise<string>>();
const subjectFor = (row: Row, caller: Caller): Promise<string> | undefined => {
  if (!row.subject) return undefined;
  const succeeds = row.expected[caller] < 300;
  if (row.changesSubject && succeeds) return SUBJECTS[row.subject]();
  if (!shared.has(row.subject)) shared.set(row.subject, SUBJECTS[row.subject]());
  return shared.get(row.subject);
};

const BEARER: Partial<Record<Caller, string>> = {
  unknownKey: 'not-a-key',
  owner: KEYS.customerKey,
  otherCustomer: OTHER_KEY,
  support: KEYS.supportKey,
  ops: KEYS.opsKey,
};

async function send(row: Row, caller: Caller, subjectId?: string): Promise<request.Response> {
  // A document route names the subject order's first document (an LOA, uploaded by readyDraft).
  const documentId = row.path.includes('{documentId}')
    ? (
        (await stack.store.models.Order.findById(subjectId).lean()) as {
          draft?: { documents?: { id: string }[] };
        } | null
      )?.draft?.documents?.[0]?.id
    : undefined;
  const path =
    row.path
      .replace('{id}', encodeURIComponent(subjectId ?? 'none'))
      .replace('{documentId}', encodeURIComponent(documentId ?? 'none')) +
    (row.query ? row.query(caller) : '');
  let req = request(stack.apiUrl)[row.method](path);
  if (BEARER[caller]) req = req.set('Authorization', `Bearer ${BEARER[caller]}`);
  let body: object | undefined = row.body?.(caller);
  if (row.path === '/v1/carrier/events' && subjectId) {
    const order = await stack.store.models.Order.findById(subjectId).lean();
    body = {
      type: 'number.rejected',
      orderId: subjectId,
      phoneNumbers: order?.phoneNumbers,
      reasonCode: 'wrong_wireless_pin',
      occurredAt: new Date().toISOString(),
    };
  }
  if (caller === 'carrier') {
    // Signed like the carrier's events; no bearer key.
    const raw = JSON.stringify(body ?? {});
    req = req
      .set({ ...signedHeaders(CARRIER_SECRET, `evt_roles_${n++}`, raw) })
      .set('Content-Type', 'application/json');
    return row.undocumented ? req.send(raw) : conform(row, path, req.send(raw));
  }
  if (row.upload) {
    for (const [k, v] of Object.entries(row.upload)) req = req.field(k, v);
    req = req.attach('file', PDF, 'loa.pdf');
  } else if (body) req = req.send(body);
  return row.undocumented ? req : conform(row, path, req);
}

/** Documented routes: the answer must match the OpenAPI spec whatever the caller. */
const conform = (row: Row, path: string, req: request.Test) =>
  req.expect((res) => specValidator().assertConforms(row.method, path, res));

const rowKey = (row: Row) => `${row.method.toUpperCase()} ${row.path}`;

test('every documented route has a row here, and every row is a documented route (or a listed extra)', () => {
  const documented = DOCUMENTED_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
  const rows = [...new Set(ROWS.filter((r) => !r.undocumented).map(rowKey))].sort();
  expect(rows).toEqual(documented);
});

describe.each(
  ROWS.map((row) => [row.variant ? `${rowKey(row)} (${row.variant})` : rowKey(row), row] as const),
)('%s', (_name, row) => {
  test.each(CALLERS.map((caller) => [caller, row.expected[caller]] as const))(
    'as %s → %i',
    async (caller, expected) => {
      const subjectId = await subjectFor(row, caller);
      const res = await send(row, caller, subjectId);
      expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({
        status: expected,
        body: undefined,
      });
      row.check?.(caller, res, subjectId);
    },
  );
});

test('another account’s order answers exactly like an order that does not exist', async () => {
  const id = await createDraft(owner(), newNumber());
  const other = api(stack.apiUrl, OTHER_KEY);
  for (const path of [
    `/v1/port-in-orders/${id}`,
    `/v1/port-in-orders/${id}/events`,
    `/v1/port-in-orders/${id}/comments`,
  ]) {
    const theirs = await other.get(path);
    const missing = await other.get(path.replace(id, 'pio_does_not_exist'));
    expect({ status: theirs.status, body: theirs.body }).toEqual({
      status: missing.status,
      body: missing.body,
    });
  }
});
