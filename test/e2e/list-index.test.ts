/**
 * List slots on the real FerretDB (store/list-index.ts): claims racing for one list each get their
 * own slot with no gap, the top is found past a stale head, every read is an `_id` index search, and
 * a page skips slots whose item does not name them back.
 */
import { MongoClient } from 'mongodb';
import { connectStore, type Store } from '../../store/connection';
import { claimSlot, claimSlotRun, readListPage, topSlot } from '../../store/list-index';
import { useFerretDb } from '../support/ferretdb';

// Only the slot order is checked, never a speed: a loaded CI machine may take seconds per race.
jest.setTimeout(60_000);

const ferretdb = useFerretDb();
let store: Store;

beforeAll(async () => {
  store = await connectStore(`${ferretdb.uri}listindex`);
}, 60_000);
afterAll(async () => {
  await store?.close();
});

test('concurrent claims on one list take slots 1..n, each once, with no gap', async () => {
  const refs = Array.from({ length: 24 }, (_, i) => `item_${i}`);
  const slots = await Promise.all(refs.map((ref) => claimSlot(store, 'race', ref, new Date())));
  expect([...slots].sort((a, b) => a - b)).toEqual(refs.map((_, i) => i + 1));
  expect(await topSlot(store, 'race')).toBe(24);
  const entries = store.models.ListEntry.collection;
  for (const [i, ref] of refs.entries())
    expect(await entries.findOne({ _id: `race|${slots[i]}` } as never)).toMatchObject({ ref });
});

test('a bulk run of claims beside single claims: every item one slot, the run in its order, no gap', async () => {
  const at = new Date();
  await claimSlot(store, 'bulk', 'first', at); // the run starts above an existing slot
  const run = Array.from({ length: 30 }, (_, i) => ({ ref: `run_${i}`, at }));
  const singles = Array.from({ length: 10 }, (_, i) => `single_${i}`);
  const [runSlots, singleSlots] = await Promise.all([
    claimSlotRun(store, 'bulk', run),
    Promise.all(singles.map((ref) => claimSlot(store, 'bulk', ref, at))),
  ]);
  expect([...runSlots, ...singleSlots, 1].sort((a, b) => a - b)).toEqual(
    Array.from({ length: 41 }, (_, i) => i + 1),
  );
  expect(runSlots).toEqual([...runSlots].sort((a, b) => a - b));
  const entries = store.models.ListEntry.collection;
  for (const [i, { ref }] of run.entries())
    expect(await entries.findOne({ _id: `bulk|${runSlots[i]}` } as never)).toMatchObject({ ref });
  expect(await topSlot(store, 'bulk')).toBe(41);
  expect(await claimSlotRun(store, 'bulk', [])).toEqual([]);
});

test('a bulk run that meets a slot taken meanwhile keeps what it claimed and goes on above it', async () => {
  const at = new Date();
  await claimSlot(store, 'bulk-taken', 'first', at);
  // Another writer's slot 4, inserted and not yet in the head (it raises the head after its insert).
  await store.models.ListEntry.collection.insertOne({ _id: 'bulk-taken|4', ref: 'other', at } as never);
  const run = Array.from({ length: 5 }, (_, i) => ({ ref: `run_${i}`, at }));
  expect(await claimSlotRun(store, 'bulk-taken', run)).toEqual([2, 3, 5, 6, 7]);
  expect(await store.models.ListEntry.collection.findOne({ _id: 'bulk-taken|4' } as never)).toMatchObject({
    ref: 'other',
  });
  expect(await topSlot(store, 'bulk-taken')).toBe(7);
});

test('the top is found above a head that lags behind', async () => {
  for (let i = 0; i < 3; i++) await claimSlot(store, 'lagging', `x${i}`, new Date());
  // A head written late by a slow writer (its $max raced another's): readers and writers go past it.
  await store.models.ListEntry.collection.updateOne({ _id: 'lagging|head' } as never, { $set: { n: 1 } });
  expect(await topSlot(store, 'lagging')).toBe(3);
  expect(await claimSlot(store, 'lagging', 'x3', new Date())).toBe(4);
});

test('a page lists items newest first, skips slots their item does not name, and goes on by slot', async () => {
  const items = new Map<string, { id: string; slots: Record<string, number> }>();
  for (let i = 0; i < 7; i++) {
    const id = `o${i}`;
    const n = await claimSlot(store, 'page', id, new Date());
    // o3's record kept another attempt's slot (a lost race): its own slot is an orphan.
    items.set(id, { id, slots: { k: i === 3 ? 99 : n } });
  }
  await claimSlot(store, 'page', 'gone', new Date()); // a slot whose item was never written
  const read = (from?: number) =>
    readListPage(store, {
      list: { kind: 'k', list: 'page' },
      from,
      limit: 3,
      budget: 100,
      fetch: async (id) => items.get(id) ?? null,
      slotsOf: (item) => item.slots,
      matches: () => true,
    });
  const first = await read();
  expect(first.items.map((i) => i.id)).toEqual(['o6', 'o5', 'o4']);
  const second = await read(first.next!);
  expect(second.items.map((i) => i.id)).toEqual(['o2', 'o1', 'o0']);
  expect(second.next).toBeNull();
});

test('slot reads and claims are _id index searches', async () => {
  const client = await MongoClient.connect(`${ferretdb.uri}listindex`);
  try {
    const explained = (await client
      .db('listindex')
      .collection('list_entries')
      .find({ _id: 'race|7' } as never)
      .explain()) as { queryPlanner: { Plan: string[] } };
    expect(explained.queryPlanner.Plan.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
  } finally {
    await client.close();
  }
});
