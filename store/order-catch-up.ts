/**
 * Read-your-writes for the actions that answer through a workflow update (review, cancel, port-date
 * change, resubmission). The read model is written by the workflow's persistSnapshot activity, a
 * moment after the update has answered; without this, a GET right after "approved" could still say
 * `in_review`. So the API, once the update answered, asks the workflow for its snapshot (a query: its
 * state then includes the update) and writes it here before it answers.
 *
 * It can never move the stored order backwards. The version is the snapshot's last timeline seq, the
 * same `snapshotSeq` the activity writes (activities/inventory.ts, persistSnapshot): the order is written
 * only when what is stored is older, with a compare-and-set on the stored seq (one `updateOne` by
 * `_id`), read again on a mismatch. The activity's own writes keep their guards: a full snapshot
 * never overwrites a newer seq, and a delta finding a newer seq stored skips its write (every later
 * delta carries what changed after it, on top of what is stored). Like the activity, the timeline
 * entries go first, then the order, so `snapshotSeq` keeps meaning "timeline written up to here".
 */
import type { OrderSnapshot } from '../workflows/messages';
import type { Store } from './connection';
import { endedNumbers, releaseNumbers } from './number-holds';
import { writeTimelineEntries } from './timeline';

/** Compare-and-set rounds before leaving the write to the activity (each lost round means someone wrote). */
const MAX_ROUNDS = 5;

const focDatesOf = (numbers: OrderSnapshot['numbers']) => [
  ...new Set(numbers.map((n) => n.focDate).filter((d): d is string => Boolean(d))),
];

/** The version of a snapshot: the seq of its last timeline entry (what `snapshotSeq` stores). */
export const snapshotVersion = (snapshot: Pick<OrderSnapshot, 'transitions'>): number =>
  snapshot.transitions.at(-1)?.seq ?? 0;

/**
 * Writes `snapshot` into the stored order when it is newer than what is stored; otherwise changes
 * nothing. Returns whether it wrote. Every query goes by `_id` (docs/store.md).
 */
export async function catchUpOrder(store: Store, snapshot: OrderSnapshot): Promise<boolean> {
  const { Order } = store.models;
  const orderId = snapshot.orderId;
  const seq = snapshotVersion(snapshot);
  let wrote = false;
  let current = await Order.findById(orderId, { snapshotSeq: 1 }).lean();
  for (let round = 0; current && (current.snapshotSeq ?? -1) < seq && round < MAX_ROUNDS; round += 1) {
    const writtenUpTo = current.snapshotSeq ?? -1;
    await writeTimelineEntries(store, orderId, snapshot.transitions, writtenUpTo);
    const { matchedCount } = await Order.updateOne(
      { _id: orderId, snapshotSeq: current.snapshotSeq ?? { $exists: false } },
      {
        $set: {
          status: snapshot.status,
          numbers: snapshot.numbers,
          focDates: focDatesOf(snapshot.numbers),
          needsAttention: snapshot.needsAttention,
          waitingFor: snapshot.waitingFor,
          fees: snapshot.fees,
          totalFeesCents: snapshot.totalFeesCents,
          review: snapshot.review,
          snapshotSeq: seq,
        },
      },
    );
    if (matchedCount) {
      wrote = true;
      break;
    }
    current = await Order.findById(orderId, { snapshotSeq: 1 }).lean();
  }
  // As the activity does: numbers that ended free their holds (only this order's; idempotent).
  if (wrote) await releaseNumbers(store, orderId, endedNumbers(snapshot.numbers));
  return wrote;
}
