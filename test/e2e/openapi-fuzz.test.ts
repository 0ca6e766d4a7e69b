/**
 * The OpenAPI document is the contract, both ways, checked against the real stack with requests
 * generated from the document it serves (GET /openapi.json): for every operation and every caller
 * (customer, support and ops keys, another account's customer, an unknown key, no key),
 * fast-check builds requests from the JSON Schemas of its parameters and body
 * (test/support/openapi-arbitraries.ts), mostly as the document allows them and partly mutated. Path ids are real orders (drafts, a ready draft,
 * submitted orders, another account's order) most of the time, so handlers run past their 404.
 *
 * Fails on: any 5xx (but the documented 502 of a republish whose endpoint refused); a status the
 * document does not list for the operation; a body that does not match its documented schema; a
 * request the document refuses (a wrong type, a missing member, a bound passed) answered 2xx.
 * Every failure is reported with the request that caused it. Fixed seed (OPENAPI_FUZZ_SEED to
 * change it) and numRuns per operation (OPENAPI_FUZZ_RUNS), printed with a summary of the statuses.
 */
import fc from 'fast-check';
import { addDays, localDate } from '../../domain/calendar';
import { signedHeaders } from '../../security/standard-webhooks';
import { DEMO_ACCOUNT_ID, SECOND_ACCOUNT_ID, TRIAL_ACCOUNT_ID } from '../../store/seed';
import { backfillListSlots } from '../../store/listed-items';
import { api, carrierEvent, orderBody } from '../support/api-client';
import {
  createRequestJudge,
  describeRequest,
  encodeBody,
  operationsOf,
  requestArbitrary,
  send,
  type Answer,
  type Caller,
  type FuzzRequest,
  type Operation,
} from '../support/openapi-requests';
import { createResponseValidator } from '../support/openapi-validator';
import { createDraft, readyDraft, submittedOrder } from '../support/order-fixtures';
import { answerWhenSubmitted, approve, waitForOrder } from '../support/scenarios';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';

// Thousands of requests from few keys in a few minutes: the per-key rate limit is not under test here.
process.env.API_RATE_LIMIT_PER_MINUTE = '1000000';

const SEED = Number(process.env.OPENAPI_FUZZ_SEED ?? 20261205);
const RUNS = Number(process.env.OPENAPI_FUZZ_RUNS ?? 100);

const stack = useStack({ autoAnswer: false });
// A fixed number of requests, not a time budget: about 2,500 take 30 s to 2 minutes on two shared cores.
jest.setTimeout(600_000);

const CALLERS: Caller[] = [
  { name: 'customer', authorization: `Bearer ${KEYS.customerKey}` },
  { name: 'customer', authorization: `Bearer ${KEYS.customerKey}` },
  { name: 'support', authorization: `Bearer ${KEYS.supportKey}` },
  { name: 'support', authorization: `Bearer ${KEYS.supportKey}` },
  { name: 'ops', authorization: `Bearer ${KEYS.opsKey}` },
  { name: 'another account’s customer', authorization: `Bearer ${KEYS.secondCustomerKey}` },
  { name: 'no key' },
  { name: 'unknown key', authorization: 'Bearer not-a-key' },
];

/** Reads first, then writes in the order a life goes, and the deletes last (they remove the ids). */
const PHASES: [RegExp, number][] = [
  [/^GET \/(healthz|readyz)/, 0],
  [/^GET /, 1],
  [/^POST \/v1\/portability-checks/, 2],
  [/^POST \/v1\/port-in-orders$/, 2],
  [/^(PATCH|PUT) \/v1\/port-in-orders/, 3],
  [/\/documents$/, 3],
  [/\/submit$/, 4],
  [/\/review$/, 5],
  [/\/port-date$/, 6],
  [/\/resubmit$/, 6],
  // Before the cancels, which close the orders the carrier's events are about.
  [/^POST \/v1\/carrier\/events/, 7],
  [/\/cancel$/, 8],
  [/^POST \/codec/, 8],
  [/webhook/, 9],
  [/^DELETE \/v1\/port-in-orders/, 10],
];
const phaseOf = (op: Operation) => PHASES.find(([re]) => re.test(op.name))?.[1] ?? 5;

const CARRIER_EVENTS = '/v1/carrier/events';
const REPUBLISH = '/v1/webhook-deliveries/{id}/republish';

interface Failure {
  signature: string;
  report: string;
}

