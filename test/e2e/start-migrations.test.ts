/**
 * The API's start migrations (store/start-migrations.ts) on the real store: the first start lists
 * the orders stored before list slots existed and holds their numbers, then marks each backfill
 * done; a later start reads the markers by `_id` and scans nothing. Two replicas starting at once
 * run a backfill once; a start that died or failed mid-run is taken over.
 */
import { connectStore } from '../../store/connection';
import { backfillListSlots } from '../../store/listed-items';
import { dropUnusedIndexes } from '../../store/unused-indexes';
import {
  MIGRATIONS_COLLECTION,
  runStartMigration,
  runStartMigrations,
  type StartMigration,
} from '../../store/start-migrations';
import { api } from '../support/api-client';
import { createDraft } from '../support/order-fixtures';
import { KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);

type Doc = Record<string, unknown> & { _id: string };
let template: Doc;
let accountId: string;
let seq = 0;

beforeAll(async () => {
  // A real draft as the stored shape, without what the API now writes beside it.
  const id = await createDraft(customer(), '+16465550180');
  const { listSlots: _slots, ...draft } = (await stack.store.models.Order.findById(id).lean()) as Doc;
  await stack.store.models.Order.deleteOne({ _id: id });
  template = draft;
  accountId = draft.accountId as string;
}, 60_000);

/** Orders as an older version stored them: no list slots (and a submitted one, no number hold). */
async function storedBeforeSlots(count: number, fields: Record<string, unknown> = {}): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `pio_premigration_${String(++seq).padStart(3, '0')}`);
  await stack.store.models.Order.collection.insertMany(
    ids.map((_id, i) => ({
      ...template,
      _id,
      createdAt: new Date(Date.now() - 60_000 + i),
      ...fields,
    })) as never[],
  );
  return ids;
}

const listedIds = async (): Promise<string[]> => {
  const page = await customer().get('/v1/port-in-orders?limit=100');
  expect(page.status).toBe(200);
  return page.body.data.map((o: { id: string }) => o.id);
};

const markers = () => stack.store.connection.collection<{ _id: string }>(MIGRATIONS_COLLECTION);

test('the first start lists older orders and holds their numbers; a later start reads only its markers', async () => {
  const older = await storedBeforeSlots(3);
  const [submitted] = await storedBeforeSlots(1, {
    status: 'in_review',
    phoneNumbers: ['+16465550181'],
    numbers: [{ phoneNumber: '+16465550181', status: 'in_review', activated: false, attempt: 0 }],
  });
  expect(await listedIds()).not.toEqual(expect.arrayContaining(older));

  const first = await runStartMigrations(stack.store);
  expect(first.map((o) => [o.id, o.outcome])).toEqual([
    ['number-holds-v1', 'ran'],
    ['list-slots-v1', 'ran'],
    ['review-queue-v1', 'ran'],
    ['unused-indexes-v1', 'ran'],
  ]);
  expect(await listedIds()).toEqual(expect.arrayContaining([...older, submitted]));
  expect(await stack.store.models.NumberHold.findById('+16465550181').lean()).toMatchObject({
    orderId: submitted,
  });

  // Stored after the marker (as by a replica of the older version): a second start leaves it alone.
  const [later] = await storedBeforeSlots(1);
  const queries: { collection: string; method: string; filter: unknown }[] = [];
  const connection = stack.store.connection;
  connection.set('debug', (collection: string, method: string, filter: unknown) =>
    queries.push({ collection, method, filter }),
  );
  let second;
  try {
    second = await runStartMigrations(stack.store);
  } finally {
    connection.set('debug', false);
  }
  expect(second.map((o) => o.outcome)).toEqual(['done-before', 'done-before', 'done-before', 'done-before']);
  expect(queries).toEqual([
    { collection: MIGRATIONS_COLLECTION, method: 'findOne', filter: { _id: 'number-holds-v1' } },
    { collection: MIGRATIONS_COLLECTION, method: 'findOne', filter: { _id: 'list-slots-v1' } },
    { collection: MIGRATIONS_COLLECTION, method: 'findOne', filter: { _id: 'review-queue-v1' } },
    { collection: MIGRATIONS_COLLECTION, method: 'findOne', filter: { _id: 'unused-indexes-v1' } },
  ]);
  expect((await stack.store.models.Order.findById(later).lean())?.listSlots).toBeUndefined();
  // The orders listed by the first start still are, and new drafts list as always.
  const fresh = await createDraft(customer(), '+16465550182');
  expect(await listedIds()).toEqual(expect.arrayContaining([fresh, ...older, submitted]));
}, 120_000);

