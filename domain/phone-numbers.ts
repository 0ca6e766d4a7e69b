/**
 * Phone-number facts the port rules need: E.164 normalisation, the country a number belongs to for
 * porting, and whether it is toll-free (toll-free numbers port by a RespOrg change, not a local LSR).
 * The 'max' metadata is needed: number types (toll-free, shared cost) are not in the 'min' set.
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneNumberRejection = 'empty' | 'not_a_phone_number' | 'has_extension' | 'invalid_number';

export type NormalizedPhoneNumber =
  { ok: true; e164: string; country: string | undefined } | { ok: false; reason: PhoneNumberRejection };

/** The exact shape of an E.164 number: '+', a country code not starting with 0, at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/** NANP toll-free area codes in service (822 and 880-887 are reserved, not yet assigned). */
export const NANP_TOLL_FREE_AREA_CODES = ['800', '833', '844', '855', '866', '877', '888'] as const;

/**
 * US territories share the NANP and the US number-portability database, but libphonenumber gives
 * them their own region codes. A US order may carry their numbers.
 */
const US_TERRITORIES = ['PR', 'VI', 'GU', 'AS', 'MP'];

/** Parses any human spelling of a number ('(415) 555-2671', 'tel:+1-415...') into E.164. */
export function normalizePhoneNumber(input: unknown, defaultCountry?: string): NormalizedPhoneNumber {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, reason: 'empty' };
  const parsed = parsePhoneNumberFromString(input, asCountryCode(defaultCountry));
  if (!parsed) return { ok: false, reason: 'not_a_phone_number' };
  // An extension sits behind a PBX: the number that ports is the main line, not "x12".
  if (parsed.ext) return { ok: false, reason: 'has_extension' };
  if (!parsed.isValid()) return { ok: false, reason: 'invalid_number' };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

/** True when `input` is already a valid number written exactly in E.164. */
export function isE164(input: unknown): input is string {
  if (typeof input !== 'string' || !E164_PATTERN.test(input)) return false;
  const n = normalizePhoneNumber(input);
  return n.ok && n.e164 === input;
}

/** The ISO country libphonenumber assigns to a valid number (NANP toll-free numbers report 'US'). */
export function countryOfNumber(input: unknown): string | undefined {
  const n = normalizePhoneNumber(input);
  return n.ok ? n.country : undefined;
}

/**
 * Whether a number may be ported in an order of `country` (porting stays inside one country).
 * NANP toll-free numbers belong to the whole of North America, so they fit US and CA orders alike.
 */
export function numberBelongsToCountry(input: unknown, country: string): boolean {
  const n = normalizePhoneNumber(input);
  if (!n.ok) return false;
  if (n.country === country) return true;
  if (country === 'US' && n.country !== undefined && US_TERRITORIES.includes(n.country)) return true;
  return (country === 'US' || country === 'CA') && isNanpTollFree(n.e164);
}

/**
 * Toll-free for porting purposes. NANP: the toll-free area codes. AU: 1800 freephone and the 13 / 1300
 * local-rate numbers: all three are "inbound" numbers that port through the same separate process.
 * Elsewhere libphonenumber's number type decides.
 */
export function isTollFree(input: unknown): boolean {
  const n = normalizePhoneNumber(input);
  if (!n.ok) return false;
  if (isNanpTollFree(n.e164)) return true;
  if (n.e164.startsWith('+61')) return isAustralianInboundNumber(n.e164.slice(3));
  const parsed = parsePhoneNumberFromString(n.e164);
  return parsed?.getType() === 'TOLL_FREE';
}

function isNanpTollFree(e164: string): boolean {
  return (
    e164.length === 12 &&
    e164.startsWith('+1') &&
    (NANP_TOLL_FREE_AREA_CODES as readonly string[]).includes(e164.slice(2, 5))
  );
}

/** AU national significant number: 1800 xxx xxx, 1300 xxx xxx, or 13 xx xx. */
function isAustralianInboundNumber(national: string): boolean {
  return /^1[38]00\d{6}$/.test(national) || /^13\d{4}$/.test(national);
}

function asCountryCode(country: string | undefined): CountryCode | undefined {
  return typeof country === 'string' && isSupportedCountry(country) ? country : undefined;
}
