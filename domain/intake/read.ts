/**
 * Reads a draft and its context defensively. Validation must never throw, whatever the API hands
 * it (a draft is typed, but may be anything cast to the type): every value is checked for its type
 * here, once, so the rules only ever see strings, booleans and arrays.
 */
import { isTollFree, isE164, normalizePhoneNumber } from '../phone-numbers';
import type { LineType, NumberLookup, PortCountry } from '../order';

export type Fields = Readonly<Record<string, unknown>>;

export function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

/** Own property only: a key such as 'constructor' must not reach Object.prototype. */
export function field(value: unknown, key: string): unknown {
  const r = record(value);
  return r !== undefined && Object.hasOwn(r, key) ? r[key] : undefined;
}

/** A trimmed, non-empty string; anything else (absent, blank, not a string) is undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A dense copy: holes of a sparse array become undefined, so map/forEach still visit them. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? Array.from(value as unknown[]) : [];
}

export function isPortCountry(value: unknown): value is PortCountry {
  return value === 'US' || value === 'CA' || value === 'AU';
}

/** The key two spellings of one number share: E.164 when it parses, else the trimmed input. */
export function numberKey(value: unknown, country: unknown): string | undefined {
  const input = text(value);
  if (input === undefined) return undefined;
  const n = normalizePhoneNumber(input, isPortCountry(country) ? country : undefined);
  return n.ok ? n.e164 : input;
}

export interface NumberEntry {
  index: number;
  /** The number as given, when it is a string. */
  input: string | undefined;
  key: string | undefined;
  /** Written exactly in valid E.164: the number-level rules only judge such numbers. */
  valid: boolean;
  tollFree: boolean;
  lookup: NumberLookup | undefined;
  lineType: LineType | undefined;
}

const LINE_TYPES: readonly unknown[] = ['landline', 'wireless', 'voip', 'toll_free'];

export function readLookups(value: unknown): Map<string, NumberLookup> {
  const byNumber = new Map<string, NumberLookup>();
  for (const raw of list(value)) {
    const key = numberKey(field(raw, 'phoneNumber'), undefined);
    if (key === undefined || byNumber.has(key)) continue;
    const lineType = field(raw, 'lineType');
    byNumber.set(key, {
      phoneNumber: key,
      portableAtCarrier: field(raw, 'portableAtCarrier') !== false,
      ...(LINE_TYPES.includes(lineType) ? { lineType: lineType as LineType } : {}),
      ...(text(field(raw, 'losingCarrier')) ? { losingCarrier: text(field(raw, 'losingCarrier')) } : {}),
    });
  }
  return byNumber;
}

export function readNumbers(
  numbers: unknown,
  country: unknown,
  lookups: Map<string, NumberLookup>,
): NumberEntry[] {
  return list(numbers).map((raw, index) => {
    const phoneNumber = field(raw, 'phoneNumber');
    const input = typeof phoneNumber === 'string' ? phoneNumber : undefined;
    const key = numberKey(input, country);
    const lookup = key === undefined ? undefined : lookups.get(key);
    const valid = isE164(input);
    return {
      index,
      input,
      key,
      valid,
      tollFree: valid && (isTollFree(input) || lookup?.lineType === 'toll_free'),
      lookup,
      lineType: lookup?.lineType,
    };
  });
}

/** Strings of a list, normalised as number keys (for context lists such as active numbers). */
export function numberKeys(value: unknown): Set<string> {
  const keys = new Set<string>();
  for (const raw of list(value)) {
    const key = numberKey(raw, undefined);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}