test('two replicas starting at once: one runs the backfill, each order gets one slot per list', async () => {
  // Forget the list backfill so that both replicas find it to do.
  await markers().deleteOne({ _id: 'list-slots-v1' });
  await markers().deleteOne({ _id: 'list-slots-v1@1' });
  const older = await storedBeforeSlots(6);
  const replica = await connectStore(stack.mongodbUri);
  try {
    const listSlots = { id: 'list-slots-v1', run: backfillListSlots };
    const outcomes = await Promise.all([
      runStartMigration(stack.store, listSlots, { by: 'replica-a' }),
      runStartMigration(replica, listSlots, { by: 'replica-b' }),
    ]);
    expect(outcomes.filter((o) => o.outcome === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome !== 'ran')[0].outcome).toMatch(/running-elsewhere|done-before/);
  } finally {
    await replica.close();
  }
  // Every slot of the account's list names a distinct order: nothing was listed twice.
  const entries = stack.store.models.ListEntry.collection;
  const head = (await entries.findOne({ _id: `orders:acct:${accountId}|head` } as never)) as {
    n: number;
  } | null;
  const refs: string[] = [];
  for (let n = 1; ; n++) {
    const slot = (await entries.findOne({ _id: `orders:acct:${accountId}|${n}` } as never)) as {
      ref: string;
    } | null;
    if (!slot) break;
    refs.push(slot.ref);
  }
  expect(refs.length).toBeGreaterThanOrEqual(head?.n ?? 0);
  expect(new Set(refs).size).toBe(refs.length);
  expect(refs).toEqual(expect.arrayContaining(older));
  expect(await listedIds()).toEqual(expect.arrayContaining(older));
}, 120_000);

test('a run whose replica died is taken over after its lease; a failed run is tried again at the next start', async () => {
  const ran: string[] = [];
  const counting = (id: string): StartMigration => ({ id, run: async () => (ran.push(id), 1) });
  // A claim nobody refreshed for longer than the lease: its replica is gone.
  await markers().insertOne({ _id: 'abandoned@1', at: new Date(Date.now() - 120_000), by: 'gone' } as never);
  expect(await runStartMigration(stack.store, counting('abandoned'), { leaseMs: 60_000 })).toMatchObject({
    outcome: 'ran',
  });
  expect(await markers().findOne({ _id: 'abandoned@2' })).toBeTruthy();
  // A claim refreshed just now is somebody's run in progress: left to it.
  await markers().insertOne({ _id: 'busy@1', at: new Date(), by: 'replica-c' } as never);
  expect(await runStartMigration(stack.store, counting('busy'))).toEqual({
    id: 'busy',
    outcome: 'running-elsewhere',
    by: 'replica-c',
  });
  // A run that throws fails the start, and the next start runs it again.
  const failing: StartMigration = {
    id: 'flaky',
    run: async () => {
      throw new Error('store went away');
    },
  };
  await expect(runStartMigration(stack.store, failing)).rejects.toThrow('store went away');
  expect(await runStartMigration(stack.store, counting('flaky'))).toMatchObject({ outcome: 'ran' });
  expect(ran).toEqual(['abandoned', 'flaky']);
  expect(await runStartMigration(stack.store, counting('flaky'))).toEqual({
    id: 'flaky',
    outcome: 'done-before',
  });
}, 60_000);

test('indexes an older version declared are dropped once; the ones a model declares stay', async () => {
  const { OrderEvent, Notification, ActiveNumber } = stack.store.models;
  // As a store written by an older version holds them (it declared orderId/accountId indexes).
  await OrderEvent.collection.createIndex({ orderId: 1 });
  await Notification.collection.createIndex({ orderId: 1 });
  await Notification.collection.createIndex({ accountId: 1 });
  const names = async (model: { collection: { indexes(): Promise<{ name?: string }[]> } }) =>
    (await model.collection.indexes()).map((i) => i.name).sort();
  expect(await names(OrderEvent)).toEqual(['_id_', 'orderId_1']);
  expect(await names(ActiveNumber)).toEqual(['_id_', 'accountId_1']); // read by account: declared

  expect(await dropUnusedIndexes(stack.store)).toBeGreaterThanOrEqual(3);
  expect(await names(OrderEvent)).toEqual(['_id_']);
  expect(await names(Notification)).toEqual(['_id_']);
  expect(await names(ActiveNumber)).toEqual(['_id_', 'accountId_1']);
  expect(await dropUnusedIndexes(stack.store)).toBe(0); // idempotent
  // The timeline is still written and read.
  const id = await createDraft(customer(), '+16465550189');
  expect((await customer().get(`/v1/port-in-orders/${id}/events`)).status).toBe(200);
}, 120_000);
