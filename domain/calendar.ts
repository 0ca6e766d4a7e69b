/**
 * Business calendar and time-zone arithmetic, pure and deterministic so workflows can use it.
 * Dates are ISO calendar dates ('YYYY-MM-DD'); instants are epoch milliseconds.
 * Time-zone offsets come from Intl (the IANA database bundled with Node), never the host's zone.
 */
import { holidayDates } from './holidays';

export type IsoDate = string;
export type CalendarCountry = 'US' | 'CA' | 'AU';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Epoch ms of 00:00 UTC on a calendar date. Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not. */
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(utcMidnight(year, month, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return { year, month, day };
}

export function isValidIsoDate(date: unknown): date is IsoDate {
  if (typeof date !== 'string') return false;
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of the zone from UTC at an instant, in ms (negative west of Greenwich). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = utcMidnight(w.year, w.month, w.day) + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `hour`:`minute`.
 * The zone's offsets a day either side of the guess are the only two that can apply; a candidate is
 * right when the zone agrees with it. A wall time that occurs twice (DST ends) resolves to the earlier
 * instant; one that does not exist (DST starts) is read with the offset in force before the gap, i.e.
 * pushed forward by the gap's length (02:30 on a spring-forward night becomes 03:30), like
 * Temporal.ZonedDateTime's 'compatible' disambiguation.
 */
export function zonedInstant(date: IsoDate, hour: number, minute: number, timeZone: string): number {
  const { year, month, day } = parseIsoDate(date);
  const wall = utcMidnight(year, month, day) + (hour * 60 + minute) * 60_000;
  const guess = wall - zoneOffsetMs(wall, timeZone);
  const offsetBefore = zoneOffsetMs(guess - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(guess + DAY_MS, timeZone);
  const consistent = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => zoneOffsetMs(instant, timeZone) === wall - instant,
  );
  return consistent.length > 0 ? Math.min(...consistent) : wall - offsetBefore;
}

/** Midnight at the start of the FOC date, in the service address's zone: when the number is activated. */
export function activationInstant(focDate: IsoDate, timeZone: string): number {
  return zonedInstant(focDate, 0, 0, timeZone);
}

/** End of business (17:00 local) on the FOC date: the carrier's latest promised completion. */
export const END_OF_BUSINESS_HOUR = 17;
export function endOfBusinessInstant(focDate: IsoDate, timeZone: string): number {
  return zonedInstant(focDate, END_OF_BUSINESS_HOUR, 0, timeZone);
}

/** The calendar date an instant falls on in a zone. */
export function localDate(instant: number, timeZone: string): IsoDate {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(utcMidnight(year, month, day) + days * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function dayOfWeek(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(utcMidnight(year, month, day)).getUTCDay();
}

const holidayCache = new Map<string, ReadonlySet<IsoDate>>();

/** Public holidays of a country in a year (days off for carriers), with their observed days: ./holidays. */
export function publicHolidays(country: CalendarCountry, year: number): ReadonlySet<IsoDate> {
  const key = `${country}:${year}`;
  let set = holidayCache.get(key);
  if (!set) {
    set = new Set(holidayDates(country, year));
    holidayCache.set(key, set);
  }
  return set;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function isPublicHoliday(date: IsoDate, country: CalendarCountry): boolean {
  return publicHolidays(country, parseIsoDate(date).year).has(date);
}

export function isBusinessDay(date: IsoDate, country: CalendarCountry): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, country);
}

/** The date `count` business days after `date` (count ≥ 0; 0 returns the next business day on or after `date`). */
export function addBusinessDays(date: IsoDate, count: number, country: CalendarCountry): IsoDate {
  let current = date;
  while (!isBusinessDay(current, country)) current = addDays(current, 1);
  for (let added = 0; added < count;) {
    current = addDays(current, 1);
    if (isBusinessDay(current, country)) added++;
  }
  return current;
}

/** The instant `count` business days after `instant`, at the same local wall time in `timeZone`. */
export function businessDaysLater(
  instant: number,
  count: number,
  country: CalendarCountry,
  timeZone: string,
): number {
  const start = localDate(instant, timeZone);
  const w = wallClock(instant, timeZone);
  const target = addBusinessDays(addDays(start, 0), count, country);
  return zonedInstant(target, w.hour, w.minute, timeZone);
}