test('every generated request is answered as the served OpenAPI document says, never with a 5xx', async () => {
  const document = (await (await fetch(`${stack.apiUrl}/openapi.json`)).json()) as object;
  const operations = operationsOf(document).sort((a, b) => phaseOf(a) - phaseOf(b));
  const refusals = createRequestJudge(document);
  const { checkOperation } = createResponseValidator(document);
  const today = localDate(Date.now(), 'America/New_York');

  // Real ids, so handlers are exercised beyond their 404: drafts, a ready draft, orders in review,
  // waiting for the carrier's FOC date, and with a rejected number; another account's order.
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const support = api(stack.apiUrl, KEYS.supportKey);
  const numbers = Array.from({ length: 10 }, (_, i) => `+1212555016${i}`);
  const spare = Array.from({ length: 30 }, (_, i) => `+12125550${170 + i}`);
  const nextSpare = () => spare.shift()!;
  const drafts = [await createDraft(customer, numbers[0]), await createDraft(customer, numbers[1])];
  const ready = await readyDraft(customer, numbers[2]);
  const inReview = await submittedOrder(customer, numbers[3]);
  const withFoc = await submittedOrder(customer, numbers[4]);
  const rejected = await submittedOrder(customer, numbers[5]);
  for (const id of [withFoc, rejected]) await approve(stack, id);
  await answerWhenSubmitted(stack, withFoc);
  await waitForOrder(stack, rejected, (o) => o.numbers[0]?.status === 'submitted_to_carrier');
  const rejection = await carrierEvent(stack.apiUrl, CARRIER_SECRET, {
    type: 'number.rejected',
    orderId: rejected,
    phoneNumbers: [numbers[5]],
    reasonCode: 'incorrect_account_number',
  });
  expect(rejection.status).toBe(202);
  const foreign = await support.post(
    '/v1/port-in-orders',
    orderBody({ accountId: SECOND_ACCOUNT_ID, phoneNumbers: [numbers[6]] }),
  );
  expect(foreign.status).toBe(201);
  const foreignId: string = foreign.body.orders[0].id;
  const { Notification, ActiveNumber } = stack.store.models;
  const at = new Date();
  const deliveries = [DEMO_ACCOUNT_ID, DEMO_ACCOUNT_ID, SECOND_ACCOUNT_ID].map((accountId, i) => ({
    _id: `evt_fuzz_${i}:webhook`,
    accountId,
    orderId: inReview,
    channel: 'webhook',
    kind: 'order.submitted',
    payload: { orderId: inReview },
    to: 'https://hooks.example.test/port-in',
    status: 'sent',
    providerId: '204',
    attempts: 1,
    createdAt: at,
    updatedAt: at,
  }));
  await Notification.collection.insertMany(deliveries as never[]);
  await backfillListSlots(stack.store); // inserted as stored: listed as the API does at start
  await ActiveNumber.collection.insertMany(
    ['+16465550140', '+16465550141', '+16465550142'].map((_id) => ({
      _id,
      accountId: DEMO_ACCOUNT_ID,
      orderId: withFoc,
      configuration: { capabilities: 'voice+sms' },
      state: 'active',
      completedAt: at,
    })) as never[],
  );
  const cursors = [
    (await customer.get('/v1/port-in-orders?limit=1')).body.nextCursor,
    (await customer.get('/v1/active-numbers?limit=1')).body.nextCursor,
    (await customer.get('/v1/webhook-deliveries?limit=1')).body.nextCursor,
  ].filter((c): c is string => typeof c === 'string');

  const orderIds = [...drafts, ready, inReview, withFoc, rejected, foreignId];
  /** A fresh order just before an operation that uses one up (a submit, a review, a cancel, a delete). */
  const freshFor: Record<string, () => Promise<string>> = {
    'POST /v1/port-in-orders/{id}/submit': () => readyDraft(customer, nextSpare()),
    'POST /v1/port-in-orders/{id}/review': () => submittedOrder(customer, nextSpare()),
    'POST /v1/port-in-orders/{id}/cancel': () => submittedOrder(customer, nextSpare()),
    'DELETE /v1/port-in-orders/{id}': () => createDraft(customer, nextSpare()),
  };
  const dates = fc.integer({ min: -10, max: 60 }).map((days) => addDays(today, days));
  const phoneNumbers = fc.constantFrom(
    ...numbers.slice(0, 7),
    '+12125550147',
    '(212) 555-0169',
    '+18005550100',
    '+442071838750',
  );
  const accountIds = fc.constantFrom(DEMO_ACCOUNT_ID, SECOND_ACCOUNT_ID, TRIAL_ACCOUNT_ID, 'acct_none');
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const hints = {
    orderId: fc.constantFrom(...orderIds),
    accountId: accountIds,
    phoneNumber: phoneNumbers,
    'phoneNumbers[]': phoneNumbers,
    'query:phoneNumbers': fc.constantFrom(numbers[4], `${numbers[4]},${numbers[5]}`, numbers[0]),
    country: fc.constantFrom('US', 'CA', 'AU', 'GB'),
    notificationEmail: fc.constant('ada@example.test'),
    timeZone: fc.constantFrom('America/New_York', 'Europe/London', 'Mars/Olympus', 'UTC'),
    requestedPortDate: dates,
    portDate: dates,
    focDate: dates,
    issuedOn: dates,
    focDateFrom: dates,
    focDateTo: dates,
    occurredAt: fc.constant(new Date().toISOString()),
    cursor: cursors.length ? fc.constantFrom(...cursors) : fc.constant('x'),
    url: fc.constantFrom(
      'https://hooks.example.test/fuzz',
      'http://127.0.0.1:9/hook',
      'http://169.254.169.254/latest/meta-data',
      'ftp://example.test/',
    ),
    serviceAddress: fc.constant(orderBody().serviceAddress),
    authorizedPerson: fc.constant(orderBody().authorizedPerson),
    losingCarrier: fc.constant(orderBody().losingCarrier),
    'Idempotency-Key': fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2') },
      { weight: 3, arbitrary: fc.uuid() },
    ),
    // Whole bodies a client would send, so the rules behind the schema are reached too.
    'POST /v1/port-in-orders body': fc
      .tuple(fc.constantFrom(...spare.slice(-10)), accountIds)
      .map(([n, accountId]) => orderBody({ accountId, phoneNumbers: [n] })),
    'POST /v1/portability-checks body': fc
      .array(phoneNumbers, { minLength: 1, maxLength: 3 })
      .map((list) => ({ phoneNumbers: list })),
    'PATCH /v1/port-in-orders/{id} body': fc.constantFrom(
      { customerReference: 'fuzz-ref' },
      { notificationEmail: 'grace@example.test' },
      { phoneNumbers: [numbers[0]] },
      { configuration: { capabilities: 'voice' } },
    ),
    'PUT /v1/port-in-orders/{id}/configuration body': fc.constant({ capabilities: 'voice', alias: 'Main' }),
    'POST /v1/port-in-orders/{id}/documents body': fc.constantFrom(
      { kind: 'loa', loaTemplate: 'standard', signerName: 'Ada Lovelace' },
      { kind: 'bill', issuedOn: addDays(today, -1) },
    ),
    'POST /v1/port-in-orders/{id}/review body': fc.constantFrom(
      { decision: 'approve' },
      { decision: 'reject', reasonCode: 'data_mismatch', note: 'fuzz' },
    ),
    'POST /v1/port-in-orders/{id}/port-date body': fc.integer({ min: 5, max: 40 }).map((d) => ({
      portDate: addDays(today, d),
    })),
    'POST /v1/port-in-orders/{id}/resubmit body': fc.constantFrom(
      { corrections: { accountNumber: '123456789' } },
      { phoneNumbers: [numbers[5]], corrections: { pin: '1234' } },
    ),
    'POST /v1/port-in-orders/{id}/cancel body': fc.constantFrom({}, { phoneNumbers: [numbers[4]] }),
    'POST /v1/carrier/events body': fc
      .tuple(
        fc.constantFrom(
          [withFoc, numbers[4]],
          [rejected, numbers[5]],
          [inReview, numbers[3]],
          [drafts[0], numbers[0]],
        ),
        fc.constantFrom('number.accepted', 'number.foc_changed', 'number.rejected', 'number.ported'),
        dates,
      )
      .map(([[orderId, n], type, focDate]) => ({
        type,
        orderId,
        phoneNumbers: [n],
        focDate,
        ...(type === 'number.rejected' ? { reasonCode: 'invalid_btn' } : {}),
        occurredAt: new Date().toISOString(),
      })),
    'POST /codec/decode body': fc.constant({
      payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('"x"') }],
    }),
    'POST /codec/encode body': fc.constant({
      payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('{"a":1}') }],
    }),
    'PUT /v1/webhook-endpoint body': fc.constant({
      url: 'https://hooks.example.test/fuzz',
      accountId: DEMO_ACCOUNT_ID,
    }),
  };

  const failures: Failure[] = [];
  const summary: {
    operation: string;
    sent: number;
    refusedByDocument: number;
    statuses: Record<number, number>;
  }[] = [];
  const started = Date.now();
  console.log(`openapi fuzz: seed ${SEED}, ${RUNS} runs per operation, ${operations.length} operations`);

  for (const [index, op] of operations.entries()) {
    const fresh = freshFor[op.name] ? await freshFor[op.name]() : undefined;
    const ids =
      op.template === REPUBLISH
        ? deliveries.map((d) => d._id)
        : [...orderIds, ...(fresh ? [fresh, fresh, fresh] : [])];
    const pathValues = { id: fc.constantFrom(...ids) };
    let requests = requestArbitrary(document, op, { hints, pathValues, callers: CALLERS });
    if (op.template === CARRIER_EVENTS) requests = signedCarrierEvents(requests);
    const row = { operation: op.name, sent: 0, refusedByDocument: 0, statuses: {} as Record<number, number> };
    summary.push(row);
    await fc.assert(
      fc.asyncProperty(requests, async (req) => {
        const refused = refusals(req);
        let answer: Answer;
        try {
          answer = await send(stack.apiUrl, req);
        } catch (err) {
          failures.push(failureOf(req, refused, undefined, [`no answer: ${(err as Error).message}`]));
          return true;
        }
        row.sent += 1;
        if (refused.length) row.refusedByDocument += 1;
        row.statuses[answer.status] = (row.statuses[answer.status] ?? 0) + 1;
        const problems = checkOperation(req.method, req.template, {
          status: answer.status,
          headers: answer.headers,
          body: answer.body,
          text: answer.text,
        });
        if (answer.status >= 500 && !(answer.status === 502 && op.template === REPUBLISH))
          problems.unshift(`a ${answer.status}: the server failed`);
        if (refused.length && answer.status < 300)
          problems.push(
            `the document refuses this request (${refused.slice(0, 3).join('; ')}), yet it was served`,
          );
        if (problems.length) failures.push(failureOf(req, refused, answer, problems));
        // Always true: every failure is collected and reported at the end, none shrunk (a shrink would
        // replay requests against a stack whose state has moved on).
        return true;
      }),
      { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
    );
  }

  const health = await Promise.all(['/healthz', '/readyz'].map((p) => fetch(`${stack.apiUrl}${p}`)));
  printSummary(summary, Date.now() - started);
  expect(health.map((r) => r.status)).toEqual([200, 200]);
  if (failures.length) throw new Error(reportOf(failures));
});

