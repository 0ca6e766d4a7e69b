/**
 * Orders driven as a client and a losing carrier would: intake through the API (create, LOA, bill,
 * submit; clean orders approve themselves), then the carrier's side through the simulator's /control
 * routes (answer with an FOC date, move it to today when the earliest was a later business day,
 * confirm the port). Every HTTP status of the intake is kept, so 5xx can be counted.
 */
import { addDays, localDate } from '../domain/calendar';
import { workflowIdFor } from '../workflows/messages';
import { sleep, within } from './stats';
import { ACCOUNT_ID, KEYS, type BenchStack } from './stack';
import { orderBody as testOrderBody } from '../test/support/api-client';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ZONE = 'America/New_York';

let nextNumber = 0;
/**
 * Unique valid US numbers of the simulator's generic carrier ("Simulated Telco": accepts any
 * complete request): New York 212 with exchanges 200–999, skipping N11 and the 555 test exchange.
 */
export function freshNumbers(count: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const i = nextNumber++;
    const exchange = 200 + Math.floor(i / 10_000);
    if (exchange % 100 === 11 || exchange === 555) {
      nextNumber += 10_000 - (i % 10_000);
      continue;
    }
    out.push(`+1212${exchange}${String(i % 10_000).padStart(4, '0')}`);
  }
  return out;
}

/** The e2e tests' order, for these numbers. Over 20 numbers only staff may order (rulebook): staff name the account. */
export function orderBody(phoneNumbers: string[]) {
  return testOrderBody({ phoneNumbers, ...(phoneNumbers.length > 20 ? { accountId: ACCOUNT_ID } : {}) });
}

export class HttpError extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    body: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

export const carrierToday = () => localDate(Date.now(), ZONE);

/** One client of the API; `statuses` collects every answer's status (intake 5xx are counted from it). */
export function apiClient(baseUrl: string, key: string, statuses: number[] = []) {
  const call = async (what: string, path: string, init: RequestInit, expected: number) => {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
    });
    statuses.push(res.status);
    const text = await res.text();
    if (res.status !== expected) throw new HttpError(what, res.status, text);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    statuses,
    json: (what: string, method: string, path: string, body: unknown, expected: number) =>
      call(
        what,
        path,
        { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
        expected,
      ),
    get: (path: string) => call('get', path, { method: 'GET' }, 200),
    upload: (what: string, path: string, fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'doc.pdf');
      return call(what, path, { method: 'POST', body: form }, 201);
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A draft with its LOA and a bill of yesterday, ready to submit. */
export async function readyDraft(api: ApiClient, phoneNumbers: string[]): Promise<string> {
  const created = await api.json('create', 'POST', '/v1/port-in-orders', orderBody(phoneNumbers), 201);
  const id: string = created.orders[0].id;
  const docs = `/v1/port-in-orders/${id}/documents`;
  await api.upload('LOA upload', docs, { kind: 'loa', loaTemplate: 'standard', signerName: 'Ada Lovelace' });
  await api.upload('bill upload', docs, { kind: 'bill', issuedOn: addDays(carrierToday(), -1) });
  return id;
}

export async function submit(api: ApiClient, orderId: string): Promise<void> {
  await api.json('submit', 'POST', `/v1/port-in-orders/${orderId}/submit`, {}, 202);
}

export const clientFor = (stack: BenchStack, phoneNumbers: number, statuses?: number[]) =>
  apiClient(stack.apiUrl, phoneNumbers > 20 ? KEYS.support : KEYS.customer, statuses);

async function sim(stack: BenchStack, path: string, body?: unknown) {
  const res = await fetch(`${stack.simulatorUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Waits until the workflow has submitted the order to the carrier (the simulator holds its request).
 * Polled with a growing pause (250 ms up to 3 s): under load an order takes tens of seconds to get
 * there, and the polls are the bench's load, not the service's: at 100 orders at once, polls every
 * second were ~35 per order, each a simulator request and a FerretDB read, on the same two cores as
 * the service being measured (the bare baseline polls nothing). A late poll adds at most 3 s to an
 * order that takes a minute at that load.
 */
export async function waitForCarrierRequest(
  stack: BenchStack,
  orderId: string,
  timeoutMs = ORDER_TIMEOUT_MS,
) {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 250; ; pause = Math.min(3_000, pause * 1.5)) {
    const r = await sim(stack, `/port-requests/${orderId}`);
    if (r.status === 200 && r.body.submissions?.length) return r.body;
    if (Date.now() > deadline) {
      const order = await stack.store.models.Order.findById(orderId, { status: 1, numbers: 1 })
        .lean()
        .catch((e) => String(e));
      throw new Error(`order ${orderId} never reached the carrier (stored ${JSON.stringify(order)})`);
    }
    await sleep(pause);
  }
}

/** The carrier's side after submission: accept, FOC today, port confirmed. */
export async function playCarrier(stack: BenchStack, orderId: string): Promise<void> {
  await waitForCarrierRequest(stack, orderId);
  const answered = await sim(stack, `/control/port-requests/${orderId}/answer`, {});
  if (answered.status !== 200)
    throw new Error(`carrier answer: ${answered.status} ${JSON.stringify(answered.body)}`);
  const today = carrierToday();
  // Lead 0 grants today on a business day; on a weekend or holiday the carrier re-dates to today.
  if (answered.body.numbers.some((n: { focDate?: string }) => n.focDate && n.focDate > today)) {
    const moved = await sim(stack, `/control/port-requests/${orderId}/move-foc`, { focDate: today });
    if (moved.status !== 200) throw new Error(`move FOC: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  const ported = await sim(stack, `/control/port-requests/${orderId}/complete`, {});
  if (ported.status !== 200) throw new Error(`carrier port: ${ported.status} ${JSON.stringify(ported.body)}`);
}

/**
 * How long one order may take to close, even under the heaviest case (100 at once on 2 cores). The
 * smoke run in CI sets a shorter one so that a stuck order fails with where it stands before the
 * test's own limit stops the bench.
 */
const ORDER_TIMEOUT_MS = Number(process.env.BENCH_ORDER_TIMEOUT_MS) || 300_000;

/** Resolves when the order's workflow has closed (completed: every notice sent); fails after 5 min. */
export async function workflowClosed(stack: BenchStack, orderId: string): Promise<unknown> {
  const handle = stack.client.workflow.getHandle(workflowIdFor(orderId));
  // A stuck order fails its case with where it stands, instead of hanging the bench.
  const standing = async () => {
    const status = await handle
      .describe()
      .then((d) => d.status.name)
      .catch((e) => String(e));
    const order = await stack.store.models.Order.findById(orderId, { status: 1, numbers: 1 })
      .lean()
      .catch(() => null);
    return `order ${orderId} did not close (workflow ${status}, stored ${JSON.stringify(order)})`;
  };
  return within(ORDER_TIMEOUT_MS, standing, handle.result());
}

/** One order from draft to completed; the intake statuses go to `statuses`. */
export async function fullLifecycle(stack: BenchStack, phoneNumbers: string[], statuses: number[] = []) {
  const api = clientFor(stack, phoneNumbers.length, statuses);
  const orderId = await readyDraft(api, phoneNumbers);
  await submit(api, orderId);
  await playCarrier(stack, orderId);
  const result = (await workflowClosed(stack, orderId)) as { status?: string };
  if (result?.status !== 'completed') throw new Error(`order ${orderId} ended ${JSON.stringify(result)}`);
  return orderId;
}
