/**
 * SimulatorStore on MongoDB (FerretDB v1 in this project) through its own mongoose connection
 * and database, so the simulated carrier never shares state with the API. Only single-document
 * operations are used: no transactions, $lookup or change streams (FerretDB v1 lacks them).
 */
import mongoose, { Schema, type Connection } from 'mongoose';
import type { PortRequestRecord } from './port-requests';
import type { CustomerServiceRecord } from './records';
import type { IdempotentResponse, OutboxEvent, SimulatorStore } from './store';

export const DEFAULT_SIMULATOR_DB_NAME = 'carrier_simulator';

const sub = { _id: false } as const;

const addressSchema = new Schema(
  {
    line1: String,
    line2: String,
    city: String,
    region: String,
    postalCode: String,
    country: String,
  },
  sub,
);

const csrSchema = new Schema(
  {
    id: { type: String, required: true, unique: true },
    scenario: String,
    carrier: String,
    country: String,
    accountHolder: new Schema({ firstName: String, lastName: String, businessName: String }, sub),
    authorizedContacts: [new Schema({ firstName: String, lastName: String }, sub)],
    serviceAddress: addressSchema,
    accountNumber: String,
    pin: String,
    btn: String,
    balanceDueCents: Number,
    reseller: String,
    numbers: [
      new Schema({ phoneNumber: String, lineType: String, state: String, serviceAccountNumber: String }, sub),
    ],
  },
  { collection: 'csrs', versionKey: false },
);

const portRequestSchema = new Schema(
  {
    _id: { type: String, required: true }, // the order id
    orderId: { type: String, required: true },
    country: String,
    submissions: [
      new Schema(
        {
          idempotencyKey: String,
          carrierRequestId: String,
          attempt: Number,
          phoneNumbers: [String],
          submittedAt: Number,
          answerDueAt: Number,
          answeredAt: Number,
        },
        sub,
      ),
    ],
    numbers: [
      new Schema(
        {
          phoneNumber: String,
          state: String,
          carrierRequestId: String,
          decision: String,
          decidedFocDate: String,
          decidedReasonCode: String,
          portsAtOnce: Boolean,
          focDate: String,
          reasonCode: String,
          portDueAt: Number,
          updatedAt: Number,
        },
        sub,
      ),
    ],
    // Denormalised so open requests can be found after a restart (one scan, at start only).
    open: Boolean,
    createdAt: Number,
    updatedAt: Number,
  },
  { collection: 'port_requests', versionKey: false },
);

const idempotencySchema = new Schema(
  {
    _id: { type: String, required: true }, // the key
    key: { type: String, required: true },
    fingerprint: String,
    status: Number,
    body: Schema.Types.Mixed,
    createdAt: Number,
  },
  { collection: 'idempotency_keys', versionKey: false },
);

const capabilityFailureSchema = new Schema(
  { _id: { type: String, required: true }, key: { type: String, required: true }, remaining: Number },
  { collection: 'capability_failures', versionKey: false },
);

const outboxSchema = new Schema(
  {
    _id: { type: String, required: true }, // the event id
    id: { type: String, required: true },
    orderId: String,
    type: String,
    body: String,
    seq: Number,
    status: String,
    attempts: Number,
    nextAttemptAt: Number,
    lastError: String,
    createdAt: Number,
    deliveredAt: Number,
  },
  { collection: 'outbox_events', versionKey: false },
);

/** Per order, the ids of its events still to deliver: the delivery loop's index (keyed by order id). */
const pendingSchema = new Schema(
  { _id: { type: String, required: true }, eventIds: [String] },
  { collection: 'outbox_pending', versionKey: false },
);

/** Drops Mongo's `_id` from a lean document. */
function plain<T>(doc: unknown): T {
  const { _id: _ignored, ...rest } = doc as Record<string, unknown>;
  return rest as T;
}

export interface MongoSimulatorStore extends SimulatorStore {
  connection: Connection;
  close(): Promise<void>;
}

