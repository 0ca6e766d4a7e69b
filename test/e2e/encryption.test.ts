/**
 * Payload encryption on the real dev server: an order submitted and approved through the API leaves
 * no personal data readable in its Temporal history or search attributes, while staff decode the
 * payloads through the API's codec endpoint, with the Temporal CLI speaking the codec-server protocol.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { binaries } from '../../scripts/servers/processes';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { workflowIdFor } from '../../workflows/messages';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../workflows/search-attributes';
import { api } from '../support/api-client';
import { firstNumber, submitAndApprove, waitForOrder, type OrderSpec } from '../support/scenarios';
import { KEYS, startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ autoAnswer: false });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

const PHONE = '+12125550188';
const spec: OrderSpec = {
  country: 'US',
  phoneNumbers: [PHONE],
  person: { firstName: 'Grace', lastName: 'Hopperfield' },
  address: { line1: '77 Cobalt Street', city: 'New York', region: 'NY', postalCode: '10118', country: 'US' },
  accountNumber: '918273645',
  pin: '5813',
  notificationEmail: 'grace.hopperfield@example.test',
};
/** Personal data and carrier secrets of the order, as they would appear in plain bytes. */
const PERSONAL = [PHONE, PHONE.slice(2), 'Hopperfield', '77 Cobalt Street', '918273645', 'grace.hopperfield'];
const leaks = (bytes: Uint8Array) => {
  const text = Buffer.from(bytes).toString('latin1');
  return PERSONAL.filter((needle) => text.includes(needle));
};
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');

/** Every Payload in a (protobuf) object tree, with where it was found. */
function payloadsIn(node: unknown, path = 'history'): { path: string; payload: Payload }[] {
  if (!node || typeof node !== 'object' || node instanceof Uint8Array) return [];
  const record = node as Record<string, unknown>;
  if (record.data instanceof Uint8Array && record.metadata && typeof record.metadata === 'object')
    return [{ path, payload: record as Payload }];
  return Object.entries(record).flatMap(([key, value]) => payloadsIn(value, `${path}.${key}`));
}

test('no personal data is readable in the history; staff decode it through /codec', async () => {
  const orderId = await submitAndApprove(stack, spec);
  // The carrier submission activity has run: its input and result are in the history.
  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'submitted_to_carrier');
  const handle = stack.client.workflow.getHandle(workflowIdFor(orderId));
  const history = await handle.fetchHistory();

  // Search attributes and headers are never given to codecs: everything else must be sealed.
  const found = payloadsIn(history);
  const coded = found.filter(({ path }) => !/\.(searchAttributes|header)\./.test(path));
  expect(coded.length).toBeGreaterThan(5);
  const unsealed = coded.filter(({ payload }) => text(payload.metadata?.encoding) !== 'binary/encrypted');
  expect(unsealed.map(({ path }) => path)).toEqual([]);
  for (const { path, payload } of found) {
    expect({ path, leaks: leaks(payload.data!) }).toEqual({ path, leaks: [] });
    for (const value of Object.values(payload.metadata ?? {})) expect(leaks(value)).toEqual([]);
  }
  // Nor anywhere else in the history (failure messages, ids, identities are not payloads).
  expect(leaks(temporal.api.history.v1.History.encode(history).finish())).toEqual([]);

  // Search attributes carry the account, status, FOC date and losing carrier only.
  const description = await handle.describe();
  const indexed = description.raw.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {};
  const custom = Object.keys(indexed).filter((name) => SEARCH_ATTRIBUTE_FLAGS.some(([n]) => n === name));
  expect(custom).toEqual(expect.arrayContaining(['AccountId', 'PortInStatus']));
  for (const [name, value] of Object.entries(indexed))
    expect({ name, leaks: leaks(value.data ?? new Uint8Array()) }).toEqual({ name, leaks: [] });
  expect(text(indexed.AccountId?.data)).toContain(DEMO_ACCOUNT_ID);

  // Staff decode through the API: the number is there. Name, address and carrier secrets are not,
  // even decoded: the workflow never receives them (activities read them from the store).
  const body = {
    payloads: coded.map(({ payload }) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(payload.data!).toString('base64'),
    })),
  };
  const decoded = await api(stack.apiUrl, KEYS.opsKey)
    .post('/codec/decode', body)
    .set('X-Namespace', 'default');
  expect(decoded.status).toBe(200);
  expect(decoded.body.payloads).toHaveLength(coded.length);
  const clear = decoded.body.payloads
    .map((p: { data: string }) => Buffer.from(p.data, 'base64').toString('utf8'))
    .join('\n');
  expect(clear).toContain(PHONE);
  expect(clear).toContain(orderId);
  for (const absent of ['Hopperfield', '77 Cobalt Street', '918273645', '5813'])
    expect(clear).not.toContain(absent);
  expect((await api(stack.apiUrl, KEYS.customerKey).post('/codec/decode', body)).status).toBe(403);

  // The Temporal CLI decodes through the same endpoint (what the UI does with --ui-codec-endpoint).
  // Asynchronously: the CLI calls back into this process's API. Its JSON shows payload data in
  // base64, so every `data` string is decoded before looking for the number.
  const shownData = async (...codec: string[]) => {
    const { stdout } = await promisify(execFile)(binaries.temporal(), [
      'workflow',
      'show',
      '--address',
      stack.temporalAddress,
      '--workflow-id',
      handle.workflowId,
      '--output',
      'json',
      ...codec,
    ]);
    const data: string[] = [];
    JSON.parse(stdout, (key, value) => {
      if (key === 'data' && typeof value === 'string')
        data.push(Buffer.from(value, 'base64').toString('utf8'));
      return value;
    });
    return data.join('\n');
  };
  expect(await shownData()).not.toContain(PHONE);
  expect(
    await shownData('--codec-endpoint', `${stack.apiUrl}/codec`, '--codec-auth', `Bearer ${KEYS.opsKey}`),
  ).toContain(PHONE);
}, 180_000);
