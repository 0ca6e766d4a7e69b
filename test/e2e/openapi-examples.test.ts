/**
 * The request examples of the served OpenAPI document succeed as Swagger UI's "Try it out" sends
 * them (issue #12, item 7): EVERY operation of the document is sent, its request example (and query
 * parameter examples) unchanged, with the demo key of a role the operation allows (`x-roles`; the
 * keys `npm start` seeds, README "Demo accounts and keys"), against the real stack, and must be
 * answered 2xx with a body the document describes, or with a status the document gives for it and
 * this test lists with its reason (`DOCUMENTED_REFUSALS`).
 *
 * What a person would have done first is prepared here: the `{id}` of an order operation is an
 * order in the documented state, made from the create example (its number, the demo carrier's,
 * swapped for a fresh one per order: a submitted order holds its number), and the example's number
 * is that order's. Any other path parameter (`{documentId}`) is taken the way a person takes it: its
 * example is an id of a documented answer's example (`GET …/documents`); that operation is sent on
 * the same order and the real id read from the same place of its answer. The carrier's event is
 * signed as the carrier signs it, about such an order.
 *
 * An operation with a request body must have an example; one without (a GET carries none) is listed
 * in `NEEDS_NO_BODY` with the reason, so a new operation is never skipped silently.
 */
import request from 'supertest';
import { DEMO_API_KEY_DEFAULTS } from '../../config/development-material';
import { addBusinessDays, addDays, localDate } from '../../domain/calendar';
import { EXAMPLE_NUMBER } from '../../api/openapi-examples';
import type { OrderState } from '../../api/openapi-operations';
import { signedHeaders } from '../../security/standard-webhooks';
import { DEMO_ACCOUNT_ID, seedDemoData } from '../../store/seed';
import { api, eventually, PDF } from '../support/api-client';
import { createResponseValidator } from '../support/openapi-validator';
import { simulatorControl, waitForWorkflowStart } from '../support/scenarios';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const stack = useStack({ autoAnswer: false });
jest.setTimeout(300_000);

interface Parameter {
  name: string;
  in: string;
  example?: unknown;
  schema?: { example?: unknown };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
  'x-roles'?: string[];
  'x-order-status'?: OrderState;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
}

/** The keys `npm start` seeds (config/development-material.ts), by role. */
const DEMO_KEYS: Record<string, string> = {
  customer: DEMO_API_KEY_DEFAULTS.customerKey,
  support: DEMO_API_KEY_DEFAULTS.supportKey,
  ops: DEMO_API_KEY_DEFAULTS.opsKey,
};

