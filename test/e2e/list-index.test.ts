/**
 * List slots on the real FerretDB (store/list-index.ts): claims racing for one list each get their
 * own slot with no gap, the top is found past a stale head, every read is an `_id` index search, and
 * a page skips slots whose item does not name them back.
 */
import { MongoClient } from 'mongodb';
import { connectStore, type Store } from '../../store/connection';
import { claimSlot, readListPage, topSlot } from '../../store/list-index';
import { useFerretDb } from '../support/ferretdb';

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
