/**
 * Loose comparison of names and street lines, the way a porting analyst reads a CSR: case,
 * punctuation, accents and the usual abbreviations do not make two values different; a different
 * word or number does.
 */

/** Lower-case words without accents or punctuation. */
function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '') // O'Neil = ONeil, not "o neil"
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

/** Business-name suffixes written either way ("Acme Inc." = "Acme Incorporated"). */
const NAME_ABBREVIATIONS: Readonly<Record<string, string>> = {
  incorporated: 'inc',
  corporation: 'corp',
  company: 'co',
  limited: 'ltd',
};

/** Own-property lookup, so that words such as 'constructor' are not read off Object.prototype. */
function canonical(table: Readonly<Record<string, string>>, word: string): string {
  return Object.hasOwn(table, word) ? table[word] : word;
}

/**
 * Canonical form of a person or business name. Words are sorted so that "Smith, Jane" equals
 * "Jane Smith"; every word still counts, so a middle name or initial on one side only is a mismatch
 * (the carrier would reject it as a name mismatch too).
 */
export function normalizeName(name: string): string {
  // "L.L.C." splits into single letters: glue them back before mapping words.
  return ` ${words(name).join(' ')} `
    .replace(/ l l c /g, ' llc ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => canonical(NAME_ABBREVIATIONS, w))
    .sort()
    .join(' ');
}

export function sameName(a: unknown, b: unknown): boolean {
  return (
    typeof a === 'string' &&
    typeof b === 'string' &&
    normalizeName(a) !== '' &&
    normalizeName(a) === normalizeName(b)
  );
}

/**
 * USPS / Canada Post / Australia Post street words, long form -> one canonical short form. "Saint"
 * and "Street" share 'st' (as "Doctor" and "Drive" share 'dr'): both sides go through the same map,
 * so the ambiguity cannot create a difference. Unit designators all become '#'.
 */
const STREET_WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  saint: 'st',
  str: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  boul: 'blvd',
  drive: 'dr',
  doctor: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  square: 'sq',
  highway: 'hwy',
  parkway: 'pkwy',
  expressway: 'expy',
  freeway: 'fwy',
  terrace: 'ter',
  circle: 'cir',
  crescent: 'cres',
  trail: 'trl',
  route: 'rte',
  mount: 'mt',
  fort: 'ft',
  building: 'bldg',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  apartment: '#',
  apt: '#',
  unit: '#',
  suite: '#',
  ste: '#',
  room: '#',
  rm: '#',
  no: '#',
  number: '#',
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
};

/** Canonical form of a street line or city ("123 N. Main Street, Suite 4" -> "123 n main st # 4"). */
export function normalizeStreet(line: string): string {
  return words(line.replace(/#/g, ' number '))
    .map((w) => canonical(STREET_WORDS, w))
    .join(' ');
}

export function sameStreet(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && normalizeStreet(a) === normalizeStreet(b);
}

/** Account numbers and PIN-like identifiers: case, spaces and separators do not count. */
export function sameIdentifier(a: unknown, b: unknown): boolean {
  const squash = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return typeof a === 'string' && typeof b === 'string' && squash(a) !== '' && squash(a) === squash(b);
}
