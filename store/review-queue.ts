/**
 * The review queue: submitted orders waiting for staff review, oldest first (issue #13, the
 * console's support side), read by `_id` only (docs/store.md, "The review queue").
 *
 * A submit claims the next numbered slot of the list `review` in `list_entries` (the same insert-
 * claimed, gapless slots as the order lists, store/list-index.ts), with the submission instant as
 * the slot's time. Slots are therefore in submission order, and the queue is read upwards from the
 * oldest slot that may still be waiting. Once an order's review is decided it never waits again
 * (a resubmission after a rejection goes straight to the carrier), so `review|tail` remembers a
 * slot below which every order is decided: readers start there and raise it past the decided
 * prefix they walk over. A reader thus reads the waiting orders plus the decided ones submitted
 * after the oldest still waiting, not the whole history.
 *
 * A slot counts only while its order's `submittedAt` is the slot's time: a submit that was undone
 * (the workflow could not start) and submitted again has a newer slot, and the old one is skipped.
 */
import { isAwaitingReview, reviewDeadline, type ReviewState } from '../domain/lifecycle';
import { isDuplicateKey, type Store } from './connection';
import { claimSlot, topSlot } from './list-index';
import type { StoredOrder } from './draft';

export const REVIEW_LIST = 'review';
const slotKey = (n: number) => `${REVIEW_LIST}|${n}`;
const TAIL_KEY = `${REVIEW_LIST}|tail`;

interface Entry {
  _id: string;
  ref?: string;
  at?: Date;
  n?: number;
}

const entries = (store: Store) => store.models.ListEntry.collection;

/** Puts a just-submitted order at the end of the queue (one insert; more only when racing other submits). */
export async function enqueueForReview(store: Store, orderId: string, submittedAt: Date): Promise<number> {
  return claimSlot(store, REVIEW_LIST, orderId, submittedAt);
}

/** Still waiting for a staff decision: submitted by this slot's submit, in review, undecided. */
export function waitsForReview(order: StoredOrder | null, slotAt: Date | undefined): order is StoredOrder {
  if (!order || !slotAt || !order.submittedAt) return false;
  if (new Date(order.submittedAt).getTime() !== slotAt.getTime()) return false;
  // No review yet: submitted, and the workflow's first snapshot (review: pending) has not landed.
  return order.status === 'in_review' && (!order.review || isAwaitingReview(order.review as ReviewState));
}

/**
 * When the staff review of an order waiting for it is due: the deadline fixed at submit (the
 * workflow's own, `reviewDueAt`); for an order submitted before it was stored, the submission plus
 * the policy's review promise. Undefined once the review is decided.
 */
export function reviewDueAt(order: StoredOrder, reviewSlaMs: number): Date | undefined {
  if (!order.submittedAt || !waitsForReview(order, new Date(order.submittedAt))) return undefined;
  return order.reviewDueAt
    ? new Date(order.reviewDueAt)
    : new Date(reviewDeadline(new Date(order.submittedAt).getTime(), reviewSlaMs));
}

async function readTail(store: Store): Promise<number> {
  const tail = (await entries(store).findOne({ _id: TAIL_KEY } as never)) as Entry | null;
  return Math.max(1, tail?.n ?? 1);
}

/** Raises the hint; a lower value written by a racing reader is still true (a hint only), just less useful. */
async function raiseTail(store: Store, n: number): Promise<void> {
  await entries(store)
    .updateOne({ _id: TAIL_KEY } as never, { $max: { n } }, { upsert: true })
    .catch((err) => (isDuplicateKey(err) ? undefined : Promise.reject(err)));
}

export interface ReviewQueuePage {
  items: { order: StoredOrder; slot: number }[];
  /** The slot the next page starts from, or null when nothing is left. */
  next: number | null;
}

const MIN_BATCH = 25;

/**
 * One page of the queue, oldest first: slots from `from` (a cursor) or the tail upwards, each slot
 * and its order by `_id`, in parallel batches. At most `budget` slots per page: a long stretch of
 * decided orders answers a shorter page (possibly empty) with a `next` to go on.
 */
export async function readReviewQueue(
  store: Store,
  req: { from?: number; limit: number; budget: number },
): Promise<ReviewQueuePage> {
  const { Order } = store.models;
  const start = req.from ?? (await readTail(store));
  const top = await topSlot(store, REVIEW_LIST);
  const found: { order: StoredOrder; slot: number }[] = [];
  let n = start;
  let decidedUpTo = req.from === undefined ? start : 0; // every slot below it is decided
  let scanned = 0;
  while (n <= top && found.length <= req.limit && scanned < req.budget) {
    const count = Math.min(
      top - n + 1,
      req.budget - scanned,
      Math.max(req.limit + 1 - found.length, MIN_BATCH),
    );
    const numbers = Array.from({ length: count }, (_, i) => n + i);
    const slots = (await Promise.all(
      numbers.map((s) => entries(store).findOne({ _id: slotKey(s) } as never)),
    )) as (Entry | null)[];
    const orders = await Promise.all(
      slots.map(async (s) => (s?.ref ? ((await Order.findById(s.ref).lean()) as StoredOrder | null) : null)),
    );
    for (const [i, order] of orders.entries()) {
      const slot = numbers[i];
      n = slot + 1;
      scanned += 1;
      if (waitsForReview(order, slots[i]?.at ?? undefined)) {
        // A second slot of the same submission (the start migration racing a submit) is listed once.
        if (found.some((f) => f.order._id === order._id)) continue;
        found.push({ order, slot });
        if (found.length > req.limit) break;
      } else if (decidedUpTo === slot && slots[i]) decidedUpTo = slot + 1;
    }
  }
  if (decidedUpTo > start) await raiseTail(store, decidedUpTo);
  if (found.length > req.limit) return { items: found.slice(0, req.limit), next: found[req.limit].slot };
  return { items: found, next: n <= top ? n : null };
}

/**
 * Orders waiting for review when the queue was introduced get their slots, oldest submission
 * first. A scan: run once per store at the API's start (store/start-migrations.ts).
 */
export async function backfillReviewQueue(store: Store): Promise<number> {
  const { Order } = store.models;
  const waiting = (
    (await Order.find(
      { status: 'in_review' },
      { status: 1, review: 1, submittedAt: 1 },
    ).lean()) as unknown as StoredOrder[]
  ).filter((o) => o.submittedAt && waitsForReview(o, new Date(o.submittedAt)));
  waiting.sort((a, b) => new Date(a.submittedAt!).getTime() - new Date(b.submittedAt!).getTime());
  for (const order of waiting) await enqueueForReview(store, order._id, new Date(order.submittedAt!));
  return waiting.length;
}
