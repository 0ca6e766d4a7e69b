/**
 * The service on a real Temporal cluster (`npm run test:cluster`): PostgreSQL persistence and
 * visibility, the frontend, history, matching and worker services as separate processes, two
 * workers, two API replicas behind the proxy — the processes `npm run start:cluster` runs. One
 * cluster for the file (starting one takes a minute or two); the tests that break things come last.
 *
 * Each test drives orders through the API and the carrier simulator, then checks that nothing was
 * lost and no side effect happened twice: one carrier submission, one activation, one completion,
 * one active-number record per order, and no email idempotency key twice in the inbox.
 */
import { addBusinessDays, localDate } from '../../domain/calendar';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { statusQuery, workflowIdFor } from '../../workflows/messages';
import { eventually, orderBody } from '../support/api-client';
import {
  firstNumber,
  plainUsOrder,
  simulatorControl,
  submitAndApprove,
  waitForOrder,
} from '../support/scenarios';
import { expectEachSideEffectOnce } from '../support/side-effects';
import { KEYS } from '../support/stack';
import { asStack, useCluster } from './support/cluster';

const cluster = useCluster();
const stack = () => asStack(cluster);

let numbers = 0;
/** A number of the simulator's generic carrier (accepted as asked), one per order. */
const nextPhone = () => `+121255502${String(numbers++).padStart(2, '0')}`;
const requestedDate = () => addBusinessDays(localDate(Date.now(), 'America/New_York'), 10, 'US');

interface Placed {
  orderId: string;
  phoneNumber: string;
  email: string;
}

/** Draft → documents → submit → approve → the carrier accepts (the simulator answers on its own). */
async function placeAccepted(label: string): Promise<Placed> {
  const phoneNumber = nextPhone();
  const email = `${label}-${phoneNumber.slice(-2)}@example.test`;
  const orderId = await submitAndApprove(
    stack(),
    plainUsOrder(phoneNumber, email, { requestedPortDate: requestedDate() }),
  );
  await waitForOrder(stack(), orderId, (o) => firstNumber(o).status === 'accepted', 120_000);
  return { orderId, phoneNumber, email };
}

/** The losing carrier releases the number: port, activation, capability tests, completion. */
const releaseNumber = (o: Placed) => simulatorControl(stack(), `/port-requests/${o.orderId}/complete`);

async function completed(o: Placed, timeoutMs = 180_000) {
  await waitForOrder(stack(), o.orderId, (v) => v.status === 'completed', timeoutMs);
  const result = await cluster.client.workflow.getHandle(workflowIdFor(o.orderId)).result();
  expect(result.status).toBe('completed');
}

const tally = (values: string[]) =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

/** Every side effect of each completed order happened exactly once (test/support/side-effects.ts). */
const onceEach = async (orders: Placed[]) => expectEachSideEffectOnce(stack(), orders, await cluster.inbox());

/** Who ran the order's workflow tasks and activities (the history's `identity` fields: pid@host). */
async function identitiesOf(orderId: string): Promise<string[]> {
  const history = await cluster.client.workflow.getHandle(workflowIdFor(orderId)).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const who =
      e.workflowTaskCompletedEventAttributes?.identity ?? e.activityTaskStartedEventAttributes?.identity;
    return who ? [who] : [];
  });
}

test('an order runs to completed, and visibility finds it by its custom search attributes', async () => {
  const order = await placeAccepted('cluster-basic');
  // Advanced visibility on PostgreSQL: the attributes registered through the operator API are
  // upserted by the workflow and queryable, alone and combined with the built-in ones.
  const workflowId = workflowIdFor(order.orderId);
  const listed = async (query: string) => {
    const ids: string[] = [];
    for await (const w of cluster.client.workflow.list({ query })) ids.push(w.workflowId);
    return ids;
  };
  const finds = async (query: string) =>
    expect({
      query,
      found: (
        await eventually(
          () => listed(query),
          (ids) => ids.includes(workflowId),
          30_000,
        )
      ).includes(workflowId),
    }).toEqual({ query, found: true });
  // While it waits for its FOC date (ten business days ahead).
  await finds(
    `PortInStatus = "in_progress" AND FocDate > "${new Date().toISOString()}" AND ExecutionStatus = "Running"`,
  );
  await finds(`AccountId = "${DEMO_ACCOUNT_ID}" AND LosingCarrier IS NOT NULL AND NeedsAttention = false`);

  await releaseNumber(order);
  await completed(order);
  await onceEach([order]);
  await finds(
    `AccountId = "${DEMO_ACCOUNT_ID}" AND PortInStatus = "completed" AND ExecutionStatus = "Completed"`,
  );
  expect(await listed(`AccountId = "acct_nobody" AND WorkflowId = "${workflowId}"`)).toEqual([]);
  expect(await listed(`PortInStatus = "in_progress" AND WorkflowId = "${workflowId}"`)).toEqual([]);
}, 400_000);

test('two workers, one killed mid-order: every order completes, no side effect twice', async () => {
  const orders = await Promise.all([1, 2, 3, 4].map(() => placeAccepted('cluster-worker-kill')));
  // Both workers are polling; release every number and kill one worker while the orders' activations,
  // confirmations and capability tests are in flight.
  await Promise.all(orders.map(releaseNumber));
  const killed = await cluster.kill('worker-1', 'SIGKILL');
  expect(killed.after).not.toBe(killed.before);
  for (const o of orders) await completed(o, 300_000);
  await onceEach(orders);
  // The work was shared: the surviving worker ran part of it, and nothing but the two workers ran any.
  const who = [...new Set((await Promise.all(orders.map((o) => identitiesOf(o.orderId)))).flat())];
  const pids = [killed.before, killed.after, cluster.pids()['worker-2']].map((pid) => `${pid}@`);
  expect(who.some((w) => w.startsWith(pids[2]))).toBe(true);
  expect(who.filter((w) => !pids.some((p) => w.startsWith(p)))).toEqual([]);
}, 900_000);

