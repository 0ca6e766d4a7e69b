/**
 * Draft edits one at a time. FerretDB v1 applies every update as read, change in Go, write the whole
 * document back by `_id` (docs/store.md): a guard such as `{_id, status: 'draft'}` is checked on the
 * read, so two concurrent writers both pass it, and the second write puts back what the first one
 * changed. A PATCH could land after a submit (the submitted order back to a draft), two uploads
 * could both answer 201 with one of them lost, two submits could both answer 202.
 *
 * So every change of a draft (edit, configuration, document, signed LOA, delete, submit) first claims
 * the draft's next revision by inserting `<orderId>:<rev>` into `draft_revisions`: the unique `_id`
 * lets exactly one of the writers that read revision `rev - 1` go on; the others read the draft
 * again and start over (`changeDraft`), or, for a submit, are refused. The order stores the revision
 * it is at (`draftRev`), written with the change. A writer that fails before writing takes its claim
 * back (a delete of its own claim), so the revision is free again; a claim whose writer died (a
 * crash between the insert and the write) is passed over once it is older than `STALE_CLAIM_MS`.
 */
import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey, type Store } from './connection';
import type { StoredOrder } from './draft';

export type DraftChange = 'edit' | 'configuration' | 'document' | 'signature' | 'delete' | 'submit';

/** A claim older than this whose revision the order never reached belongs to a writer that died. */
export const STALE_CLAIM_MS = 60_000;

const claimSchema = new Schema({
  _id: { type: String, required: true }, // `<orderId>:<rev>`
  orderId: { type: String, required: true },
  change: { type: String, required: true },
  at: { type: Date, required: true },
});

const model = (conn: Connection) =>
  conn.models.DraftRevision ?? conn.model('DraftRevision', claimSchema, 'draft_revisions');

/** The revision a stored order is at (drafts written before revisions existed are at 0). */
export const draftRevisionOf = (order: Pick<StoredOrder, 'draftRev'>): number => order.draftRev ?? 0;

/** The filter that matches the order only while it is still at revision `rev` (0 also matches none). */
export const atRevision = (rev: number) => (rev === 0 ? { draftRev: { $in: [0, null] } } : { draftRev: rev });

export interface RevisionClaim {
  orderId: string;
  /** The revision the claimer read; its write is guarded on it. */
  from: number;
  /** The revision claimed: the order's `draftRev` once written. */
  rev: number;
}

export type ClaimOutcome = { claimed: RevisionClaim } | { lostTo: DraftChange };

const claimId = (orderId: string, rev: number) => `${orderId}:${rev}`;

/**
 * Claims the revision after `from` for `change`. Lost when another writer holds it (its change is
 * named); a dead writer's claim is passed over, as long as the order is still at `from`.
 */
export async function claimDraftRevision(
  store: Store,
  orderId: string,
  from: number,
  change: DraftChange,
  now = Date.now(),
): Promise<ClaimOutcome> {
  const Claim = model(store.connection);
  let rev = from + 1;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    try {
      await Claim.create({ _id: claimId(orderId, rev), orderId, change, at: new Date(now) });
      return { claimed: { orderId, from, rev } };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const holder = (await Claim.findById(claimId(orderId, rev)).lean()) as {
      change: DraftChange;
      at: Date;
    } | null;
    // Taken back between our insert and this read: the revision is free again, try it once more.
    if (!holder) continue;
    if (now - new Date(holder.at).getTime() < STALE_CLAIM_MS) return { lostTo: holder.change };
    const order = await store.models.Order.findById(orderId, { draftRev: 1 }).lean();
    // Not dead: it wrote, and what we read is older than the stored draft.
    if (!order || draftRevisionOf(order as Pick<StoredOrder, 'draftRev'>) !== from)
      return { lostTo: holder.change };
    rev += 1;
  }
  return { lostTo: 'edit' };
}

/** Takes a claim back whose change was not written: the revision is free for the next writer. */
export async function releaseDraftRevision(store: Store, claim: RevisionClaim): Promise<void> {
  await model(store.connection).deleteOne({ _id: claimId(claim.orderId, claim.rev) });
}
