/**
 * Mongoose models of the read side and the side-effect ledger. FerretDB v1 compatible: no
 * transactions, change streams or $lookup; idempotency comes from unique _id keys instead.
 */
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const accountSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    plan: { type: String, enum: ['standard', 'trial'], required: true },
    notificationEmail: { type: String, required: true },
    timeZone: { type: String, default: 'America/New_York' },
    webhook: { url: String, secretSealed: String }, // signing secret sealed like carrier secrets
  },
  { timestamps: true },
);

const apiKeySchema = new Schema(
  {
    _id: { type: String, required: true }, // sha256 of the key: keys are never stored in clear
    role: { type: String, enum: ['customer', 'support', 'ops'], required: true },
    accountId: { type: String },
    name: { type: String, required: true },
  },
  // createdAt: when the key was made (key list shows it, so an operator can tell old keys to rotate).
  { timestamps: true },
);

const numberSchema = new Schema(
  {
    phoneNumber: { type: String, required: true },
    status: { type: String, required: true },
    focDate: String,
    activationAt: String,
    activated: Boolean,
    ported: Boolean, // the carrier confirmed the port (the snapshot's)
    attempt: Number,
    rejection: { code: String, resubmitBy: String },
    cancellation: { by: String, feeCents: Number },
    // Held for ops after the carrier refused its submission (the snapshot's; no carrier secret in it).
    submissionRefusal: { code: String, message: String },
  },
  { _id: false },
);

const orderSchema = new Schema(
  {
    _id: { type: String, required: true },
    // No secondary indexes: every read is by _id (lists go through list_entries), and on FerretDB each
    // index is one more JSON expression evaluated over the whole document at every write.
    accountId: { type: String, required: true },
    status: { type: String, required: true },
    customerReference: { type: String },
    country: { type: String, required: true },
    timeZone: String,
    draft: { type: Schema.Types.Mixed, required: true }, // intake details, carrier secrets sealed
    numbers: { type: [numberSchema], default: [] },
    phoneNumbers: { type: [String] },
    focDates: { type: [String] },
    needsAttention: Boolean,
    review: String, // the staff review: pending, escalated, approved or rejected
    waitingFor: Schema.Types.Mixed,
    fees: Schema.Types.Mixed,
    totalFeesCents: { type: Number, default: 0 },
    portingCharges: Schema.Types.Mixed, // the port's one-time charges, decided at submit
    losingCarrierName: String, // the carrier the order was submitted to, decided at submit (the workflow's)
    snapshotSeq: { type: Number, default: -1 },
    draftRev: Number, // each change of a draft claims the next revision first (store/draft-revisions.ts)
    submittedAt: Date,
    reviewDueAt: Date, // the staff review's deadline, fixed at submit (the workflow's own)
    workflowId: String,
    listSlots: Schema.Types.Mixed, // its slot in each order list (store/list-index.ts)
  },
  { timestamps: true },
);

const orderEventSchema = new Schema({
  _id: { type: String, required: true }, // orderId:seq
  orderId: { type: String, required: true }, // read by _id only: no index (see orderSchema)
  seq: Number,
  at: Date,
  type: String,
  phoneNumbers: [String],
  detail: String,
});

const activeNumberSchema = new Schema(
  {
    _id: { type: String, required: true }, // the E.164 number: one owner at a time
    accountId: { type: String, required: true, index: true },
    orderId: String,
    configuration: Schema.Types.Mixed,
    state: { type: String, enum: ['activated', 'active'], required: true },
    activatedAt: Date,
    completedAt: Date,
  },
  { timestamps: true },
);

/**
 * One open order per number: a submitted order claims each of its numbers by inserting its hold
 * (the unique _id makes concurrent claims atomic: one insert wins, the others get a duplicate key).
 */
const numberHoldSchema = new Schema({
  _id: { type: String, required: true }, // the E.164 number
  orderId: { type: String, required: true },
  accountId: { type: String, required: true },
  since: { type: Date, required: true },
});

const chargeSchema = new Schema(
  {
    _id: { type: String, required: true }, // idempotency key + number: charged exactly once
    orderId: { type: String, required: true }, // read by _id only: no index (see orderSchema)
    accountId: String,
    phoneNumber: String,
    reason: String,
    amountCents: Number,
    currency: String,
  },
  { timestamps: true },
);

const notificationSchema = new Schema(
  {
    _id: { type: String, required: true }, // idempotency key + channel
    // Read by _id only (lists go through list_entries): no index (see orderSchema).
    orderId: String,
    accountId: String,
    channel: { type: String, enum: ['email', 'webhook', 'ops'] },
    payload: Schema.Types.Mixed, // webhooks: the event data, so a delivery can be republished as it was
    kind: String,
    to: String,
    status: { type: String, enum: ['sent', 'failed'] },
    attempts: { type: Number, default: 0 },
    lastError: String,
    providerId: String,
    listSlots: Schema.Types.Mixed, // webhook deliveries: its slot in each delivery list (store/list-index.ts)
  },
  { timestamps: true },
);

const carrierEventReceiptSchema = new Schema(
  { _id: { type: String, required: true }, orderId: String, type: String },
  { timestamps: true },
);

const idempotencySchema = new Schema(
  { _id: { type: String, required: true }, requestHash: String, status: Number, body: Schema.Types.Mixed },
  { timestamps: true },
);

/** Numbered slots of the lists and each list's head (store/list-index.ts): read and written by _id only. */
const listEntrySchema = new Schema({
  _id: { type: String, required: true }, // `<list>|<n>` or `<list>|head`
  ref: String,
  at: Date,
  n: Number,
});

export function registerModels(conn: Connection) {
  return {
    Account: conn.model('Account', accountSchema, 'accounts'),
    ApiKey: conn.model('ApiKey', apiKeySchema, 'api_keys'),
    Order: conn.model('Order', orderSchema, 'port_in_orders'),
    OrderEvent: conn.model('OrderEvent', orderEventSchema, 'port_in_order_events'),
    ActiveNumber: conn.model('ActiveNumber', activeNumberSchema, 'active_numbers'),
    NumberHold: conn.model('NumberHold', numberHoldSchema, 'number_holds'),
    Charge: conn.model('Charge', chargeSchema, 'charges'),
    Notification: conn.model('Notification', notificationSchema, 'notifications'),
    CarrierEventReceipt: conn.model(
      'CarrierEventReceipt',
      carrierEventReceiptSchema,
      'carrier_event_receipts',
    ),
    IdempotencyRecord: conn.model('IdempotencyRecord', idempotencySchema, 'idempotency_records'),
    ListEntry: conn.model('ListEntry', listEntrySchema, 'list_entries'),
  };
}
export type Models = ReturnType<typeof registerModels>;
export type OrderDoc = InferSchemaType<typeof orderSchema>;
