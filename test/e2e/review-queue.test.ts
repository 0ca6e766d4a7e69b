/**
 * GET /v1/review-queue against the real stack (issue #13, the support console's queue): orders
 * waiting for review oldest submission first, gone once decided or canceled, paged by cursor,
 * with the 24 h deadline the workflow reports; read by `_id` only, from the oldest order still
 * waiting (the `review|tail` hint), never by a scan; orders waiting before the queue existed are
 * queued by the start migration.
 */
import { api, eventually, orderBody } from '../support/api-client';
import { submittedOrder } from '../support/order-fixtures';
import { waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';
import { backfillReviewQueue } from '../../store/review-queue';

jest.setTimeout(180_000);
const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

interface QueueItem {
  id: string;
  review: string;
  needsAttention: boolean;
  submittedAt: string;
  reviewDueAt: string;
  phoneNumbers: string[];
}

async function queueIds(query = ''): Promise<string[]> {
  const res = await support().get(`/v1/review-queue${query}`);
  expect(res.status).toBe(200);
  return (res.body.data as QueueItem[]).map((o) => o.id);
}

let n = 0;
const newNumber = () => `+1646555${String(300 + n++).padStart(4, '0')}`;

test('oldest first; an approved, rejected or canceled order leaves the queue; the 24 h deadline is the workflow’s', async () => {
  const [a, b, c, d] = [
    await submittedOrder(customer(), newNumber()),
    await submittedOrder(customer(), newNumber()),
    await submittedOrder(customer(), newNumber()),
    await submittedOrder(customer(), newNumber()),
  ];
  const draft = (await customer().post('/v1/port-in-orders', orderBody({ phoneNumbers: [newNumber()] }))).body
    .orders[0].id;
  expect(await queueIds()).toEqual([a, b, c, d]);

  // The deadline the workflow sets, once its first snapshot is stored.
  const order = await eventually(
    () => support().get(`/v1/port-in-orders/${a}`),
    (r) => r.body.waitingFor.some((w: { what: string }) => w.what === 'staff review decision'),
  );
  const due = order.body.waitingFor.find((w: { what: string }) => w.what === 'staff review decision').until;
  const first = (await support().get('/v1/review-queue')).body.data[0] as QueueItem;
  expect(first).toMatchObject({ id: a, review: 'pending', needsAttention: false, reviewDueAt: due });
  expect(Date.parse(first.reviewDueAt) - Date.parse(first.submittedAt)).toBeGreaterThanOrEqual(
    24 * 3_600_000,
  );

  expect((await support().post(`/v1/port-in-orders/${b}/review`, { decision: 'approve' })).status).toBe(200);
  await waitForWorkflowStart(stack, c); // a rejection before the workflow's first task would be undone
  expect(
    (
      await support().post(`/v1/port-in-orders/${c}/review`, {
        decision: 'reject',
        reasonCode: 'wrong_wireless_pin',
      })
    ).status,
  ).toBe(200);
  expect((await customer().post(`/v1/port-in-orders/${a}/cancel`, {})).status).toBe(200);
  await eventually(
    () => queueIds(),
    (ids) => ids.length === 1,
  );
  expect(await queueIds()).toEqual([d]);
  expect(await queueIds()).not.toContain(draft);
});

test('pages by cursor, oldest first; a cursor that was altered is a 400', async () => {
  const ids = [
    await submittedOrder(customer(), newNumber()),
    await submittedOrder(customer(), newNumber()),
    await submittedOrder(customer(), newNumber()),
  ];
  const all = await queueIds('?limit=100');
  expect(all.slice(-3)).toEqual(ids);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await support().get(`/v1/review-queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.data.map((o: QueueItem) => o.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  expect(seen).toEqual(all);
  const altered = await support().get('/v1/review-queue?cursor=AAAA');
  expect(altered.status).toBe(400);
  expect(altered.body.code).toBe('invalid_cursor');
  expect((await customer().get('/v1/review-queue')).status).toBe(403);
});

test('a read queries by _id only and starts at the oldest order still waiting', async () => {
  // Everything waiting so far is decided: the next read walks over it once and raises the tail.
  for (const id of await queueIds('?limit=100'))
    expect((await support().post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' })).status).toBe(
      200,
    );
  const waiting = await submittedOrder(customer(), newNumber());
  await eventually(
    () => queueIds(),
    (ids) => ids.length === 1,
  );
  expect(await queueIds()).toEqual([waiting]);
  const tail = (
    (await stack.store.models.ListEntry.collection.findOne({ _id: 'review|tail' } as never)) as {
      n?: number;
    } | null
  )?.n;
  expect(tail).toBeGreaterThan(1);

  const queries: { collection: string; filter: unknown }[] = [];
  stack.store.connection.set('debug', (collection: string, _method: string, filter: unknown) =>
    queries.push({ collection, filter }),
  );
  try {
    expect(await queueIds()).toEqual([waiting]);
  } finally {
    stack.store.connection.set('debug', false);
  }
  const growing = queries.filter((q) => ['port_in_orders', 'list_entries'].includes(q.collection));
  expect(growing.length).toBeGreaterThan(0);
  for (const q of growing) expect(typeof (q.filter as { _id?: unknown })?._id).toBe('string');
  // From the tail up: no slot below it is read again.
  const slots = growing
    .map((q) => String((q.filter as { _id: string })._id))
    .filter((id) => /^review\|\d+$/.test(id))
    .map((id) => Number(id.split('|')[1]));
  expect(Math.min(...slots)).toBe(tail);
});

test('orders waiting for review before the queue existed are queued by the start migration', async () => {
  const before = await queueIds('?limit=100');
  const id = 'pio_reviewqueue0backfill1';
  const submittedAt = new Date(Date.now() - 3_600_000);
  await stack.store.models.Order.collection.insertOne({
    _id: id,
    accountId: 'acct_demo_standard',
    status: 'in_review',
    review: 'pending',
    country: 'US',
    timeZone: 'America/New_York',
    draft: { notificationEmail: 'ada@example.test' },
    phoneNumbers: ['+16465550399'],
    numbers: [{ phoneNumber: '+16465550399', status: 'in_review', activated: false, attempt: 0 }],
    submittedAt,
    createdAt: submittedAt,
  } as never);
  expect(await queueIds('?limit=100')).toEqual(before);
  expect(await backfillReviewQueue(stack.store)).toBeGreaterThanOrEqual(1);
  const after = (await support().get('/v1/review-queue?limit=100')).body.data as QueueItem[];
  expect(after.map((o) => o.id)).toContain(id);
  expect(after.find((o) => o.id === id)?.reviewDueAt).toBe(
    new Date(submittedAt.getTime() + 24 * 3_600_000).toISOString(),
  );
});