let receiver: WebhookReceiver;
beforeAll(async () => {
  await seedDemoData(stack.store, DEMO_API_KEY_DEFAULTS);
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

let n = 0;
/** A fresh valid number per order (the simulator's generic carrier), so orders never collide. */
const freshNumber = () => `+1718555${String(100 + n++).padStart(4, '0')}`;
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

/** Polls the stored order's (only) number until `ok` holds. */
const storedNumber = (id: string, ok: (number?: { status: string; focDate?: string }) => boolean) =>
  eventually(
    async () => {
      const order = (await stack.store.models.Order.findById(id).lean()) as {
        numbers?: { status: string; focDate?: string }[];
      } | null;
      return order?.numbers?.[0];
    },
    ok,
    60_000,
  );

/** An order of the demo customer in `state`, made from the create example with a fresh number. */
async function orderIn(state: OrderState, createExample: Record<string, unknown>) {
  const phoneNumber = freshNumber();
  const created = await customer().post('/v1/port-in-orders', {
    ...createExample,
    phoneNumbers: [phoneNumber],
  });
  expect(created.status).toBe(201);
  const id: string = created.body.orders[0].id;
  if (state === 'draft') return { id, phoneNumber };
  const upload = (fields: Record<string, string>) =>
    customer().upload(`/v1/port-in-orders/${id}/documents`, fields);
  expect((await upload({ kind: 'loa', loaTemplate: 'standard', signerName: 'Ada Lovelace' })).status).toBe(
    201,
  );
  const issuedOn = addDays(localDate(Date.now(), 'America/New_York'), -1);
  expect((await upload({ kind: 'bill', issuedOn })).status).toBe(201);
  if (state === 'ready_draft') return { id, phoneNumber };
  expect((await customer().post(`/v1/port-in-orders/${id}/submit`)).status).toBe(202);
  await waitForWorkflowStart(stack, id);
  if (state === 'in_review') return { id, phoneNumber };
  const decision =
    state === 'rejected'
      ? { decision: 'reject', reasonCode: 'incorrect_account_number' }
      : { decision: 'approve' };
  expect((await support().post(`/v1/port-in-orders/${id}/review`, decision)).status).toBe(200);
  await storedNumber(id, (x) => x?.status === (state === 'rejected' ? 'rejected' : 'submitted_to_carrier'));
  if (state !== 'accepted') return { id, phoneNumber };
  // Accepted, with an FOC date far enough away for the customer to change it (72 h or more).
  await simulatorControl(stack, `/port-requests/${id}/answer`);
  await storedNumber(id, (x) => x?.status === 'accepted');
  const focDate = addBusinessDays(localDate(Date.now(), 'America/New_York'), 10, 'US');
  await simulatorControl(stack, `/port-requests/${id}/move-foc`, { focDate });
  await storedNumber(id, (x) => x?.focDate === focDate);
  return { id, phoneNumber };
}

/** A webhook delivery of the demo account, whose endpoint is registered (republish sends to it). */
async function delivery(): Promise<string> {
  const endpoint = await customer().put('/v1/webhook-endpoint').send({ url: receiver.url });
  expect(endpoint.status).toBe(200);
  receiver.secret = endpoint.body.secret;
  const id = `evt_examples_${n++}:webhook`;
  await stack.store.models.Notification.create({
    _id: id,
    orderId: 'pio_earlier',
    accountId: DEMO_ACCOUNT_ID,
    channel: 'webhook',
    kind: 'order.submitted',
    to: receiver.url,
    status: 'failed',
    attempts: 3,
    lastError: 'http_status: 500',
    payload: { orderId: 'pio_earlier' },
  });
  return id;
}

/** The example with the example order's number swapped for the prepared order's. */
const forOrder = (example: unknown, phoneNumber?: string): unknown =>
  phoneNumber ? JSON.parse(JSON.stringify(example).split(EXAMPLE_NUMBER).join(phoneNumber)) : example;

/**
 * The operations that are sent without a request body, and why none is needed. A GET carries none
 * (HTTP); every other operation without a body is listed here, so a new one is a decision.
 */
const NEEDS_NO_BODY: Record<string, string> = {
  'DELETE /v1/port-in-orders/{id}': 'the order named in the path is deleted: nothing else to say',
  'POST /v1/port-in-orders/{id}/submit': 'the stored draft is what is submitted',
  'DELETE /v1/webhook-endpoint':
    'the key’s account has one endpoint (support names `accountId` in the query)',
  'POST /v1/webhook-deliveries/{id}/republish': 'the stored event named in the path is sent again',
};

/**
 * Answers other than 2xx that an example may get, each documented for its operation; the reason is
 * why the example cannot succeed here. Anything else not 2xx is a failure.
 */
const DOCUMENTED_REFUSALS: Record<string, { status: number; codes: string[]; reason: string }> = {
  'PUT /v1/webhook-endpoint': {
    status: 422,
    codes: ['dns_failure'],
    reason: 'the example’s public host does not resolve where this test runs, without a network',
  },
};

type Path = (string | number)[];
/** Where in `value` the string `wanted` is, as a path of keys; undefined when nowhere. */
function locate(value: unknown, wanted: unknown, at: Path = []): Path | undefined {
  if (value === wanted) return at;
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      const found = locate(inner, wanted, [...at, Array.isArray(value) ? Number(key) : key]);
      if (found) return found;
    }
  return undefined;
}
const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);