/** Carrier events are signed as the carrier would sign them, mostly; sometimes not, or stale. */
function signedCarrierEvents(requests: fc.Arbitrary<FuzzRequest>): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(requests, fc.constantFrom('valid', 'valid', 'valid', 'valid', 'stale', 'as generated'), fc.uuid())
    .map(([req, how, id]) => {
      if (how === 'as generated') return req;
      const raw = encodeBody(req.body).bytes?.toString('utf8') ?? '';
      const now = how === 'stale' ? Date.now() - 3_600_000 : Date.now();
      return { ...req, headers: { ...req.headers, ...signedHeaders(CARRIER_SECRET, `evt_${id}`, raw, now) } };
    });
}

function failureOf(
  req: FuzzRequest,
  refused: string[],
  answer: Answer | undefined,
  problems: string[],
): Failure {
  const verdict = refused.length
    ? `the document refuses it: ${refused.slice(0, 3).join('; ')}`
    : 'the document allows it';
  return {
    signature: `${req.operation} → ${answer?.status ?? 'no answer'}: ${problems[0].replace(/"[^"]*"|\d+/g, '…')}`,
    report: [
      `${req.operation} → ${answer?.status ?? 'no answer'} (${verdict})`,
      ...problems.map((p) => `  - ${p}`),
      `  request: ${describeRequest(req)}`,
      `  answer: ${answer ? answer.text.slice(0, 600) : '(none)'}`,
    ].join('\n'),
  };
}

/** Failures grouped by operation, status and kind of problem: the first request of each, and a count. */
function reportOf(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) groups.set(f.signature, [...(groups.get(f.signature) ?? []), f]);
  return [
    `${failures.length} request(s) answered against the document, in ${groups.size} kind(s) ` +
      `(seed ${SEED}, ${RUNS} runs per operation; OPENAPI_FUZZ_SEED and OPENAPI_FUZZ_RUNS replay them):`,
    ...[...groups.values()].map((g) => `\n[${g.length}×] ${g[0].report}`),
  ].join('\n');
}

function printSummary(
  rows: { operation: string; sent: number; refusedByDocument: number; statuses: Record<number, number> }[],
  ms: number,
) {
  const lines = rows.map(
    (r) =>
      `  ${r.operation.padEnd(52)} ${String(r.sent).padStart(4)} sent, ${String(r.refusedByDocument).padStart(3)} refused by the document  ${Object.entries(
        r.statuses,
      )
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
  );
  const total = rows.reduce((n, r) => n + r.sent, 0);
  console.log(
    [
      `openapi fuzz: ${total} requests in ${Math.round(ms / 1000)} s (seed ${SEED}, ${RUNS} runs per operation)`,
      ...lines,
    ].join('\n'),
  );
}
