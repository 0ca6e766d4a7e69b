/**
 * Lists served by `_id` (docs/store.md, "List pages"): FerretDB serves nothing but `_id` equality
 * from an index, so a page of a growing collection cannot be a sorted query. Instead every listed
 * item takes the next numbered slot of each list it belongs to, a narrow document keyed
 * `<list>|<n>` in `list_entries`; a page is read from the newest slot down, one `_id` read per slot
 * plus one `_id` read per item.
 *
 * Only inserts are atomic in FerretDB v1 (an update is read, changed and written back in Go), so a
 * slot is claimed by inserting it: of two writers racing for slot n one wins and the other tries
 * n + 1. Slots are never removed and a writer only claims n after seeing n − 1 taken, so the slots
 * of a list are gapless. `<list>|head` remembers a recent top (a hint only: every slot up to it
 * exists) so that neither writers nor readers walk up from the bottom.
 *
 * The listed item records its slot per list (`listSlots`); an entry whose item does not name it
 * back (a claim whose item was never written, or lost a race to an earlier attempt) is skipped, so
 * a retried write never lists an item twice.
 */
import { isDuplicateKey, type Store } from './connection';

/** Each list an item is in, by kind (the kind is the key of its slot in the item's `listSlots`). */
export type ListSlots = Record<string, number>;

export interface ListName {
  kind: string;
  list: string;
}

export const listNames = {
  ordersOfAccount: (accountId: string): ListName => ({ kind: 'account', list: `orders:acct:${accountId}` }),
  allOrders: { kind: 'all', list: 'orders:all' } as ListName,
  deliveriesOfAccount: (accountId: string): ListName => ({
    kind: 'account',
    list: `deliveries:acct:${accountId}`,
  }),
  deliveriesOfOrder: (orderId: string): ListName => ({ kind: 'order', list: `deliveries:order:${orderId}` }),
  allDeliveries: { kind: 'all', list: 'deliveries:all' } as ListName,
};

const slotKey = (list: string, n: number) => `${list}|${n}`;
const headKey = (list: string) => `${list}|head`;

interface Entry {
  _id: string;
  ref?: string;
  at?: Date;
  n?: number;
}

const entries = (store: Store) => store.models.ListEntry.collection;

async function readHead(store: Store, list: string): Promise<number> {
  const head = (await entries(store).findOne({ _id: headKey(list) } as never)) as Entry | null;
  return head?.n ?? 0;
}

/** Raises the hint; a lost race (another writer's upsert, or a lower value written last) is harmless. */
async function raiseHead(store: Store, list: string, n: number): Promise<void> {
  await entries(store)
    .updateOne({ _id: headKey(list) } as never, { $max: { n } }, { upsert: true })
    .catch((err) => (isDuplicateKey(err) ? undefined : Promise.reject(err)));
}

