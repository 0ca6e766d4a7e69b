/**
 * Which of some numbers are already held elsewhere on our platform: active on an account (nothing to
 * port) or in another open port-in order (a carrier answers one port request per number at a time).
 * Shared by the portability check and submit, so both refuse the same numbers.
 *
 * An open order's numbers are held by documents of their own, keyed by the number: submit claims
 * them by inserting (the unique _id lets exactly one of several concurrent claims win), and the read
 * model's snapshots release them as they end. Whether a hold still counts is read from its order
 * (domain/number-holds.ts): a rejected number's hold lapses at its resubmission deadline, which no
 * snapshot marks, and a hold whose order is still a draft a while after the claim was left by a
 * submit that died before marking its order submitted: both are taken over like a released one.
 *
 * Every look-up is one `_id` read per number, never `$in` (see docs/store.md: only `_id` equality is
 * served by FerretDB's index). Releasing and taking over a hold also name its owner in the filter,
 * so they can never remove another order's hold; they run once per number ending, never per request.
 */
import { orderHoldsNumber, numberHold, type HeldNumber, type HoldingOrder } from '../domain/number-holds';
import { isDuplicateKey, type Store } from './connection';

export interface NumberHolds {
  /** Number → the account it is active on. */
  active: Map<string, string>;
  /** Number → the id of the other open order (and its account) holding it. */
  inOpenOrder: Map<string, { orderId: string; accountId: string }>;
}

interface Hold {
  _id: string;
  orderId: string;
  accountId: string;
  since?: Date;
}

const unique = (phoneNumbers: readonly string[]) => [...new Set(phoneNumbers)];

/** When the hold was claimed (holds written before `since` existed have none). */
const sinceOf = (hold: Hold) => (hold.since ? new Date(hold.since).getTime() : undefined);

const holdOf = (store: Store, phoneNumber: string) =>
  store.models.NumberHold.findById(phoneNumber).lean() as Promise<Hold | null>;

/** The holding orders, each read once by _id, with only what tells which numbers they still hold. */
async function holdingOrders(store: Store, holds: readonly Hold[]) {
  const ids = unique(holds.map((h) => h.orderId));
  const orders = await Promise.all(
    ids.map((id) => store.models.Order.findById(id, { status: 1, numbers: 1 }).lean()),
  );
  return new Map(ids.map((id, i) => [id, orders[i] as HoldingOrder | null]));
}

export async function findNumberHolds(
  store: Store,
  phoneNumbers: readonly string[],
  exceptOrderId?: string,
  now = Date.now(),
): Promise<NumberHolds> {
  const { ActiveNumber } = store.models;
  const ids = unique(phoneNumbers);
  const [active, found] = await Promise.all([
    Promise.all(ids.map((id) => ActiveNumber.findById(id, { accountId: 1, state: 1 }).lean())),
    Promise.all(ids.map((id) => holdOf(store, id))),
  ]);
  const holds = found.filter((h): h is Hold => !!h && h.orderId !== exceptOrderId);
  const orders = await holdingOrders(store, holds);
  const inOpenOrder: NumberHolds['inOpenOrder'] = new Map();
  for (const hold of holds)
    if (orderHoldsNumber(orders.get(hold.orderId), hold._id, now, sinceOf(hold)))
      inOpenOrder.set(hold._id, { orderId: hold.orderId, accountId: hold.accountId });
  return {
    active: new Map(
      active.flatMap((a) =>
        a && (a.state === 'activated' || a.state === 'active') ? [[a._id, a.accountId]] : [],
      ),
    ),
    inOpenOrder,
  };
}

export interface Claim {
  /** Numbers this call took (inserted, or taken over from a hold that no longer counts). */
  claimed: string[];
  /** Numbers already held by this same order (a retried submit): nothing to do. */
  alreadyOwn: string[];
  /** Numbers another open order holds: the submission must be refused. */
  taken: string[];
}

