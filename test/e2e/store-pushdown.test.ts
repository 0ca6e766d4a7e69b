/**
 * What the store (FerretDB on SQLite, as the project builds it) serves from an index, read from its
 * own `explain` (the SQLite query plan). docs/store.md builds the service's store access on these
 * facts: a lookup by `_id` is an index search — alone or beside other conditions — and anything else
 * scans. Without the project's FerretDB patch, the `_id` lookups here are scans too.
 */
import { MongoClient, type Collection, type Document } from 'mongodb';
import { useFerretDb } from '../support/ferretdb';

// Real servers on a shared CI machine: a step may take seconds under load (never a speed check).
jest.setTimeout(60_000);

interface Order {
  _id: string;
  accountId: string;
  status: string;
  phoneNumbers: string[];
}

const ferretdb = useFerretDb();
let client: MongoClient;
let orders: Collection<Order>;

beforeAll(async () => {
  client = await MongoClient.connect(`${ferretdb.uri}pushdown`);
  orders = client.db('pushdown').collection<Order>('orders');
  await orders.insertMany(
    Array.from({ length: 500 }, (_, i) => ({
      _id: `pio_${i}`,
      accountId: `acct_${i % 5}`,
      status: i % 2 ? 'draft' : 'in_review',
      phoneNumbers: [`+1718555${String(i).padStart(4, '0')}`],
    })),
  );
});
afterAll(async () => {
  await client?.close();
});

/** The SQLite plan FerretDB reports for a find. */
async function planOf(filter: Document): Promise<string> {
  const explained = (await orders.find(filter).explain()) as { queryPlanner: { Plan: string[] } };
  return explained.queryPlanner.Plan.join('\n');
}

describe('FerretDB as built by the project', () => {
  it('finds by _id through the _id index', async () => {
    expect(await planOf({ _id: 'pio_7' })).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
  });

  it('narrows by _id through the index when the filter has other conditions too', async () => {
    expect(await planOf({ _id: 'pio_7', status: 'draft' })).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
  });

  it('still applies the other conditions (the index only narrows)', async () => {
    expect(await orders.findOne({ _id: 'pio_7', status: 'draft' })).toMatchObject({ _id: 'pio_7' });
    expect(await orders.findOne({ _id: 'pio_7', status: 'in_review' })).toBeNull();
    const guarded = await orders.updateOne({ _id: 'pio_8', status: 'draft' }, { $set: { status: 'x' } });
    expect(guarded.matchedCount).toBe(0);
    const matched = await orders.updateOne(
      { _id: 'pio_9', status: 'draft' },
      { $set: { status: 'in_review' } },
    );
    expect(matched.modifiedCount).toBe(1);
    expect(await orders.countDocuments({ _id: 'pio_9', status: 'in_review' })).toBe(1);
    const removed = await orders.deleteOne({ _id: 'pio_11' });
    expect(removed.deletedCount).toBe(1);
    expect(await orders.findOne({ _id: 'pio_11' })).toBeNull();
  });

  it('refuses a second document with the same _id (the atomic claim the service relies on)', async () => {
    await expect(
      orders.insertOne({ _id: 'pio_7', accountId: 'acct_9', status: 'draft', phoneNumbers: [] }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it('scans for anything else: $in on _id, other fields', async () => {
    expect(await planOf({ _id: { $in: ['pio_1', 'pio_2'] } })).toMatch(/detail=SCAN /);
    expect(await planOf({ accountId: 'acct_1' })).toMatch(/detail=SCAN /);
    expect(await planOf({ phoneNumbers: '+17185550001' })).toMatch(/detail=SCAN /);
  });
});
