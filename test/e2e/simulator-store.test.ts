/**
 * The carrier simulator's store on the real FerretDB: every call a port request makes goes by `_id`
 * (FerretDB serves nothing else from an index; docs/store.md), and documents stored by an earlier
 * version (keyed by a generated ObjectId) are keyed again at start, with nothing lost.
 */
import { MongoClient, ObjectId } from 'mongodb';
import { createMongoSimulatorStore, type MongoSimulatorStore } from '../../carrier-simulator/mongo-store';
import { useFerretDb } from '../support/ferretdb';
import { outboxEvent, portRequest, simulatorStoreContract } from '../support/simulator-store-contract';

// Real servers on a shared CI machine: a step may take seconds under load (never a speed check).
jest.setTimeout(60_000);

const ferretdb = useFerretDb();
const opened: MongoSimulatorStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
});

simulatorStoreContract('mongoose on FerretDB', () => open('sim_contract'));

const open = async (dbName: string) => {
  const store = await createMongoSimulatorStore({ uri: ferretdb.uri, dbName });
  opened.push(store);
  return store;
};

test('a port request, its idempotent answers and its events are read and written by _id only', async () => {
  const store = await open('sim_by_id');
  const queries: { collection: string; method: string; filter: unknown }[] = [];
  store.connection.set('debug', (collection: string, method: string, filter: unknown) =>
    queries.push({ collection, method, filter }),
  );
  try {
    await store.savePortRequest(portRequest('pio_a', 'pending'));
    expect(await store.getPortRequest('pio_a')).toMatchObject({ orderId: 'pio_a' });
    await store.saveIdempotentResponse({ key: 'k1', fingerprint: 'f', status: 200, body: {}, createdAt: 1 });
    await store.saveIdempotentResponse({
      key: 'k1',
      fingerprint: 'other',
      status: 500,
      body: {},
      createdAt: 2,
    });
    expect(await store.getIdempotentResponse('k1')).toMatchObject({ fingerprint: 'f', status: 200 });
    await store.setCapabilityFailures('+12175550101', 'sms', 1);
    expect(await store.takeCapabilityFailure('+12175550101', 'sms')).toBe(true);
    expect(await store.takeCapabilityFailure('+12175550101', 'sms')).toBe(false);
    await store.addOutboxEvents([
      outboxEvent('e2', 'pio_a', 2),
      outboxEvent('e1', 'pio_a', 1),
      outboxEvent('e3', 'pio_b', 3),
    ]);
    expect((await store.listPendingOutboxEvents('pio_a')).map((e) => e.id)).toEqual(['e1', 'e2']);
    await store.updateOutboxEvent('e1', { status: 'delivered', attempts: 1, deliveredAt: 5 });
    await store.updateOutboxEvent('e2', { attempts: 1, nextAttemptAt: 9 });
    expect((await store.listPendingOutboxEvents('pio_a')).map((e) => [e.id, e.attempts])).toEqual([
      ['e2', 1],
    ]);
  } finally {
    store.connection.set('debug', false);
  }
  const notById = queries.filter(
    (q) => !/^insert/.test(q.method) && typeof (q.filter as { _id?: unknown } | undefined)?._id !== 'string',
  );
  expect(notById).toEqual([]);
  // Across orders (at start only), pending events still come oldest first.
  expect((await store.listPendingOutboxEvents()).map((e) => e.id)).toEqual(['e2', 'e3']);
});

test('documents stored under generated ids by an earlier version are keyed again at start', async () => {
  const client = await MongoClient.connect(ferretdb.uri);
  try {
    const db = client.db('sim_upgrade');
    await db
      .collection('port_requests')
      .insertOne({ _id: new ObjectId(), ...portRequest('pio_old', 'pending'), open: true });
    await db.collection('idempotency_keys').insertOne({
      _id: new ObjectId(),
      key: 'k-old',
      fingerprint: 'f',
      status: 201,
      body: { a: 1 },
      createdAt: 1,
    });
    await db
      .collection('capability_failures')
      .insertOne({ _id: new ObjectId(), key: '+12175550101:voice', remaining: 1 });
    await db.collection('outbox_events').insertMany([
      { _id: new ObjectId(), ...outboxEvent('old-1', 'pio_old', 1) },
      { _id: new ObjectId(), ...outboxEvent('old-2', 'pio_old', 2), status: 'delivered' },
    ]);
  } finally {
    await client.close();
  }
  const store = await open('sim_upgrade');
  expect(await store.getPortRequest('pio_old')).toMatchObject({ orderId: 'pio_old' });
  expect((await store.listOpenPortRequests()).map((r) => r.orderId)).toEqual(['pio_old']);
  expect(await store.getIdempotentResponse('k-old')).toMatchObject({ status: 201, body: { a: 1 } });
  expect(await store.takeCapabilityFailure('+12175550101', 'voice')).toBe(true);
  expect((await store.listPendingOutboxEvents('pio_old')).map((e) => e.id)).toEqual(['old-1']);
  // A second start finds nothing left to key.
  const again = await open('sim_upgrade');
  expect(await again.getPortRequest('pio_old')).toMatchObject({ orderId: 'pio_old' });
  expect(await again.connection.db!.collection('port_requests').countDocuments()).toBe(1);
});
