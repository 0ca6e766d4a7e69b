/**
 * The public holidays carriers keep off, per country we port from, as plain rules.
 *
 * They are the 'public' holidays of the date-holidays package (3.x) for US, CA and AU, plus the
 * Canada Labour Code's general holidays for CA (federally regulated carriers keep them; the
 * package's national CA calendar has only the five every province shares). They are written out
 * here, not loaded from the package, for two reasons:
 * - workflows use them, and every cached workflow evaluates its own copy of each module it imports:
 *   date-holidays brings the holidays of every country, moment-timezone and astronomia, about 4 MB
 *   of heap per cached order, the bulk of a worker's memory (README "Performance");
 * - a running order's timers are computed from them: a package upgrade that changed a holiday
 *   would change the commands of orders already running. Here a change is a visible code change
 *   (and needs `patched()`, workflows/VERSIONING.md).
 * test/unit/domain/holidays.test.ts compares them with date-holidays day by day over three
 * centuries, so they stay what the orders recorded so far were computed with.
 */
import type { CalendarCountry, IsoDate } from './calendar';

const DAY_MS = 86_400_000;
const [SUNDAY, MONDAY, THURSDAY, SATURDAY] = [0, 1, 4, 6];

/** A calendar day as epoch ms of its 00:00 UTC (setUTCFullYear keeps years 0-99 as they are). */
function day(year: number, month: number, date: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date);
  return d.getTime();
}

const weekday = (t: number) => new Date(t).getUTCDay();

function iso(t: number): IsoDate {
  const d = new Date(t);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The `n`th `wd` of a month (n ≥ 1). */
function nthWeekday(year: number, month: number, n: number, wd: number): number {
  const first = day(year, month, 1);
  return first + (((wd - weekday(first) + 7) % 7) + (n - 1) * 7) * DAY_MS;
}

/** The last `wd` strictly before a date ("monday before 06-01"). */
function weekdayBefore(t: number, wd: number): number {
  return t - (((weekday(t) - wd + 6) % 7) + 1) * DAY_MS;
}

/** Gregorian Easter Sunday (the anonymous Gregorian algorithm, as date-easter computes it). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return day(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** The day itself and, when it falls on a weekday named in `moves`, the day that many days later too. */
function andObserved(t: number, moves: Partial<Record<number, number>>): number[] {
  const shift = moves[weekday(t)];
  return shift === undefined ? [t] : [t, t + shift * DAY_MS];
}

/** US federal: on Saturday observed the Friday before, on Sunday the Monday after. */
const US_OBSERVED = { [SATURDAY]: -1, [SUNDAY]: 1 };
/** Next Monday for a weekend day. */
const NEXT_MONDAY = { [SATURDAY]: 2, [SUNDAY]: 1 };
/** Christmas and Boxing Day in Australia: a weekend day moves two days on (Monday or Tuesday). */
const TWO_DAYS_ON = { [SATURDAY]: 2, [SUNDAY]: 2 };

type Rules = (year: number) => number[];

const RULES: Record<CalendarCountry, Rules> = {
  US: (y) => [
    ...andObserved(day(y, 1, 1), US_OBSERVED), // New Year's Day
    nthWeekday(y, 1, 3, MONDAY), // Martin Luther King Jr. Day
    nthWeekday(y, 2, 3, MONDAY), // Washington's Birthday
    weekdayBefore(day(y, 6, 1), MONDAY), // Memorial Day
    ...(y >= 2021 ? andObserved(day(y, 6, 19), US_OBSERVED) : []), // Juneteenth
    ...andObserved(day(y, 7, 4), US_OBSERVED), // Independence Day
    nthWeekday(y, 9, 1, MONDAY), // Labor Day
    nthWeekday(y, 10, 2, MONDAY), // Columbus Day
    day(y, 11, 11), // Veterans Day
    nthWeekday(y, 11, 4, THURSDAY), // Thanksgiving
    ...andObserved(day(y, 12, 25), US_OBSERVED), // Christmas Day
  ],
  // Canada Labour Code general holidays, fixed-date ones observed on the next weekday.
  CA: (y) => [
    ...andObserved(day(y, 1, 1), NEXT_MONDAY), // New Year's Day
    easter(y) - 2 * DAY_MS, // Good Friday
    weekdayBefore(day(y, 5, 25), MONDAY), // Victoria Day
    ...andObserved(day(y, 7, 1), NEXT_MONDAY), // Canada Day
    nthWeekday(y, 9, 1, MONDAY), // Labour Day
    ...(y >= 2021 ? [day(y, 9, 30)] : []), // National Day for Truth and Reconciliation
    nthWeekday(y, 10, 2, MONDAY), // Thanksgiving
    day(y, 11, 11), // Remembrance Day
    ...andObserved(day(y, 12, 25), NEXT_MONDAY), // Christmas Day
    // Boxing Day: the next weekday not taken by Christmas (Tuesday when Christmas took the Monday).
    ...andObserved(day(y, 12, 26), { [SATURDAY]: 2, [SUNDAY]: 2, [MONDAY]: 1 }),
  ],
  AU: (y) => {
    const australiaDay = day(y, 1, 26); // moved, not doubled, when on a weekend
    return [
      ...andObserved(day(y, 1, 1), NEXT_MONDAY), // New Year's Day
      australiaDay + (NEXT_MONDAY[weekday(australiaDay)] ?? 0) * DAY_MS, // Australia Day
      easter(y) - 2 * DAY_MS, // Good Friday
      easter(y) - DAY_MS, // Easter Saturday
      easter(y), // Easter Sunday
      easter(y) + DAY_MS, // Easter Monday
      day(y, 4, 25), // Anzac Day
      ...(y === 2022 ? [day(2022, 9, 22)] : []), // National Day of Mourning for Queen Elizabeth II
      ...andObserved(day(y, 12, 25), TWO_DAYS_ON), // Christmas Day
      ...andObserved(day(y, 12, 26), TWO_DAYS_ON), // Boxing Day
    ];
  },
};

/**
 * The public holidays (and their observed days) that fall in `year`, including an observed day of
 * the next year's holiday (New Year's Day on a Saturday is observed on 31 December in the US).
 */
export function holidayDates(country: CalendarCountry, year: number): IsoDate[] {
  const days = [year - 1, year, year + 1].flatMap(RULES[country]);
  const prefix = `${String(year).padStart(4, '0')}-`;
  return [...new Set(days.map(iso))].filter((d) => d.startsWith(prefix)).sort();
}
