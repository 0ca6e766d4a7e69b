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
    orderId: { type: String, required: true, unique: true },
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
          focDate: String,
          reasonCode: String,
          portDueAt: Number,
          updatedAt: Number,
        },
        sub,
      ),
    ],
    // Denormalised so open requests can be found with a plain index after a restart.
    open: { type: Boolean, index: true },
    createdAt: Number,
    updatedAt: Number,
  },
  { collection: 'port_requests', versionKey: false },
);

const idempotencySchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    fingerprint: String,
    status: Number,
    body: Schema.Types.Mixed,
    createdAt: Number,
  },
  { collection: 'idempotency_keys', versionKey: false },
);

const capabilityFailureSchema = new Schema(
  { key: { type: String, required: true, unique: true }, remaining: Number },
  { collection: 'capability_failures', versionKey: false },
);

const outboxSchema = new Schema(
  {
    id: { type: String, required: true, unique: true },
    orderId: { type: String, index: true },
    type: String,
    body: String,
    seq: Number,
    status: { type: String, index: true },
    attempts: Number,
    nextAttemptAt: Number,
    lastError: String,
    createdAt: Number,
    deliveredAt: Number,
  },
  { collection: 'outbox_events', versionKey: false },
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
  await Promise.all([Csr, PortRequest, Idempotency, CapabilityFailure, Outbox].map((m) => m.init()));

  const failureKey = (phoneNumber: string, capability: string) => `${phoneNumber}:${capability}`;

  return {
    connection,
    async close() {
      await connection.close();
    },
    countRecords() {
      return Csr.countDocuments().exec();
    },
    async insertRecords(records) {
      await Csr.insertMany(records.map((r) => ({ ...r })));
    },
    async listRecords() {
      const docs = await Csr.find().sort({ id: 1 }).lean().exec();
      return docs.map((d) => plain<CustomerServiceRecord>(d));
    },
    async getPortRequest(orderId) {
      const doc = await PortRequest.findOne({ orderId }).lean().exec();
      return doc ? withoutOpenFlag(plain<PortRequestRecord & { open?: boolean }>(doc)) : undefined;
    },
    async savePortRequest(request) {
      const open = request.numbers.some((n) => n.state === 'pending' || n.state === 'accepted');
      await PortRequest.replaceOne(
        { orderId: request.orderId },
        { ...request, open },
        { upsert: true },
      ).exec();
    },
    async listOpenPortRequests() {
      const docs = await PortRequest.find({ open: true }).lean().exec();
      return docs.map((d) => withoutOpenFlag(plain<PortRequestRecord & { open?: boolean }>(d)));
    },
    async getIdempotentResponse(key) {
      const doc = await Idempotency.findOne({ key }).lean().exec();
      return doc ? plain<IdempotentResponse>(doc) : undefined;
    },
    async saveIdempotentResponse(response) {
      // First writer wins: a replay must return the original response.
      await Idempotency.updateOne({ key: response.key }, { $setOnInsert: response }, { upsert: true }).exec();
    },
    async setCapabilityFailures(phoneNumber, capability, times) {
      const key = failureKey(phoneNumber, capability);
      await CapabilityFailure.updateOne(
        { key },
        { $set: { key, remaining: times } },
        { upsert: true },
      ).exec();
    },
    async takeCapabilityFailure(phoneNumber, capability) {
      const doc = await CapabilityFailure.findOneAndUpdate(
        { key: failureKey(phoneNumber, capability), remaining: { $gt: 0 } },
        { $inc: { remaining: -1 } },
      )
        .lean()
        .exec();
      return doc !== null;
    },
    async addOutboxEvents(events) {
      if (events.length > 0) await Outbox.insertMany(events.map((e) => ({ ...e })));
    },
    async updateOutboxEvent(id, patch) {
      await Outbox.updateOne({ id }, { $set: patch }).exec();
    },
    async listPendingOutboxEvents(orderId) {
      const filter = orderId === undefined ? { status: 'pending' } : { status: 'pending', orderId };
      const docs = await Outbox.find(filter).sort({ seq: 1 }).lean().exec();
      return docs.map((d) => plain<OutboxEvent>(d));
    },
    async maxOutboxSeq() {
      const doc = await Outbox.findOne().sort({ seq: -1 }).select({ seq: 1 }).lean().exec();
      return typeof doc?.seq === 'number' ? doc.seq : 0;
    },
  };
}

function withoutOpenFlag(doc: PortRequestRecord & { open?: boolean }): PortRequestRecord {
  const { open: _open, ...request } = doc;
  return request;
}
