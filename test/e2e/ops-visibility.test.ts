/**
 * What ops see of a running order on the real dev server (README "Finding an order in the Temporal
 * UI"): the typed search attributes follow the order (status, account, FOC date, losing carrier,
 * NeedsAttention), visibility queries find it by them, the start's static summary and details are
 * set, the current details say in words where it stands, and no carrier PIN or account number shows
 * anywhere: not in search attributes, memo, summaries, details, nor any payload of its history.
 */
import type { WorkflowExecutionDescription } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { createDataConverter } from '../../temporal/data-converter';
import { activationInstant, addBusinessDays, localDate } from '../../domain/calendar';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { workflowIdFor } from '../../workflows/messages';
import {
  AccountId,
  FocDate,
  LosingCarrier,
  NeedsAttention,
  PortInStatus,
} from '../../workflows/search-attributes';
import { eventually } from '../support/api-client';
import {
  approve,
  createAndSubmit,
  firstNumber,
  answerWhenSubmitted,
  simulatorControl,
  waitForOrder,
  plainUsOrder,
} from '../support/scenarios';
import { startStack, type Stack } from '../support/stack';

// Distinctive on purpose: a hit can only be a leak, never a timestamp or an id that happens to match.
const PIN = '90817';
const ACCOUNT_NUMBER = 'ACCT-7319-QX';
const ZONE = 'America/New_York';

let stack: Stack;
beforeAll(async () => {
  // A 2 s review SLA: the order is escalated (NeedsAttention) while the test watches.
  stack = await startStack({ autoAnswer: false, policy: { reviewSlaMs: 2_000 } });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

const attributes = (d: WorkflowExecutionDescription) => ({
  status: d.typedSearchAttributes.get(PortInStatus),
  account: d.typedSearchAttributes.get(AccountId),
  carrier: d.typedSearchAttributes.get(LosingCarrier),
  attention: d.typedSearchAttributes.get(NeedsAttention),
  foc: d.typedSearchAttributes.get(FocDate),
});

/** Workflow ids a visibility query finds (the dev server indexes asynchronously: poll with it). */
async function listed(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const execution of stack.client.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}
const found = (query: string, workflowId: string) =>
  eventually(
    () => listed(query),
    (ids) => ids.includes(workflowId),
    20_000,
  );

/** Every string and every byte array (as UTF-8) inside a value. */
function textOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (Array.isArray(value)) for (const v of value) textOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) textOf(v, out);
  return out;
}

const isPayload = (v: unknown): v is Payload =>
  !!v && typeof v === 'object' && 'metadata' in v && 'data' in v && (v as Payload).data instanceof Uint8Array;

/**
 * The text of a whole history as a worker would read it: payloads are encrypted at rest (so a leak
 * would not show in the raw bytes), hence decrypted with the services' codec first.
 */
async function decodedTextOf(value: unknown): Promise<string[]> {
  const [codec] = createDataConverter().payloadCodecs ?? [];
  const out: string[] = [];
  const walk = async (v: unknown): Promise<void> => {
    if (isPayload(v)) textOf(await codec.decode([v]), out);
    else if (Array.isArray(v)) for (const x of v) await walk(x);
    else if (v && typeof v === 'object' && !(v instanceof Uint8Array))
      for (const x of Object.values(v)) await walk(x);
    else textOf(v, out);
  };
  await walk(value);
  return out;
}
const expectNoSecrets = (what: string, texts: string[]) => {
  const joined = texts.join('\n');
  expect({ what, pin: joined.includes(PIN), accountNumber: joined.includes(ACCOUNT_NUMBER) }).toEqual({
    what,
    pin: false,
    accountNumber: false,
  });
};

async function currentDetails(workflowId: string): Promise<string> {
  const metadata = (await stack.client.workflow
    .getHandle(workflowId)
    .query('__temporal_workflow_metadata')) as { currentDetails?: string };
  return metadata.currentDetails ?? '';
}

