/**
 * Payload encryption on the real dev server: an order submitted and approved through the API leaves
 * no personal data readable in its Temporal history or search attributes, while staff decode the
 * payloads through the API's codec endpoint, with the Temporal CLI speaking the codec-server protocol.
 * Failures (a carrier's refusal, the workflow's answer to it) keep their message and stack trace in
 * an encrypted payload too.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Payload, ProtoFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { addBusinessDays, localDate } from '../../domain/calendar';
import { binaries } from '../../scripts/servers/processes';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { workflowIdFor } from '../../workflows/messages';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../workflows/search-attributes';
import { api } from '../support/api-client';
import { firstNumber, submitAndApprove, waitForOrder, type OrderSpec } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });

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

/**
 * `temporal workflow show --output json`, every payload `data` string decoded from base64.
 * Asynchronously: with `codecFlags()` the CLI calls back into this process's API.
 */
async function shownData(workflowId: string, ...codec: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(binaries.temporal(), [
    'workflow',
    'show',
    '--address',
    stack.temporalAddress,
    '--workflow-id',
    workflowId,
    '--output',
    'json',
    ...codec,
  ]);
  const data: string[] = [];
  JSON.parse(stdout, (key, value) => {
    if (key === 'data' && typeof value === 'string') data.push(Buffer.from(value, 'base64').toString('utf8'));
    return value;
  });
  return data.join('\n');
}
/**
 * `temporal workflow query --type status`: the CLI encodes the query's arguments (none: an empty
 * list) through the codec, then decodes the answer. Its stdout, or its error output when it fails.
 */
async function queriedStatus(workflowId: string, ...codec: string[]): Promise<string> {
  const args = ['workflow', 'query', '--address', stack.temporalAddress, '--workflow-id', workflowId];
  try {
    const { stdout } = await promisify(execFile)(binaries.temporal(), [
      ...args,
      '--type',
      'status',
      ...codec,
    ]);
    return stdout;
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    return `failed: ${stdout ?? ''}${stderr ?? ''}`;
  }
}
const codecFlags = () => [
  '--codec-endpoint',
  `${stack.apiUrl}/codec`,
  '--codec-auth',
  `Bearer ${KEYS.opsKey}`,
];

test('no personal data is readable in the history; staff decode it through /codec', async () => {
  const orderId = await submitAndApprove(stack, spec);
  // The carrier submission activity has run: its input and result are in the history.
  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'submitted_to_carrier');
  const handle = stack.client.workflow.getHandle(workflowIdFor(orderId));
  const history = await handle.fetchHistory();

  // Search attributes, headers and the SDK's own patch markers (`patched()`: the patch id only) are
  // never given to codecs: everything else must be sealed. All of them are checked for leaks below.
  const found = payloadsIn(history);
  const coded = found.filter(
    ({ path }) =>
      !/\.(searchAttributes|header)\./.test(path) &&
      !/\.markerRecordedEventAttributes\.details\.patch-data\./.test(path),
  );
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
  expect(await shownData(handle.workflowId)).not.toContain(PHONE);
  expect(await shownData(handle.workflowId, ...codecFlags())).toContain(PHONE);
  // And queries: the CLI's (empty) arguments and the order's answer both go through the codec.
  expect(await queriedStatus(handle.workflowId)).not.toContain(PHONE);
  const status = await queriedStatus(handle.workflowId, ...codecFlags());
  expect(status).not.toMatch(/^failed/);
  expect(status).toContain(PHONE);
}, 180_000);

/** Every Failure in a (protobuf) object tree, causes included. */
function failuresIn(node: unknown): ProtoFailure[] {
  if (!node || typeof node !== 'object' || node instanceof Uint8Array) return [];
  const record = node as Record<string, unknown>;
  const here = 'encodedAttributes' in record || 'stackTrace' in record ? [record as ProtoFailure] : [];
  return [...here, ...Object.values(record).flatMap(failuresIn)];
}

test('a carrier refusal leaves its message and stack trace encrypted in the history; staff decode them', async () => {
  const phone = '+12125550189';
  const orderId = await submitAndApprove(stack, { ...spec, phoneNumbers: [phone] });
  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'submitted_to_carrier');
  // A valid date the workflow lets through, asked before the carrier answered the submission: the
  // carrier refuses (HTTP 422, no FOC date yet), the activity fails for good, and the workflow
  // refuses the update with the carrier's message.
  const portDate = addBusinessDays(localDate(Date.now(), 'America/New_York'), 10, 'US');
  const refusal = 'no FOC date yet';
  const refused = await api(stack.apiUrl, KEYS.supportKey).post(`/v1/port-in-orders/${orderId}/port-date`, {
    portDate,
  });
  // The API's client decodes the failure: the caller reads the carrier's reason.
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ code: 'carrier_refused', title: expect.stringContaining(refusal) });

  const handle = stack.client.workflow.getHandle(workflowIdFor(orderId));
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const activityFailure = events.find((e) => e.activityTaskFailedEventAttributes)
    ?.activityTaskFailedEventAttributes?.failure;
  const updateFailure = events.find(
    (e) => e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure,
  )?.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure;
  // Thrown by the activity (the worker's converter) and by the workflow (the sandbox's converter).
  expect(activityFailure?.applicationFailureInfo?.type).toBe('CarrierRequestRefused');
  expect(updateFailure?.applicationFailureInfo?.type).toBe('carrier_refused');
  const failures = failuresIn(history);
  expect(failures.length).toBeGreaterThanOrEqual(2);
  for (const failure of failures) {
    expect(failure).toMatchObject({ message: 'Encoded failure', stackTrace: '' });
    expect(text(failure.encodedAttributes?.metadata?.encoding)).toBe('binary/encrypted');
  }
  const stored = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('latin1');
  for (const clear of [refusal, 'carrier refused', 'activities/carrier']) expect(stored).not.toContain(clear);

  // Staff decode the encoded attributes through the API: message and stack trace are back.
  const sealed = [activityFailure!.encodedAttributes!, updateFailure!.encodedAttributes!];
  const decoded = await api(stack.apiUrl, KEYS.opsKey)
    .post('/codec/decode', {
      payloads: sealed.map((payload) => ({
        metadata: Object.fromEntries(
          Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
        data: Buffer.from(payload.data ?? []).toString('base64'),
      })),
    })
    .set('X-Namespace', 'default');
  expect(decoded.status).toBe(200);
  const [thrownByActivity, thrownByWorkflow] = decoded.body.payloads.map(
    (p: { data: string }) =>
      JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as { message: string; stack_trace: string },
  );
  expect(thrownByActivity.message).toContain(refusal);
  expect(thrownByActivity.stack_trace).toContain('activities/carrier');
  expect(thrownByWorkflow.message).toBe(`the carrier refused the new port date: ${thrownByActivity.message}`);
  expect(thrownByWorkflow.stack_trace).not.toBe('');

  // The Temporal CLI decodes failures through the same endpoint.
  expect(await shownData(handle.workflowId)).not.toContain(refusal);
  expect(await shownData(handle.workflowId, ...codecFlags())).toContain(refusal);
}, 180_000);
