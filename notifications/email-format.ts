/**
 * Formatting of the facts customers read in emails: money and calendar dates. Instants are shown
 * with domain/time-display.ts (`formatInstantInZone`), the helper portctl uses too.
 * Strings are assembled from Intl parts rather than taken whole, so the wording does not drift
 * with the ICU version bundled in Node (e.g. "March 9, 2026 at 00:00" vs "March 9, 2026, 00:00").
 */
import { parseIsoDate, type IsoDate } from '../domain/calendar';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,040.00" from 104000 cents. Fees are stored in integer cents; this is the only place they become dollars. */
export function formatUsdCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`fee must be a whole number of cents: ${cents}`);
  return usd.format(cents / 100);
}

/** "Monday, March 9, 2026": a calendar date has no zone, so it is formatted as the date itself (via UTC). */
export function formatCalendarDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).formatToParts(new Date(Date.UTC(year, month - 1, day)));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')}, ${part('month')} ${part('day')}, ${part('year')}`;
}

/** "+14155550100, +14155550101 and +14155550102" for subjects and sentences. */
export function formatNumberList(phoneNumbers: readonly string[]): string {
  if (phoneNumbers.length <= 1) return phoneNumbers.join('');
  return `${phoneNumbers.slice(0, -1).join(', ')} and ${phoneNumbers[phoneNumbers.length - 1]}`;
}
