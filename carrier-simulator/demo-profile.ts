/**
 * The demo carrier: a range of numbers whose losing carrier answers so that a person following the
 * README sees an order finish within a minute, or fail in the way they chose, with no control call.
 *
 * - +1 347 555 0100 to 0119: accepted with today's FOC date (today in the service address's zone,
 *   the order's zone unless the order overrides it) and the port confirmed with the acceptance.
 *   An FOC of today means its activation instant (midnight, rulebook 5.6) has passed, so the
 *   workflow activates at once; confirming the port at once too keeps the order clear of the
 *   end-of-business check (17:00 local on the FOC date), which a demo run in the evening would
 *   otherwise meet before the confirmation. A requested port date later than today is granted
 *   as asked, and then the port follows the usual FOC rules (foc.ts).
 * - +1 347 555 0120 to 0132: rejected with one rulebook section 7 code each, whatever the details,
 *   in the order of REJECTION_CODES (0120 unsatisfactory_business_relationship ... 0132
 *   incorrect_service_account_number).
 *
 * Otherwise the demo carrier is the generic carrier (a complete request is accepted; see
 * validation.ts): a request without a name or a physical address is still refused for it.
 * 555-0100 to 555-0199 is the NANP range reserved for fiction; area code 347 (New York City) is
 * used by no seeded record, and the NANP numbers of the tests stay with their carriers.
 */
import { addBusinessDays, localDate, type IsoDate } from '../domain/calendar';
import type { PortCountry, ServiceAddress } from '../domain/order';
import { timeZoneForAddress } from '../domain/address';
import { REJECTION_CODES, type RejectionCode } from '../domain/rejection-codes';

export const DEMO_CARRIER = 'Demo Express Telephone';

const DEMO_PREFIX = '+1347555';
/** Accepted with today's FOC and ported at once. */
export const DEMO_TODAY_RANGE = { first: 100, last: 119 } as const;
/** One rejection code each, in REJECTION_CODES order. */
export const DEMO_REJECTION_FIRST = 120;

export type DemoLine = { outcome: 'today' } | { outcome: 'reject'; reasonCode: RejectionCode };

export function demoNumber(lineNumber: number): string {
  return `${DEMO_PREFIX}${String(lineNumber).padStart(4, '0')}`;
}

/** The demo number that is always rejected with `code`. */
export function demoRejectionNumber(code: RejectionCode): string {
  return demoNumber(DEMO_REJECTION_FIRST + REJECTION_CODES.indexOf(code));
}

/** The demo behaviour of a number, or undefined when it is not a demo number. */
export function demoLine(phoneNumber: string): DemoLine | undefined {
  if (!phoneNumber.startsWith(DEMO_PREFIX) || phoneNumber.length !== DEMO_PREFIX.length + 4) return undefined;
  const line = Number(phoneNumber.slice(DEMO_PREFIX.length));
  if (!Number.isInteger(line)) return undefined;
  if (line >= DEMO_TODAY_RANGE.first && line <= DEMO_TODAY_RANGE.last) return { outcome: 'today' };
  const reasonCode = REJECTION_CODES[line - DEMO_REJECTION_FIRST];
  return line >= DEMO_REJECTION_FIRST && reasonCode ? { outcome: 'reject', reasonCode } : undefined;
}

/**
 * What the demo carrier grants a number of the "today" range: today in the service address's zone
 * (the carrier sees the address, not the order's zone override; New York when the region is
 * unknown, as the API's default), even on a weekend or holiday, with the port confirmed at once;
 * or the requested port date when that is later, moved to the next business day as the generic
 * carrier does (foc.ts), and then the port follows the usual rule.
 */
export function demoGrant(
  at: number,
  country: PortCountry,
  serviceAddress: Pick<ServiceAddress, 'region' | 'country'>,
  requestedPortDate?: IsoDate,
): { focDate: IsoDate; portsAtOnce: boolean } {
  const today = localDate(at, timeZoneForAddress(serviceAddress) ?? 'America/New_York');
  if (requestedPortDate && requestedPortDate > today)
    return { focDate: addBusinessDays(requestedPortDate, 0, country), portsAtOnce: false };
  return { focDate: today, portsAtOnce: true };
}
