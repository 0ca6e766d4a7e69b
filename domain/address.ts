/**
 * Service-address rules: carriers need the physical place where the line is served, so mail-only
 * addresses (post office boxes) are refused; postal codes must fit the country; and the address
 * gives the IANA zone whose midnight starts the FOC date.
 */
import { isValidTimeZone } from './calendar';
import type { PortCountry, ServiceAddress } from './order';
import { AU_REGIONS, CA_REGIONS, US_REGIONS, type Region } from './regions';

/**
 * Mail-only address spellings, matched on a line lower-cased with punctuation turned into spaces
 * ('P.O.Box' reads 'p o box'). `box(?![a-z])` ends a word without needing a space before the number.
 *
 * Decisions:
 * - Separated spellings ('PO Box', 'P O Box', 'P0 Box', 'GPO Box', 'Post Office Box', 'Postal Box')
 *   are a PO box whatever follows.
 * - Glued or short forms ('POBox', 'Postbox', 'POB', 'P.O.B.') only when a box number follows, so
 *   that a street named 'Pobox Street' stays valid.
 * - A line that starts with 'Box <number>' is a post office box (common in rural Canada); 'Box Elder
 *   Rd' or '12 Box Canyon Rd' are streets. Rural-route boxes ('RR 2 Box 15') are not flagged: they
 *   are what carriers often hold on file, and the order must match the carrier's record.
 * - Other countries' equivalents: 'Locked Bag' / 'Private Bag' (AU), 'Case postale' / 'C.P. 123' /
 *   'Boîte postale' (French-speaking Canada).
 * - 'PMB' (private mailbox) is not flagged: it follows a street address of a mail-receiving agency,
 *   and the street line is checked on its own.
 */
const PO_BOX_PATTERNS: readonly RegExp[] = [
  /\b(?:g\s*)?p\s*[o0]\s+box(?![a-z])/,
  /\bpost\s+office\s+box(?![a-z])/,
  /\bpostal\s+box(?![a-z])/,
  /\bp\s*[o0]\s*box\s*\d/,
  /\bpost\s*box\s*\d/,
  /\bp\s*[o0]\s*b\s*\d/,
  /^box\s*\d/,
  /\b(?:locked|private)\s+bag\s*\d/,
  /\bcase\s+postale\b/,
  /\bbo[iî]te\s+postale\b/,
  /^c\s*p\s*\d/,
];

export function isPoBox(line: unknown): boolean {
  if (typeof line !== 'string') return false;
  const normalized = line
    .toLowerCase()
    .replace(/[.,#:;/\\_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bno (?=\d)/g, ''); // 'Box No. 12' -> 'box 12'
  return PO_BOX_PATTERNS.some((pattern) => pattern.test(normalized));
}

/**
 * US: ZIP or ZIP+4 (the hyphen may be omitted), never 00000.
 * CA: 'A1A 1A1' (space optional); Canada Post never uses D F I O Q U, nor W Z as the first letter.
 * AU: four digits in the allocated ranges (0200-0299 ACT, 0800-0999 NT, 1000-9999).
 */
export function isValidPostalCode(code: unknown, country: unknown): boolean {
  return normalizePostalCode(code, country) !== undefined;
}

/** The canonical spelling of a valid postal code ('k1a0b1' -> 'K1A 0B1'), or undefined when invalid. */
export function normalizePostalCode(code: unknown, country: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const trimmed = code.trim().toUpperCase();
  switch (country) {
    case 'US': {
      const m = /^(\d{5})(?:-?(\d{4}))?$/.exec(trimmed);
      if (!m || m[1] === '00000') return undefined;
      return m[2] ? `${m[1]}-${m[2]}` : m[1];
    }
    case 'CA': {
      const m = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$/.exec(trimmed);
      return m ? `${m[1]} ${m[2]}` : undefined;
    }
    case 'AU': {
      if (!/^\d{4}$/.test(trimmed)) return undefined;
      const n = Number(trimmed);
      return (n >= 200 && n <= 299) || n >= 800 ? trimmed : undefined;
    }
    default:
      return undefined;
  }
}

const REGIONS: Readonly<Record<PortCountry, Readonly<Record<string, Region>>>> = {
  US: US_REGIONS,
  CA: CA_REGIONS,
  AU: AU_REGIONS,
};

const squash = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');

/**
 * The region's postal code from its code or its name, in any case or punctuation ('ny', 'New York',
 * 'U.S. Virgin Islands'); undefined when the country has no such region.
 */
export function regionCode(region: unknown, country: unknown): string | undefined {
  if (typeof region !== 'string' || (country !== 'US' && country !== 'CA' && country !== 'AU'))
    return undefined;
  const regions = REGIONS[country];
  const key = squash(region);
  if (Object.hasOwn(regions, key)) return key;
  return Object.keys(regions).find((code) => squash(regions[code].name) === key);
}

export function isValidRegion(region: unknown, country: unknown): boolean {
  return regionCode(region, country) !== undefined;
}

/**
 * A representative IANA zone for the address's region (see regions.ts for regions spanning zones,
 * where the most populous zone wins). The order's own `timeZone`, when given, overrides it.
 */
export function timeZoneForAddress(address: Pick<ServiceAddress, 'region' | 'country'>): string | undefined {
  const code = regionCode(address?.region, address?.country);
  return code === undefined ? undefined : REGIONS[address.country][code].timeZone;
}

/** An order's zone override must be a real IANA zone of the Area/Location form ('UTC' is not a place). */
export const isOrderTimeZone = (timeZone: unknown): timeZone is string =>
  typeof timeZone === 'string' && timeZone.includes('/') && isValidTimeZone(timeZone);

/**
 * The zone whose midnight starts the FOC date: the order's override, else the address's zone. An
 * override that is no zone (refused at create and edit, but older drafts may hold one) never becomes
 * the order's zone: every date computed in it would throw.
 */
export function orderTimeZone(draft: {
  timeZone?: string;
  serviceAddress: Pick<ServiceAddress, 'region' | 'country'>;
}): string | undefined {
  return isOrderTimeZone(draft.timeZone) ? draft.timeZone : timeZoneForAddress(draft.serviceAddress);
}