/** Takes the next free slot of `list` for `ref`: one insert, and one more per writer that won a race. */
export async function claimSlot(store: Store, list: string, ref: string, at: Date): Promise<number> {
  for (let n = (await readHead(store, list)) + 1; ; n += 1) {
    try {
      await entries(store).insertOne({ _id: slotKey(list, n), ref, at } as never);
      await raiseHead(store, list, n);
      return n;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}

/**
 * Takes the next free slots of `list` for many items at once, in their order (an import, a bulk
 * fill): one ordered insertMany instead of an insert per item. Safe beside concurrent writers: when
 * one of the slots was taken meanwhile, the slots are read back from the first one by `_id` to see
 * which are this call's, and the rest are claimed above the taken one. Returns each item's slot.
 */
export async function claimSlotRun(
  store: Store,
  list: string,
  items: readonly { ref: string; at: Date }[],
): Promise<number[]> {
  const slots: number[] = [];
  let n = (await readHead(store, list)) + 1;
  while (slots.length < items.length) {
    const rest = items.slice(slots.length);
    try {
      await entries(store).insertMany(
        rest.map((it, k) => ({ _id: slotKey(list, n + k), ref: it.ref, at: it.at }) as never),
        { ordered: true },
      );
      slots.push(...rest.map((_, k) => n + k));
      n += rest.length;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Which of the run went in before the taken slot (a store may keep some, all or none of it).
      for (const it of rest) {
        const slot = (await entries(store).findOne({ _id: slotKey(list, n) } as never)) as Entry | null;
        if (slot?.ref !== it.ref) {
          if (slot) n += 1; // another writer's: go on above it
          break;
        }
        slots.push(n);
        n += 1;
      }
    }
  }
  if (slots.length) await raiseHead(store, list, slots[slots.length - 1]);
  return slots;
}

/** Claims a slot in each list at once; the result goes into the item's `listSlots`. */
export async function claimSlots(
  store: Store,
  lists: readonly ListName[],
  ref: string,
  at: Date,
): Promise<ListSlots> {
  const slots = await Promise.all(lists.map((l) => claimSlot(store, l.list, ref, at)));
  return Object.fromEntries(lists.map((l, i) => [l.kind, slots[i]]));
}

/** The newest slot of `list`: the hint, then one read per slot claimed since it was written. */
export async function topSlot(store: Store, list: string): Promise<number> {
  let n = await readHead(store, list);
  while (await entries(store).findOne({ _id: slotKey(list, n + 1) } as never, { projection: { _id: 1 } }))
    n += 1;
  return n;
}

export interface ListPageRequest<T> {
  list: ListName;
  /** The slot to start from (a cursor's position); the newest when undefined. */
  from?: number;
  limit: number;
  /** At most this many slots are read for one page (see `ListPage.next`). */
  budget: number;
  /** The listed item by its reference (an `_id` read), or null when it is gone. */
  fetch(ref: string): Promise<T | null>;
  slotsOf(item: T): ListSlots | undefined;
  /** The page's filter on the item itself. */
  matches(item: T): boolean;
  /**
   * Decided on the slot's time alone, before fetching: `skip` an entry that cannot match, or `stop`
   * at one below which nothing can (slots are in the order items were created).
   */
  byTime?(at: Date): 'skip' | 'stop' | undefined;
  /**
   * On a first page, start at the newest slot created at or before this instant (epoch ms), found
   * by bisecting the slots (they are in creation order) rather than by reading down to it.
   */
  startAtOrBefore?: number;
}

export interface ListPage<T> {
  items: T[];
  /**
   * The slot the next page starts from, or null when nothing is left. A page reads at most `budget`
   * slots: a filter that matches few items may answer fewer than `limit` (even none) with a `next`.
   */
  next: number | null;
}

const MIN_BATCH = 25;

/** The highest slot up to `top` whose time is at or before `instant` (0: none), in log2(top) reads. */
async function lastSlotAtOrBefore(store: Store, list: string, top: number, instant: number): Promise<number> {
  let [lo, hi] = [0, top];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const slot = (await entries(store).findOne({ _id: slotKey(list, mid) } as never)) as Entry | null;
    if ((slot?.at?.getTime() ?? 0) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One page of `list`, newest first, reading slots and items by `_id` in parallel batches. */
export async function readListPage<T>(store: Store, req: ListPageRequest<T>): Promise<ListPage<T>> {
  let next = req.from ?? (await topSlot(store, req.list.list));
  if (req.from === undefined && req.startAtOrBefore !== undefined)
    next = await lastSlotAtOrBefore(store, req.list.list, next, req.startAtOrBefore);
  const found: { item: T; slot: number }[] = [];
  let scanned = 0;
  let stopped = false;
  while (next >= 1 && !stopped && found.length <= req.limit && scanned < req.budget) {
    const count = Math.min(next, req.budget - scanned, Math.max(req.limit + 1 - found.length, MIN_BATCH));
    const numbers = Array.from({ length: count }, (_, i) => next - i);
    const slots = (await Promise.all(
      numbers.map((n) => entries(store).findOne({ _id: slotKey(req.list.list, n) } as never)),
    )) as (Entry | null)[];
    const verdicts = slots.map((s) => (s?.at && req.byTime ? req.byTime(s.at) : undefined));
    const stopAt = verdicts.indexOf('stop');
    const wanted = stopAt < 0 ? slots : slots.slice(0, stopAt);
    const items = await Promise.all(
      wanted.map((s, i) => (s?.ref && verdicts[i] !== 'skip' ? req.fetch(s.ref) : null)),
    );
    for (const [i, item] of items.entries()) {
      const n = numbers[i];
      next = n - 1;
      scanned += 1;
      if (item && req.slotsOf(item)?.[req.list.kind] === n && req.matches(item)) {
        found.push({ item, slot: n });
        if (found.length > req.limit) break;
      }
    }
    if (stopAt >= 0) stopped = true;
  }
  if (found.length > req.limit) {
    const page = found.slice(0, req.limit);
    return { items: page.map((f) => f.item), next: page[page.length - 1].slot - 1 };
  }
  return { items: found.map((f) => f.item), next: stopped || next < 1 ? null : next };
}

/**
 * Items written before their lists existed (or seeded as stored, in tests) get their slots: oldest
 * first, so the lists keep creation order. A scan, for the API's start only; items that have their
 * slots are left alone, so it is idempotent.
 */
export async function backfillLists(
  store: Store,
  items: readonly { _id: string; createdAt?: Date | null }[],
  listsOf: (item: { _id: string }) => ListName[],
  record: (id: string, slots: ListSlots) => Promise<unknown>,
): Promise<number> {
  const sorted = [...items].sort(
    (a, b) =>
      (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) ||
      (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  );
  for (const item of sorted) {
    const at = item.createdAt ?? new Date(0);
    const slots: ListSlots = {};
    for (const l of listsOf(item)) slots[l.kind] = await claimSlot(store, l.list, item._id, at);
    await record(item._id, slots);
  }
  return sorted.length;
}