/** Claims every number for the order; each claim is atomic on its own. */
export async function claimNumbers(
  store: Store,
  owner: { orderId: string; accountId: string },
  phoneNumbers: readonly string[],
  now = Date.now(),
): Promise<Claim> {
  const claim: Claim = { claimed: [], alreadyOwn: [], taken: [] };
  const outcomes = await Promise.all(
    unique(phoneNumbers).map(async (n) => [n, await claimOne(store, { _id: n, ...owner }, now)] as const),
  );
  for (const [n, outcome] of outcomes) claim[outcome].push(n);
  return claim;
}

async function claimOne(store: Store, mine: Hold, now: number, retries = 2): Promise<keyof Claim> {
  const { NumberHold } = store.models;
  const since = new Date(now);
  try {
    await NumberHold.create({ ...mine, since });
    return 'claimed';
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const hold = await holdOf(store, mine._id);
  // Released between our insert and this read: the number is free, try again.
  if (!hold) return retries > 0 ? claimOne(store, mine, now, retries - 1) : 'taken';
  if (hold.orderId === mine.orderId) return 'alreadyOwn';
  const [holder] = (await holdingOrders(store, [hold])).values();
  if (orderHoldsNumber(holder, hold._id, now, sinceOf(hold))) return 'taken';
  // The hold no longer counts (lapsed, left on a draft by a dead submit, or its order is gone): take
  // it over. A replace guarded on its owner is not enough on FerretDB v1 (a guarded update is read,
  // change, write back: several submits doing it at once all match), so the takeover of this very
  // hold is claimed first by an insert keyed by the hold: exactly one submit takes it over.
  const takeover = `${hold._id}|${hold.orderId}|${hold.since ? new Date(hold.since).toISOString() : ''}`;
  try {
    await store.connection.collection('number_hold_takeovers').insertOne({
      _id: takeover as never,
      by: mine.orderId,
      at: since,
    });
  } catch (err) {
    if (isDuplicateKey(err)) return 'taken';
    throw err;
  }
  const took = await NumberHold.replaceOne({ _id: mine._id, orderId: hold.orderId }, { ...mine, since });
  return took.modifiedCount === 1 ? 'claimed' : 'taken';
}

/** Releases the order's holds on these numbers (never another order's): idempotent. */
export async function releaseNumbers(
  store: Store,
  orderId: string,
  phoneNumbers: readonly string[],
): Promise<void> {
  // Read first: the guarded delete runs only for holds still ours, so later snapshots of an ended
  // number cost one read each.
  const holds = await Promise.all(unique(phoneNumbers).map((n) => holdOf(store, n)));
  await Promise.all(
    holds.flatMap((h) =>
      h?.orderId === orderId ? [store.models.NumberHold.deleteOne({ _id: h._id, orderId })] : [],
    ),
  );
}

/** The numbers of a snapshot whose holds end now: canceled, completed, or rejected for good. */
export const endedNumbers = (numbers: readonly (HeldNumber & { phoneNumber: string })[]): string[] =>
  numbers.filter((n) => numberHold(n).kind === 'released').map((n) => n.phoneNumber);

/**
 * Orders submitted before holds existed: each of their numbers still held gets its hold. Run once
 * at API start (a scan, never on a request path); inserting only where no hold exists makes it
 * idempotent, and the orders' later snapshots release these like any other.
 */
export async function backfillNumberHolds(store: Store, now = Date.now()): Promise<number> {
  const { Order, NumberHold } = store.models;
  const orders = await Order.find(
    { status: { $ne: 'draft' } },
    { accountId: 1, phoneNumbers: 1, numbers: 1, status: 1 },
  ).lean();
  let inserted = 0;
  for (const order of orders) {
    for (const phoneNumber of order.phoneNumbers ?? []) {
      if (!orderHoldsNumber(order as HoldingOrder, phoneNumber, now)) continue;
      inserted += await NumberHold.create({
        _id: phoneNumber,
        orderId: order._id,
        accountId: order.accountId,
        since: new Date(now),
      }).then(
        () => 1,
        (err) => (isDuplicateKey(err) ? 0 : Promise.reject(err)),
      );
    }
  }
  return inserted;
}
