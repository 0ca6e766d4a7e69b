/**
 * E-signature requests of LOAs (issue #14 item 3), keyed by their random id (read by _id only).
 * A request is used once: the signing claims it by inserting its use, keyed by the request id, so
 * of two submissions of one link (a double click, a replay) exactly one signs. (A compare-and-set
 * on `usedAt` is not enough on FerretDB v1, where a guarded update is a read, a change in Go and a
 * write back: two at once both match. See docs/store.md.) `usedAt` on the request mirrors the use.
 */
import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey, type Store } from './connection';

const requestSchema = new Schema(
  {
    _id: { type: String, required: true },
    orderId: { type: String, required: true },
    email: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: Date,
    documentId: String,
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export interface LoaSignatureRequest {
  _id: string;
  orderId: string;
  email: string;
  expiresAt: Date;
  usedAt?: Date;
  documentId?: string;
}

const model = (conn: Connection) =>
  conn.models.LoaSignatureRequest ??
  conn.model('LoaSignatureRequest', requestSchema, 'loa_signature_requests');

/** The use of a request: `_id` is the request's, so only one can ever be inserted. */
const useSchema = new Schema({
  _id: { type: String, required: true },
  documentId: { type: String, required: true },
  usedAt: { type: Date, required: true },
});

const useModel = (conn: Connection) =>
  conn.models.LoaSignatureUse ?? conn.model('LoaSignatureUse', useSchema, 'loa_signature_uses');

export async function createSignatureRequest(store: Store, request: LoaSignatureRequest): Promise<void> {
  await model(store.connection).create(request);
}

export async function findSignatureRequest(store: Store, id: string): Promise<LoaSignatureRequest | null> {
  return (await model(store.connection).findById(id).lean()) as LoaSignatureRequest | null;
}

/** Marks the request used; false when it already was (the link is single-use). */
export async function claimSignatureRequest(store: Store, id: string, documentId: string): Promise<boolean> {
  const usedAt = new Date();
  try {
    await useModel(store.connection).create({ _id: id, documentId, usedAt });
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
  await model(store.connection).updateOne({ _id: id }, { $set: { usedAt, documentId } });
  return true;
}

/** Gives a claimed request back (its signature could not be stored after all). */
export async function releaseSignatureRequest(store: Store, id: string, documentId: string): Promise<void> {
  await model(store.connection).updateOne({ _id: id, documentId }, { $unset: { usedAt: 1, documentId: 1 } });
  // Last: while the use exists nobody else can claim, so the request's mirror is put back first.
  await useModel(store.connection).deleteOne({ _id: id, documentId });
}
