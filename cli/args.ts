/** Option parsers: a bad value is a usage error (exit 2) before anything is sent. */
import { InvalidArgumentError } from 'commander';

/** `--numbers a,b` → ['a', 'b']. */
export function numberList(value: string): string[] {
  const list = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (!list.length) throw new InvalidArgumentError('give at least one phone number, comma-separated');
  return list;
}

/** The API caps pages at 100; saying so beats a silently shorter page. */
export function pageLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused here, not by the carrier). */
export function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return value;
}

/** Non-empty text (an empty --pin would be sent as a correction to nothing). */
export function text(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must not be empty');
  return value;
}
