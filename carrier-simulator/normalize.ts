/**
 * How a carrier's order desk compares an LOA with its CSR: case, accents, punctuation, legal
 * suffixes and postal abbreviations do not matter; the actual name, street, city and ZIP do.
 * Pure functions, so the comparison rules are testable on their own.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PortCountry, ServiceAddress } from '../domain/order';

/** Lower case, no accents, '&' → 'and', punctuation → spaces, single spaces. */
export function normalizeText(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Joins runs of single letters ("l l c" from "L.L.C.", "s w" from "S.W.") into one token. */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (/^[a-z]$/.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

const LEGAL_FORMS = new Set([
  'the',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'pc',
  'plc',
  'pty',
  'ulc',
]);

/** Business names compare without their legal form: "Harbor Dental Group, L.L.C." = "harbor dental group". */
export function normalizeBusinessName(value: string | undefined): string {
  return joinInitials(normalizeText(value).split(' ').filter(Boolean))
    .filter((t) => !LEGAL_FORMS.has(t))
    .join(' ');
}

/** First names compare on their first word (middle names are often dropped on one side). */
export function normalizeFirstName(value: string | undefined): string {
  return normalizeText(value).split(' ')[0] ?? '';
}

/** Last names compare without spaces or hyphens ("Smith-Jones" = "Smith Jones"). */
export function normalizeLastName(value: string | undefined): string {
  return normalizeText(value).replace(/ /g, '');
}

export function samePerson(
  a: { firstName?: string; lastName?: string },
  b: { firstName?: string; lastName?: string },
): boolean {
  const [af, al, bf, bl] = [
    normalizeFirstName(a.firstName),
    normalizeLastName(a.lastName),
    normalizeFirstName(b.firstName),
    normalizeLastName(b.lastName),
  ];
  return af !== '' && al !== '' && af === bf && al === bl;
}

export function sameBusiness(a: string | undefined, b: string | undefined): boolean {
  const [na, nb] = [normalizeBusinessName(a), normalizeBusinessName(b)];
  return na !== '' && na === nb;
}

/** USPS / Canada Post style abbreviations (English and French), applied word by word. */
const ADDRESS_WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  str: 'st',
  saint: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter',
  highway: 'hwy',
  parkway: 'pkwy',
  circle: 'cir',
  square: 'sq',
  crescent: 'cres',
  mount: 'mt',
  fort: 'ft',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  nord: 'n',
  sud: 's',
  est: 'e',
  ouest: 'w',
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
};

/** Unit designators are dropped so "Suite 300", "Ste 300" and "#300" all read "300". */
const UNIT_WORDS = new Set([
  'suite',
  'ste',
  'apartment',
  'apt',
  'unit',
  'room',
  'rm',
  'floor',
  'fl',
  'no',
  'number',
]);

export function normalizeAddressText(value: string | undefined): string {
  return joinInitials(normalizeText(value).split(' '))
    .filter((t) => t && !UNIT_WORDS.has(t))
    .map((t) => ADDRESS_WORDS[t] ?? t)
    .join(' ');
}

/** "PO Box", "P.O. Box", "Post Office Box", "POB" in any spacing or case: not a service address. */
export function isPoBox(address: Pick<ServiceAddress, 'line1' | 'line2'>): boolean {
  const text = normalizeText(`${address.line1} ${address.line2 ?? ''}`);
  return /(^| )(p ?o ?box|post ?office ?box|p ?o ?b)( |\d|$)/.test(text);
}

const POSTAL_CODE: Readonly<Record<PortCountry, RegExp>> = {
  US: /^\d{5}(\d{4})?$/,
  CA: /^[A-Z]\d[A-Z]\d[A-Z]\d$/,
  AU: /^\d{4}$/,
};

/** ZIP+4 compares on the 5-digit ZIP; Canadian codes without the space; undefined when malformed. */
export function normalizePostalCode(value: string | undefined, country: PortCountry): string | undefined {
  const compact = (value ?? '').toUpperCase().replace(/[\s-]/g, '');
  if (!POSTAL_CODE[country].test(compact)) return undefined;
  return country === 'US' ? compact.slice(0, 5) : compact;
}

export function isCompleteAddress(address: ServiceAddress): boolean {
  return (
    normalizeText(address.line1) !== '' &&
    normalizeText(address.city) !== '' &&
    normalizeText(address.region) !== '' &&
    normalizePostalCode(address.postalCode, address.country) !== undefined
  );
}

/**
 * Compares a request's service address with the CSR's: street (line 1 and 2 read as one),
 * city, region and ZIP must all agree after normalisation. A PO box never matches.
 */
export function sameServiceAddress(given: ServiceAddress, onFile: ServiceAddress): boolean {
  if (isPoBox(given)) return false;
  const street = (a: ServiceAddress) => normalizeAddressText(`${a.line1} ${a.line2 ?? ''}`);
  const zip = normalizePostalCode(given.postalCode, onFile.country);
  return (
    street(given) === street(onFile) &&
    normalizeAddressText(given.city) === normalizeAddressText(onFile.city) &&
    normalizeText(given.region) === normalizeText(onFile.region) &&
    zip !== undefined &&
    zip === normalizePostalCode(onFile.postalCode, onFile.country)
  );
}

/** Account numbers compare without spaces, dashes or case ("pbt 4410 2231" = "PBT-4410-2231"). */
export function normalizeAccountNumber(value: string | undefined): string {
  return (value ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function normalizePin(value: string | undefined): string {
  return (value ?? '').trim();
}

/** A phone number as E.164, read in the order's country when it is written nationally; undefined when invalid. */
export function toE164(value: string | undefined, country: PortCountry): string | undefined {
  if (!value) return undefined;
  const parsed = parsePhoneNumberFromString(value, country);
  return parsed?.isValid() ? parsed.number : undefined;
}
