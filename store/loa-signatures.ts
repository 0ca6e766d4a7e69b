/**
 * E-signature requests of LOAs (issue #14 item 3), keyed by their random id (read by _id only).
 * A request is used once: the signing claims it with a compare-and-set on `usedAt`, so two
 * submissions of one link (a double click, a replay) sign once.
 */
import { Schema, type Connection } from 'mongoose';
import type { Store } from './connection';

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

export async function createSignatureRequest(store: Store, request: LoaSignatureRequest): Promise<void> {
  await model(store.connection).create(request);
}

export async function findSignatureRequest(store: Store, id: string): Promise<LoaSignatureRequest | null> {
  return (await model(store.connection).findById(id).lean()) as LoaSignatureRequest | null;
}

/** Marks the request used; false when it already was (the link is single-use). */
export async function claimSignatureRequest(store: Store, id: string, documentId: string): Promise<boolean> {
  const claimed = await model(store.connection).updateOne(
    { _id: id, usedAt: { $exists: false } },
    { $set: { usedAt: new Date(), documentId } },
  );
  return claimed.modifiedCount === 1;
}

/** Gives a claimed request back (its signature could not be stored after all). */
export async function releaseSignatureRequest(store: Store, id: string, documentId: string): Promise<void> {
  await model(store.connection).updateOne({ _id: id, documentId }, { $unset: { usedAt: 1, documentId: 1 } });
}