export async function createMongoSimulatorStore(options: {
  uri: string;
  dbName?: string;
}): Promise<MongoSimulatorStore> {
  const connection = await mongoose
    .createConnection(options.uri, { dbName: options.dbName ?? DEFAULT_SIMULATOR_DB_NAME })
    .asPromise();
  const Csr = connection.model('Csr', csrSchema);
  const PortRequest = connection.model('PortRequest', portRequestSchema);
  const Idempotency = connection.model('IdempotencyKey', idempotencySchema);
  const CapabilityFailure = connection.model('CapabilityFailure', capabilityFailureSchema);
  const Outbox = connection.model('OutboxEvent', outboxSchema);
  const Pending = connection.model('OutboxPending', pendingSchema);
  await Promise.all([Csr, PortRequest, Idempotency, CapabilityFailure, Outbox, Pending].map((m) => m.init()));
  await keyStoredDocuments(connection);

  const failureKey = (phoneNumber: string, capability: string) => `${phoneNumber}:${capability}`;
  // The CSRs are the carrier's fixed seed data: read once, not on every look-up and submission.
  let records: CustomerServiceRecord[] | undefined;

  return {
    connection,
    async close() {
      await connection.close();
    },
    countRecords() {
      return Csr.countDocuments().exec();
    },
    async insertRecords(inserted) {
      await Csr.insertMany(inserted.map((r) => ({ ...r })));
      records = undefined;
    },
    async listRecords() {
      if (!records) {
        const docs = await Csr.find().lean().exec();
        records = docs.map((d) => plain<CustomerServiceRecord>(d)).sort((a, b) => a.id.localeCompare(b.id));
      }
      return records.map((r) => structuredClone(r));
    },
    async getPortRequest(orderId) {
      const doc = await PortRequest.findById(orderId).lean().exec();
      return doc ? withoutOpenFlag(plain<PortRequestRecord & { open?: boolean }>(doc)) : undefined;
    },
    async savePortRequest(request) {
      const open = request.numbers.some((n) => n.state === 'pending' || n.state === 'accepted');
      await PortRequest.replaceOne(
        { _id: request.orderId },
        { ...request, _id: request.orderId, open },
        { upsert: true },
      ).exec();
    },
    async listOpenPortRequests() {
      // At start only (timers after a restart): the one scan of this store.
      const docs = await PortRequest.find({ open: true }).lean().exec();
      return docs.map((d) => withoutOpenFlag(plain<PortRequestRecord & { open?: boolean }>(d)));
    },
    async getIdempotentResponse(key) {
      const doc = await Idempotency.findById(key).lean().exec();
      return doc ? plain<IdempotentResponse>(doc) : undefined;
    },
    async saveIdempotentResponse(response) {
      // First writer wins: a replay must return the original response.
      await Idempotency.updateOne(
        { _id: response.key },
        { $setOnInsert: { ...response, _id: response.key } },
        { upsert: true },
      ).exec();
    },
    async setCapabilityFailures(phoneNumber, capability, times) {
      const key = failureKey(phoneNumber, capability);
      await CapabilityFailure.updateOne(
        { _id: key },
        { $set: { key, remaining: times } },
        { upsert: true },
      ).exec();
    },
    async takeCapabilityFailure(phoneNumber, capability) {
      const doc = await CapabilityFailure.findOneAndUpdate(
        { _id: failureKey(phoneNumber, capability), remaining: { $gt: 0 } },
        { $inc: { remaining: -1 } },
      )
        .lean()
        .exec();
      return doc !== null;
    },
    async addOutboxEvents(events) {
      if (events.length === 0) return;
      await Outbox.insertMany(events.map((e) => ({ ...e, _id: e.id })));
      for (const [orderId, ids] of groupBy(events, (e) => e.orderId))
        await Pending.updateOne(
          { _id: orderId },
          { $push: { eventIds: { $each: ids.map((e) => e.id) } } },
          { upsert: true },
        ).exec();
    },
    async updateOutboxEvent(id, patch) {
      const updated = await Outbox.findOneAndUpdate({ _id: id }, { $set: patch }, { new: true })
        .lean()
        .exec();
      // Delivered or given up: no longer in its order's pending list.
      if (updated && updated.status !== 'pending')
        await Pending.updateOne({ _id: updated.orderId }, { $pull: { eventIds: id } }).exec();
    },
    async listPendingOutboxEvents(orderId) {
      // One order: its pending list by _id. All orders (at start only): the orders with a pending list.
      const lists =
        orderId === undefined
          ? await Pending.find().lean().exec()
          : [await Pending.findById(orderId).lean().exec()].filter((l) => l !== null);
      const ids = lists.flatMap((l) => l.eventIds ?? []);
      const docs = await Promise.all(ids.map((id) => Outbox.findById(id).lean().exec()));
      return docs
        .filter((d) => d !== null && d.status === 'pending')
        .map((d) => plain<OutboxEvent>(d))
        .sort((a, b) => a.seq - b.seq);
    },
    async maxOutboxSeq() {
      // Once per process (the outbox then counts on from it).
      const doc = await Outbox.findOne().sort({ seq: -1 }).select({ seq: 1 }).lean().exec();
      return typeof doc?.seq === 'number' ? doc.seq : 0;
    },
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * Documents stored before this store keyed them by `_id` (they carry a generated ObjectId) are
 * stored again under their key, once, at start: every later read is by `_id` (FerretDB serves only
 * that from an index). Pending outbox events of that time get their order's pending list.
 */
async function keyStoredDocuments(connection: Connection): Promise<void> {
  const db = connection.db!;
  const keyed: [collection: string, keyField: string][] = [
    ['port_requests', 'orderId'],
    ['idempotency_keys', 'key'],
    ['capability_failures', 'key'],
    ['outbox_events', 'id'],
  ];
  for (const [collection, keyField] of keyed) {
    const old = await db
      .collection(collection)
      .find({ _id: { $type: 'objectId' } })
      .toArray();
    for (const doc of old) {
      const key = doc[keyField] as string;
      await db
        .collection(collection)
        .updateOne({ _id: key as never }, { $setOnInsert: { ...doc, _id: key } }, { upsert: true });
      await db.collection(collection).deleteOne({ _id: doc._id });
      if (collection === 'outbox_events' && doc.status === 'pending')
        await db
          .collection('outbox_pending')
          .updateOne({ _id: doc.orderId as never }, { $addToSet: { eventIds: key } }, { upsert: true });
    }
  }
}

function withoutOpenFlag(doc: PortRequestRecord & { open?: boolean }): PortRequestRecord {
  const { open: _open, ...request } = doc;
  return request;
}
