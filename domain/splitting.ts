/**
 * One port order moves one losing-carrier account, and toll-free numbers move by a RespOrg change
 * rather than a local port request. A request mixing accounts, or toll-free with local numbers, is
 * therefore split into several orders: one per (number type, losing carrier).
 */
import { field, list, numberKey, readLookups } from './intake/read';
import type { NumberLookup, OrderNumber } from './order';
import { isTollFree } from './phone-numbers';

export type SplitReason =
  /** Everything fits one order. */
  | 'not_split'
  /** The numbers sit at different losing carriers. */
  | 'losing_carrier'
  /** Toll-free and local numbers were mixed. */
  | 'toll_free'
  /** Both of the above. */
  | 'losing_carrier_and_toll_free';

export interface NumberGroup {
  /** The carrier as the look-up spells it; undefined when no look-up names one. */
  losingCarrier: string | undefined;
  tollFree: boolean;
  /** E.164 numbers in request order, each once. */
  phoneNumbers: string[];
  /** Why the request was split (the same for every group of a request). */
  reason: SplitReason;
  /** For the customer: what this group is. */
  description: string;
}

interface Member {
  phoneNumber: string;
  tollFree: boolean;
  carrier: string | undefined;
}

/**
 * Groups are ordered deterministically, whatever the order of the request: local before toll-free,
 * then by carrier name (case-insensitive), numbers of an unknown carrier last; each such group is
 * its own order, since we cannot tell which account they belong to.
 */
export function splitDraftNumbers(
  numbers: readonly OrderNumber[],
  lookups: readonly NumberLookup[],
): NumberGroup[] {
  const byNumber = readLookups(lookups);
  const members: Member[] = [];
  const seen = new Set<string>();
  for (const raw of list(numbers)) {
    const phoneNumber = numberKey(field(raw, 'phoneNumber'), undefined);
    if (phoneNumber === undefined || seen.has(phoneNumber)) continue;
    seen.add(phoneNumber);
    const lookup = byNumber.get(phoneNumber);
    members.push({
      phoneNumber,
      tollFree: isTollFree(phoneNumber) || lookup?.lineType === 'toll_free',
      carrier: lookup?.losingCarrier,
    });
  }

  const groups = new Map<
    string,
    { tollFree: boolean; carrier: string | undefined; phoneNumbers: string[] }
  >();
  for (const m of members) {
    const key = groupKey(m.tollFree, m.carrier);
    const group = groups.get(key) ?? { tollFree: m.tollFree, carrier: m.carrier, phoneNumbers: [] };
    group.phoneNumbers.push(m.phoneNumber);
    groups.set(key, group);
  }

  const types = new Set(members.map((m) => m.tollFree));
  const carriers = new Set(members.map((m) => carrierKey(m.carrier)));
  const reason: SplitReason =
    carriers.size > 1 && types.size > 1
      ? 'losing_carrier_and_toll_free'
      : carriers.size > 1
        ? 'losing_carrier'
        : types.size > 1
          ? 'toll_free'
          : 'not_split';

  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({
      losingCarrier: g.carrier,
      tollFree: g.tollFree,
      phoneNumbers: g.phoneNumbers,
      reason,
      description: `${g.tollFree ? 'Toll-free' : 'Local'} numbers ${g.carrier === undefined ? 'whose losing carrier is unknown' : `at ${g.carrier}`}`,
    }));
}

/** Carriers compare without case or surrounding spaces ("Verizon" = " verizon"). */
function carrierKey(carrier: string | undefined): string {
  return carrier === undefined ? '' : carrier.trim().toLowerCase();
}

/** Sort key: '0' local / '1' toll-free, then '0'+carrier for a known one, '1' for unknown (last). */
function groupKey(tollFree: boolean, carrier: string | undefined): string {
  return `${tollFree ? 1 : 0}|${carrier === undefined ? '1' : `0${carrierKey(carrier)}`}`;
}
