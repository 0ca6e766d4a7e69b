/**
 * One open order per number (rulebook section 2): which numbers of a submitted order still hold
 * them against every other order, and which copies in one request are an input error. Pure: the
 * store claims and releases holds by these rules, the API refuses duplicates by them.
 */
import type { Problem } from './problems';
import { isTerminalNumberStatus, type NumberStatus } from './statuses';

export interface HeldNumber {
  status: NumberStatus | string;
  rejection?: { resubmitBy?: string | null } | null;
}

/**
 * What a number of a submitted order means for its hold: `held` while it may still port through
 * this order; a rejected number stays held `until` its resubmission window closes (the order can
 * still resubmit it); canceled, completed (it is an active number then) and finally rejected
 * numbers are `released`.
 */
export type NumberHold = { kind: 'held' } | { kind: 'held'; until: string } | { kind: 'released' };

export function numberHold(n: HeldNumber): NumberHold {
  if (!isTerminalNumberStatus(n.status as NumberStatus)) return { kind: 'held' };
  const until = n.status === 'rejected' ? n.rejection?.resubmitBy : undefined;
  return until ? { kind: 'held', until } : { kind: 'released' };
}

/** A port-in order as the read model shows it: enough to tell which numbers it still holds. */
export interface HoldingOrder {
  status: string;
  numbers?: readonly (HeldNumber & { phoneNumber: string })[] | null;
}

/**
 * How long a hold counts while its order is still a draft. A submit claims the holds and then marks
 * its order submitted within moments; a draft still holding a number this long after the claim
 * (`since`) is a submit that died in between (as its draft revision claim, store/draft-revisions.ts).
 */
export const DRAFT_HOLD_MS = 60_000;

/**
 * Whether `order` still holds `phoneNumber` at `now` (epoch ms), by a hold claimed at `heldSince`.
 * A deleted order holds nothing; a draft only for `DRAFT_HOLD_MS` after the claim (a submit in
 * flight); a number the order does not list one by one yet (before the first snapshot) is held; a
 * rejected number's hold lapses at its resubmission deadline, an instant no snapshot marks.
 */
export function orderHoldsNumber(
  order: HoldingOrder | null | undefined,
  phoneNumber: string,
  now: number,
  heldSince?: number,
): boolean {
  if (!order) return false;
  if (order.status === 'draft') return heldSince !== undefined && now - heldSince < DRAFT_HOLD_MS;
  const entry = order.numbers?.find((n) => n.phoneNumber === phoneNumber);
  if (!entry) return true;
  const hold = numberHold(entry);
  return hold.kind === 'held' && (!('until' in hold) || Date.parse(hold.until) > now);
}

/** A later copy of a number in one list, with the position of its first occurrence. */
export interface DuplicateNumber {
  index: number;
  firstIndex: number;
  phoneNumber: string;
}

/**
 * Later copies of a number in a request (compare normalised spellings: `+17185959042` and
 * `+1 (718) 595-9042` are one number). The first occurrence stays; each later one is the error.
 * Entries without a key (unreadable numbers) are someone else's problem and never match.
 */
export function duplicateNumbers(keys: readonly (string | undefined)[]): DuplicateNumber[] {
  const firstIndex = new Map<string, number>();
  const duplicates: DuplicateNumber[] = [];
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else duplicates.push({ index, firstIndex: first, phoneNumber: key });
  });
  return duplicates;
}

/**
 * The duplicates of a request's `phoneNumbers` (create, PATCH) as problems at `phoneNumbers[i]`:
 * `inputs` as the caller wrote them, `keys` their E.164 spellings (undefined when unreadable).
 */
export function duplicatePhoneNumberProblems(
  inputs: readonly string[],
  keys: readonly (string | undefined)[],
): Problem[] {
  return duplicateNumbers(keys).map(({ index, firstIndex, phoneNumber }) => ({
    code: 'duplicate_number',
    field: `phoneNumbers[${index}]`,
    message: `${inputs[index]} is ${phoneNumber}, already listed as phoneNumbers[${firstIndex}]: list each number once.`,
  }));
}
