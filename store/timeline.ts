/**
 * The order's timeline (OrderEvent, one document per transition, `_id` `orderId:seq`). Written by
 * the workflow's persistSnapshot activity and by the API's read-your-writes catch-up
 * (store/order-catch-up.ts), each time before the order's `snapshotSeq`, which then says "timeline
 * written up to here".
 */
import type { Store } from './connection';

export interface TimelineEntry {
  seq: number;
  /** Epoch ms or an RFC 3339 instant. */
  at: number | string;
  type: string;
  phoneNumbers: string[];
  detail?: string;
}

/**
 * Writes the entries newer than `writtenUpTo`: each an insert-once upsert keyed by `_id` (a retry,
 * or a racing writer, writes the same entry again without changing it). One unordered bulk write.
 */
export async function writeTimelineEntries(
  store: Store,
  orderId: string,
  entries: readonly TimelineEntry[],
  writtenUpTo: number,
): Promise<void> {
  const writes = entries
    .filter((t) => t.seq > writtenUpTo)
    .map((t) => ({
      updateOne: {
        filter: { _id: `${orderId}:${t.seq}` },
        update: {
          $setOnInsert: {
            orderId,
            seq: t.seq,
            at: new Date(t.at),
            type: t.type,
            phoneNumbers: t.phoneNumbers,
            detail: t.detail,
          },
        },
        upsert: true,
      },
    }));
  if (writes.length) await store.models.OrderEvent.bulkWrite(writes, { ordered: false });
}
