/**
 * One resubmission of an order at a time. A resubmission writes its corrections into the order
 * before the workflow takes it (the submission reads them from the store), and puts them back if
 * the workflow refuses; two at once would both write, one be accepted, and the refused one's
 * put-back could undo the accepted one's corrections (or the submission read the refused one's).
 * So the writer first claims the order's resubmission round by inserting `<orderId>:<round>` (only
 * an insert is atomic on FerretDB v1, docs/store.md): of concurrent resubmissions exactly one goes
 * on. The round is what the caller read from the workflow before asking: the number of submissions
 * its numbers have had, which an accepted resubmission moves on (its update answers once the new
 * submission is issued), so the next rejection's resubmission claims a new round. A refused
 * resubmission takes its claim back; a claim whose writer died (a crash between the insert and the
 * take-back) is passed over once older than `STALE_CLAIM_MS`, by claiming the round's next slot.
 */
import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey, type Store } from './connection';

/** A claim older than this, for a round the order is still in, belongs to a writer that died. */
export const STALE_CLAIM_MS = 60_000;

const claimSchema = new Schema({
  _id: { type: String, required: true }, // `<orderId>:<round>` or `<orderId>:<round>#<slot>`
  orderId: { type: String, required: true },
  at: { type: Date, required: true },
});

const model = (conn: Connection) =>
  conn.models.ResubmissionClaim ?? conn.model('ResubmissionClaim', claimSchema, 'resubmission_claims');

/** The round of an order: how many submissions its numbers have had (each one moves it on). */
export const resubmissionRound = (numbers: readonly { attempt?: number }[]): number =>
  numbers.reduce((sum, n) => sum + (Number.isFinite(n.attempt) ? n.attempt! : 0), 0);

export interface ResubmissionClaim {
  id: string;
}

/** Claims `round` of the order; undefined when another resubmission holds it. */
export async function claimResubmission(
  store: Store,
  orderId: string,
  round: number,
  now = Date.now(),
): Promise<ResubmissionClaim | undefined> {
  const Claim = model(store.connection);
  let slot = 1;
  for (let attempt = 0; attempt < 8 && slot <= 6; attempt += 1) {
    const id = `${orderId}:${round}${slot === 1 ? '' : `#${slot}`}`;
    try {
      await Claim.create({ _id: id, orderId, at: new Date(now) });
      return { id };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const holder = (await Claim.findById(id, { at: 1 }).lean()) as { at: Date } | null;
    // Taken back between our insert and this read: free again, try the same slot once more.
    if (!holder) continue;
    if (now - new Date(holder.at).getTime() < STALE_CLAIM_MS) return undefined;
    slot += 1; // its writer died: the round's next slot
  }
  return undefined;
}

/** Takes back the claim of a resubmission that was refused: the round is free for the next one. */
export async function releaseResubmission(store: Store, claim: ResubmissionClaim): Promise<void> {
  await model(store.connection).deleteOne({ _id: claim.id });
}
