/**
 * Updates on the store as the project builds it (FerretDB with scripts/servers/ferretdb-atomic-updates.patch)
 * are atomic, as on MongoDB: upstream FerretDB v1 runs each update as query, change, write back with
 * nothing held in between, so every case below loses writes there (measured before the patch: forty
 * `$inc` at once gave duplicate values and duplicate-key errors, twenty guarded updates let up to
 * fourteen through, concurrent `$push` kept 1–4 of 20 elements). The service does not rely on this
 * alone: its "at most one" rules are insert claims (docs/store.md), which hold on any MongoDB.
 */
import { MongoClient, type Collection, type UpdateFilter } from 'mongodb';
import { useFerretDb } from '../support/ferretdb';

// Real servers on a shared CI machine: a step may take seconds under load (never a speed check).
jest.setTimeout(60_000);

const ferretdb = useFerretDb();
let client: MongoClient;
interface Doc {
  _id: string;
  n?: number;
  status?: string;
  by?: number;
  items?: number[];
}

let docs: Collection<Doc>;

beforeAll(async () => {
  // A pool as large as the writers, so the updates really arrive at the same instant.
  client = await MongoClient.connect(`${ferretdb.uri}atomic`, { maxPoolSize: 40 });
  docs = client.db('atomic').collection<Doc>('docs');
});
afterAll(async () => {
  await client?.close();
});

const WRITERS = 40;
const all = <T>(make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: WRITERS }, (_, i) => make(i)));

test('forty $inc at once, the first an upsert: each gets its own value, none is lost', async () => {
  const values = await all(() =>
    docs
      .findOneAndUpdate(
        { _id: 'counter' },
        { $inc: { n: 1 } },
        { upsert: true, returnDocument: 'after', includeResultMetadata: false },
      )
      .then((d) => d?.n),
  );
  expect([...values].sort((a, b) => Number(a) - Number(b))).toEqual(
    Array.from({ length: WRITERS }, (_, i) => i + 1),
  );
  expect((await docs.findOne({ _id: 'counter' }))?.n).toBe(WRITERS);
});

test('a guarded update ({_id, status: draft} → submitted) lets exactly one writer through', async () => {
  await docs.insertOne({ _id: 'order', status: 'draft' });
  const results = await all((i) =>
    docs.updateOne({ _id: 'order', status: 'draft' }, { $set: { status: 'submitted', by: i } }),
  );
  expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
});

test('updates of different fields of one document at once keep every field', async () => {
  await docs.insertOne({ _id: 'fields' });
  await all((i) => docs.updateOne({ _id: 'fields' }, { $set: { [`f${i}`]: i } } as UpdateFilter<Doc>));
  const stored = (await docs.findOne({ _id: 'fields' })) as Record<string, unknown> | null;
  for (let i = 0; i < WRITERS; i += 1) expect(stored?.[`f${i}`]).toBe(i);
});

test('forty $push at once keep forty elements', async () => {
  await docs.insertOne({ _id: 'list', items: [] });
  await all((i) => docs.updateOne({ _id: 'list' }, { $push: { items: i } }));
  expect(((await docs.findOne({ _id: 'list' }))?.items as number[]).length).toBe(WRITERS);
});
