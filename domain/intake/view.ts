/**
 * What every intake rule receives: the raw draft (read through `field`) plus the parts that several
 * rules share, already read defensively.
 */
import type { IsoDate } from '../calendar';
import type { NumberLookup, PortCountry } from '../order';
import type { Problem, ProblemCode } from '../problems';
import type { NumberEntry } from './read';

export interface IntakeView {
  draft: unknown;
  /** The order's country as given, and as a port country when it is one. */
  country: unknown;
  portCountry: PortCountry | undefined;
  numbers: NumberEntry[];
  /** Anything other than an explicit 'support' is treated as the customer (least privilege). */
  actorRole: 'customer' | 'support';
  accountPlan: unknown;
  /** Undefined when the context's `today` is not a date: date rules are then skipped. */
  today: IsoDate | undefined;
  lookups: ReadonlyMap<string, NumberLookup>;
  activeNumbers: ReadonlySet<string>;
  numbersInOtherOpenOrders: ReadonlySet<string>;
}

export type IntakeRule = (view: IntakeView) => Problem[];

export function problem(code: ProblemCode, field: string, message: string): Problem {
  return { code, field, message };
}

/** How a number is named in messages: as written, else by its position. */
export function describeNumber(entry: NumberEntry): string {
  return entry.input !== undefined && entry.input.trim() !== ''
    ? entry.input.trim()
    : `numbers[${entry.index}]`;
}

export function numberPath(entry: NumberEntry): string {
  return `numbers[${entry.index}].phoneNumber`;
}

/** "a, b and c" */
export function enumerate(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