test('every operation of the served document succeeds as sent with its example and the demo keys', async () => {
  const document = (await (await fetch(`${stack.apiUrl}/openapi.json`)).json()) as Doc;
  const { checkOperation } = createResponseValidator(document);
  const createExample = document.paths['/v1/port-in-orders'].post.requestBody!.content['application/json']
    .example as Record<string, unknown>;
  expect(createExample.phoneNumbers).toEqual([EXAMPLE_NUMBER]);

  const all = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      template,
      op,
      name: `${method.toUpperCase()} ${template}`,
    })),
  );
  const byName = new Map(all.map((o) => [o.name, o]));

  // Every body has its example; every operation without one is a GET or listed with its reason.
  const hasBody = (op: Operation) => Object.keys(op.requestBody?.content ?? {}).length > 0;
  const unexampled = all
    .filter(
      ({ op }) => hasBody(op) && Object.values(op.requestBody!.content).some((m) => m.example === undefined),
    )
    .map((o) => o.name);
  expect(unexampled).toEqual([]);
  const bodiless = all.filter(({ method, op }) => method !== 'get' && !hasBody(op)).map((o) => o.name);
  expect(bodiless.sort()).toEqual(Object.keys(NEEDS_NO_BODY).sort());

  /** The real value of a path parameter, read from the answer its example is taken from. */
  async function pathValue(
    parameter: Parameter,
    order: { id: string } | undefined,
    role: string | undefined,
  ): Promise<string> {
    const example = parameter.example ?? parameter.schema?.example;
    if (example === undefined) throw new Error(`path parameter ${parameter.name} has no example`);
    for (const source of all) {
      if (source.method !== 'get') continue;
      for (const [status, response] of Object.entries(source.op.responses)) {
        if (!status.startsWith('2')) continue;
        const where = locate(response.content?.['application/json']?.example, example);
        if (!where) continue;
        let path = source.template;
        if (order) path = path.replace('{id}', order.id);
        if (path.includes('{')) continue; // a source needing more than the order: not a first step
        let req = request(stack.apiUrl).get(path);
        if (role) req = req.set('Authorization', `Bearer ${DEMO_KEYS[role]}`);
        const answer = await req;
        const value = at(answer.body, where);
        if (answer.status !== 200 || typeof value !== 'string')
          throw new Error(
            `${source.name} answered ${answer.status} without ${where.join('.')}: ${answer.text}`,
          );
        return value;
      }
    }
    throw new Error(
      `the example of path parameter ${parameter.name} (${String(example)}) is in no answer's example`,
    );
  }

  // Registering the example webhook endpoint (and removing it) last: republish sends to it.
  const ordered = [...all].sort(
    (a, b) => Number(a.template === '/v1/webhook-endpoint') - Number(b.template === '/v1/webhook-endpoint'),
  );

  const failures: string[] = [];
  const sent: string[] = [];
  for (const { method, template, op, name } of ordered) {
    const state = op['x-order-status'];
    const order = state ? await orderIn(state, createExample) : undefined;
    const roles = op['x-roles'] ?? [];
    const role = ['customer', 'support', 'ops'].find((r) => roles.includes(r));
    let path = template;
    if (order) path = path.replace('{id}', order.id);
    else if (template.startsWith('/v1/webhook-deliveries/{id}'))
      path = path.replace('{id}', await delivery());
    for (const parameter of op.parameters ?? [])
      if (parameter.in === 'path' && path.includes(`{${parameter.name}}`))
        path = path.replace(
          `{${parameter.name}}`,
          encodeURIComponent(await pathValue(parameter, order, role)),
        );
    expect(path).not.toContain('{');
    const query = Object.fromEntries(
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' && p.example !== undefined)
        .map((p) => [p.name, String(p.example)]),
    );
    const [type, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];

    let req = request(stack.apiUrl)[method as 'get'](path).query(query);
    if (role) req = req.set('Authorization', `Bearer ${DEMO_KEYS[role]}`);
    if (roles.includes('carrier')) {
      // The carrier's event about a submitted order, signed with the carrier's secret.
      const about = await orderIn('in_progress', createExample);
      const event = { ...(forOrder(media?.example, about.phoneNumber) as object), orderId: about.id };
      const raw = JSON.stringify(event);
      req = req
        .set({ ...signedHeaders(CARRIER_SECRET, `evt_example_${n++}`, raw) })
        .set('Content-Type', 'application/json')
        .send(raw);
    } else if (type === 'multipart/form-data') {
      for (const [field, value] of Object.entries(forOrder(media!.example, order?.phoneNumber) as object))
        req = req.field(field, Array.isArray(value) ? value.join(',') : String(value));
      req = req.attach('file', PDF, 'example.pdf');
    } else if (type) req = req.send(forOrder(media!.example, order?.phoneNumber) as object);

    const res = await req;
    sent.push(name);
    const problems = checkOperation(method, template, res);
    const refusal = DOCUMENTED_REFUSALS[name];
    const documentedRefusal =
      refusal !== undefined &&
      res.status === refusal.status &&
      ((res.body.errors ?? [res.body]) as { code: string }[]).every((e) => refusal.codes.includes(e.code));
    if ((res.status >= 300 && !documentedRefusal) || problems.length)
      failures.push(
        `${name}${state ? ` (order ${state})` : ''}: ${res.status} ${(res.text ?? '').slice(0, 600)} ${problems.join('; ')}`,
      );
  }
  expect(failures).toEqual([]);
  // Every operation was sent (none skipped), and the lists name only operations of the document.
  expect(sent.sort()).toEqual([...byName.keys()].sort());
  for (const listed of [...Object.keys(NEEDS_NO_BODY), ...Object.keys(DOCUMENTED_REFUSALS)])
    expect(byName.has(listed)).toBe(true);
});