test('a running order in describe and visibility: attributes that follow it, summary, readable details, no carrier secret', async () => {
  const phone = '+12125550172';
  const spec = plainUsOrder(phone, 'ops-visibility@example.test', {
    accountNumber: ACCOUNT_NUMBER,
    pin: PIN,
    requestedPortDate: addBusinessDays(localDate(Date.now(), ZONE), 10, 'US'),
  });
  const orderId = await createAndSubmit(stack, spec);
  const workflowId = workflowIdFor(orderId);
  const handle = stack.client.workflow.getHandle(workflowId);

  // In review, and past its (shortened) review SLA: escalated, flagged for ops.
  const escalated = await eventually(
    () => handle.describe(),
    (d) => attributes(d).attention === true,
    30_000,
  );
  expect(attributes(escalated)).toEqual({
    status: 'in_review',
    account: DEMO_ACCOUNT_ID,
    carrier: 'Simulated Telco',
    attention: true,
    foc: undefined,
  });
  expect(await escalated.staticSummary()).toBe(`Port-in ${orderId}: 1 number(s) from Simulated Telco`);
  expect(await escalated.staticDetails()).toContain(`Account ${DEMO_ACCOUNT_ID}`);
  const inReview = await currentDetails(workflowId);
  expect(inReview).toContain(`Port-in ${orderId}`);
  expect(inReview).toMatch(/\*\*in_review\*\* \(1 in_review\) — waiting for staff review decision/);
  await found(`NeedsAttention = true AND AccountId = "${DEMO_ACCOUNT_ID}"`, workflowId);
  await found(`PortInStatus = "in_review" AND LosingCarrier = "Simulated Telco"`, workflowId);

  // Approved, submitted, accepted by the carrier with an FOC date: in progress, FOC set, flag cleared.
  await approve(stack, orderId);
  await answerWhenSubmitted(stack, orderId);
  const accepted = await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'accepted');
  const focDate = firstNumber(accepted).focDate!;
  const activationAt = new Date(activationInstant(focDate, ZONE));
  const inProgress = await eventually(
    () => handle.describe(),
    (d) => attributes(d).foc !== undefined,
    20_000,
  );
  expect(attributes(inProgress)).toEqual({
    status: 'in_progress',
    account: DEMO_ACCOUNT_ID,
    carrier: 'Simulated Telco',
    attention: false,
    foc: activationAt,
  });
  const waiting = await currentDetails(workflowId);
  expect(waiting).toContain('**in_progress** (1 accepted)');
  expect(waiting).toContain(
    `waiting for activation of ${phone} at FOC midnight until ${activationAt.toISOString()}`,
  );
  // Datetime attributes are queried by range, as ops do ("ports due before …").
  const minute = (offset: number) =>
    new Date(activationAt.getTime() + offset * 60_000).toISOString().replace('.000Z', 'Z');
  await found(
    `PortInStatus = "in_progress" AND FocDate > "${minute(-1)}" AND FocDate < "${minute(1)}"`,
    workflowId,
  );
  expect(await listed(`WorkflowId = "${workflowId}" AND PortInStatus = "in_review"`)).toEqual([]);

  expectNoSecrets('running order', [
    ...textOf(inProgress.searchAttributes),
    ...textOf(inProgress.memo ?? {}),
    (await inProgress.staticSummary()) ?? '',
    (await inProgress.staticDetails()) ?? '',
    waiting,
  ]);

  // The carrier ports it, tests pass: completed, no FOC left to wait for.
  await simulatorControl(stack, `/port-requests/${orderId}/complete`);
  expect((await handle.result()).status).toBe('completed');
  const done = await handle.describe();
  expect(done.status.name).toBe('COMPLETED');
  expect(attributes(done)).toMatchObject({ status: 'completed', attention: false, foc: undefined });
  await found(`PortInStatus = "completed" AND AccountId = "${DEMO_ACCOUNT_ID}"`, workflowId);

  // The whole history: every input, result, signal, update, timer summary and failure payload.
  const texts = await decodedTextOf(await handle.fetchHistory());
  expect(texts.join('\n')).toContain(phone); // the walk does reach into the payloads
  expectNoSecrets('history', texts);
}, 120_000);