test('an API replica killed under load: only requests it was serving fail (502), nothing acknowledged is lost', async () => {
  // Plain fetch, not the spec-checking client: the proxy's 502 is the load balancer's, not the API's.
  const call = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const res = await fetch(`${cluster.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEYS.customerKey}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, never> };
  };
  const statuses: number[] = [];
  const created: string[] = [];
  const CONCURRENCY = 8;
  const REQUESTS = 160;
  let sent = 0;
  let killing: Promise<unknown> | undefined;
  const one = async (i: number) => {
    if (i % 2 === 0) {
      const res = await call('POST', '/v1/port-in-orders', orderBody({ phoneNumbers: [nextPhone()] }));
      statuses.push(res.status);
      if (res.status === 201) created.push((res.body.orders as { id: string }[])[0].id);
    } else {
      statuses.push((await call('GET', '/v1/port-in-orders?limit=5')).status);
    }
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS) {
        const i = sent++;
        if (i === REQUESTS / 4) killing = cluster.kill('api-1', 'SIGKILL');
        await one(i);
      }
    }),
  );
  await killing;
  const byStatus = tally(statuses.map(String));
  // Every request was answered; the only server errors are the proxy's 502 for requests cut off on
  // the replica that died (at most one per connection in flight), never a 500 or 503.
  expect(statuses).toHaveLength(REQUESTS);
  expect({
    byStatus,
    other5xx: Object.keys(byStatus).filter((s) => Number(s) >= 500 && s !== '502'),
  }).toEqual({
    byStatus,
    other5xx: [],
  });
  expect(byStatus['502'] ?? 0).toBeLessThanOrEqual(CONCURRENCY);
  expect((byStatus['201'] ?? 0) + (byStatus['200'] ?? 0)).toBeGreaterThanOrEqual(REQUESTS - CONCURRENCY);
  // Nothing acknowledged is lost: every draft answered 201 is there, through either replica.
  for (const id of created) expect((await call('GET', `/v1/port-in-orders/${id}`)).status).toBe(200);
  // And both replicas serve again (round robin: six calls reach each).
  const after = await Promise.all(Array.from({ length: 6 }, () => call('GET', '/healthz')));
  expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
}, 600_000);

test('a rolling restart of the Temporal services mid-order: the orders complete, no side effect twice', async () => {
  const [early, late] = await Promise.all([
    placeAccepted('cluster-rolling'),
    placeAccepted('cluster-rolling'),
  ]);
  await releaseNumber(early); // in flight while the services go down one by one
  for (const service of ['history', 'matching', 'frontend', 'worker'] as const) {
    const { before, after } = await cluster.kill(`temporal-${service}`, 'SIGTERM');
    expect(after).not.toBe(before);
  }
  await releaseNumber(late);
  await completed(early, 300_000);
  await completed(late, 300_000);
  await onceEach([early, late]);
}, 900_000);

test('continue-as-new on the cluster: the next run carries the order and completes it', async () => {
  // The server suggests continue-as-new after this many events (the dev server test uses the same).
  await cluster.setDynamicConfig({ 'limit.historyCount.suggestContinueAsNew': 130 });
  const order = await placeAccepted('cluster-can');
  const workflowId = workflowIdFor(order.orderId);
  const handle = cluster.client.workflow.getHandle(workflowId);
  const firstRunId = (await handle.describe()).runId;
  const focDate = firstNumber(await waitForOrder(stack(), order.orderId, () => true)).focDate!;
  const dates = [addBusinessDays(focDate, 1, 'US'), addBusinessDays(focDate, 2, 'US')];
  let moves = 0;
  let current = focDate;
  while ((await handle.describe()).runId === firstRunId) {
    expect(moves).toBeLessThan(40);
    current = dates[moves % 2];
    await simulatorControl(stack(), `/port-requests/${order.orderId}/move-foc`, { focDate: current });
    const target = current;
    await waitForOrder(stack(), order.orderId, (o) => firstNumber(o).focDate === target, 60_000);
    moves += 1;
  }
  const firstRun = cluster.client.workflow.getHandle(workflowId, firstRunId);
  expect((await firstRun.describe()).status.name).toBe('CONTINUED_AS_NEW');
  const before = await firstRun.query(statusQuery);
  const after = await eventually(
    () => handle.query(statusQuery),
    (s) => s.numbers[0]?.focDate === current,
    60_000,
  );
  expect(after.transitions.slice(0, before.transitions.length)).toEqual(before.transitions);
  // Visibility holds both runs of the one workflow id.
  const runs = await eventually(
    async () => {
      const found: string[] = [];
      for await (const w of cluster.client.workflow.list({ query: `WorkflowId = "${workflowId}"` }))
        found.push(w.runId);
      return found;
    },
    (found) => found.length >= 2,
    30_000,
  );
  expect(runs).toContain(firstRunId);
  await releaseNumber(order);
  await completed(order);
  await onceEach([order]);
  await cluster.setDynamicConfig({});
}, 600_000);
