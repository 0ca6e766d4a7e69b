import fc from 'fast-check';
import {
  activationInstant,
  addBusinessDays,
  addDays,
  businessDaysLater,
  dayOfWeek,
  endOfBusinessInstant,
  isBusinessDay,
  isPublicHoliday,
  isValidIsoDate,
  isValidTimeZone,
  localDate,
  parseIsoDate,
  publicHolidays,
  zonedInstant,
  zoneOffsetMs,
} from '../../../domain';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('activationInstant: midnight of the FOC date in the service address zone', () => {
  it.each([
    // New York: DST starts Sunday 9 March 2025 at 02:00, ends Sunday 2 November 2025 at 02:00.
    ['America/New_York', '2025-03-08', '2025-03-08T05:00:00Z'],
    ['America/New_York', '2025-03-09', '2025-03-09T05:00:00Z'],
    ['America/New_York', '2025-03-10', '2025-03-10T04:00:00Z'],
    ['America/New_York', '2025-11-01', '2025-11-01T04:00:00Z'],
    ['America/New_York', '2025-11-02', '2025-11-02T04:00:00Z'],
    ['America/New_York', '2025-11-03', '2025-11-03T05:00:00Z'],
    ['America/Toronto', '2025-03-09', '2025-03-09T05:00:00Z'],
    ['America/Toronto', '2025-03-10', '2025-03-10T04:00:00Z'],
    ['America/Halifax', '2025-03-09', '2025-03-09T04:00:00Z'],
    ['America/Halifax', '2025-03-10', '2025-03-10T03:00:00Z'],
    ['America/Halifax', '2025-11-03', '2025-11-03T04:00:00Z'],
    ['America/St_Johns', '2025-07-01', '2025-07-01T02:30:00Z'],
    ['America/Regina', '2025-03-10', '2025-03-10T06:00:00Z'],
    // Sydney (southern hemisphere): DST ends Sunday 6 April 2025 at 03:00, starts Sunday 5 October at 02:00.
    ['Australia/Sydney', '2025-04-05', '2025-04-04T13:00:00Z'],
    ['Australia/Sydney', '2025-04-06', '2025-04-05T13:00:00Z'],
    ['Australia/Sydney', '2025-04-07', '2025-04-06T14:00:00Z'],
    ['Australia/Sydney', '2025-10-05', '2025-10-04T14:00:00Z'],
    ['Australia/Sydney', '2025-10-06', '2025-10-05T13:00:00Z'],
    ['Australia/Brisbane', '2025-10-06', '2025-10-05T14:00:00Z'],
  ])('%s %s -> %s', (zone, focDate, expected) => {
    expect(activationInstant(focDate, zone)).toBe(utc(expected));
  });

  it('gives 23 h and 25 h days across the New York DST changes', () => {
    const length = (date: string) =>
      activationInstant(addDays(date, 1), 'America/New_York') - activationInstant(date, 'America/New_York');
    expect(length('2025-03-09')).toBe(23 * HOUR);
    expect(length('2025-11-02')).toBe(25 * HOUR);
    expect(length('2025-06-10')).toBe(24 * HOUR);
  });

  it('is the first instant of the local date, for any date and any zone we serve', () => {
    const zones = [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'America/Anchorage',
      'Pacific/Honolulu',
      'America/Toronto',
      'America/Halifax',
      'America/St_Johns',
      'America/Vancouver',
      'Australia/Sydney',
      'Australia/Adelaide',
      'Australia/Perth',
      'Australia/Darwin',
      'Australia/Hobart',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2040-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (d, zone) => {
          const focDate = d.toISOString().slice(0, 10);
          const t = activationInstant(focDate, zone);
          expect(localDate(t, zone)).toBe(focDate);
          expect(localDate(t - 1, zone)).toBe(addDays(focDate, -1));
        },
      ),
    );
  });

  it('moves a midnight that does not exist (Santiago springs forward at 00:00) to 01:00', () => {
    expect(activationInstant('2024-09-08', 'America/Santiago')).toBe(utc('2024-09-08T04:00:00Z'));
  });
});

describe('zonedInstant in DST gaps and overlaps', () => {
  it('pushes a wall time inside the spring-forward gap forward by the gap (02:30 -> 03:30 EDT)', () => {
    expect(zonedInstant('2025-03-09', 2, 30, 'America/New_York')).toBe(utc('2025-03-09T07:30:00Z'));
  });

  it('takes the earlier of two instants when the wall time occurs twice (01:30 EDT, not EST)', () => {
    expect(zonedInstant('2025-11-02', 1, 30, 'America/New_York')).toBe(utc('2025-11-02T05:30:00Z'));
    expect(zonedInstant('2025-04-06', 2, 30, 'Australia/Sydney')).toBe(utc('2025-04-05T15:30:00Z'));
  });

  it('reads the offset of a zone at an instant', () => {
    expect(zoneOffsetMs(utc('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffsetMs(utc('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffsetMs(utc('2025-01-15T12:00:00Z'), 'Australia/Sydney')).toBe(11 * HOUR);
  });
});

describe('endOfBusinessInstant: 17:00 local on the FOC date', () => {
  it.each([
    ['America/New_York', '2025-01-15', '2025-01-15T22:00:00Z'],
    ['America/New_York', '2025-03-10', '2025-03-10T21:00:00Z'],
    ['America/Toronto', '2025-11-03', '2025-11-03T22:00:00Z'],
    ['Australia/Sydney', '2025-04-07', '2025-04-07T07:00:00Z'],
    ['Australia/Sydney', '2025-01-15', '2025-01-15T06:00:00Z'],
  ])('%s %s -> %s', (zone, date, expected) => {
    expect(endOfBusinessInstant(date, zone)).toBe(utc(expected));
  });
});

describe('business days', () => {
  it.each([
    ['2025-06-06', 1, 'US', '2025-06-09'], // Friday -> Monday
    ['2025-06-07', 0, 'US', '2025-06-09'], // Saturday: the next business day
    ['2025-06-09', 0, 'US', '2025-06-09'],
    ['2025-06-02', 5, 'US', '2025-06-09'],
    ['2025-11-26', 1, 'US', '2025-11-28'], // US Thanksgiving (Thursday 27 November)
    ['2026-07-02', 1, 'US', '2026-07-06'], // 4 July 2026 is a Saturday: observed Friday 3 July
    ['2025-07-03', 1, 'US', '2025-07-07'], // Independence Day, then the weekend
    ['2025-06-30', 1, 'CA', '2025-07-02'], // Canada Day
    ['2025-06-30', 1, 'US', '2025-07-01'],
    ['2025-05-16', 1, 'CA', '2025-05-20'], // Victoria Day, Monday 19 May
    ['2025-05-16', 1, 'US', '2025-05-19'],
    ['2025-10-10', 1, 'CA', '2025-10-14'], // Canadian Thanksgiving, Monday 13 October
    ['2025-12-24', 1, 'CA', '2025-12-29'], // Christmas and Boxing Day
    ['2025-12-24', 1, 'US', '2025-12-26'],
    ['2025-04-17', 1, 'AU', '2025-04-22'], // Good Friday to Easter Monday
  ] as const)('%s + %p business days in %s = %s', (date, count, country, expected) => {
    expect(addBusinessDays(date, count, country)).toBe(expected);
  });

  it('knows weekends and public holidays', () => {
    expect(isBusinessDay('2025-06-07', 'US')).toBe(false); // Saturday
    expect(isBusinessDay('2025-06-08', 'CA')).toBe(false); // Sunday
    expect(isBusinessDay('2025-06-09', 'US')).toBe(true);
    expect(isBusinessDay('2025-06-19', 'US')).toBe(false); // Juneteenth
    expect(isBusinessDay('2025-06-19', 'CA')).toBe(true);
    expect(isBusinessDay('2025-07-01', 'CA')).toBe(false);
    expect(isBusinessDay('2025-01-27', 'AU')).toBe(false); // Australia Day, observed Monday
  });

  it('observes Canadian fixed-date holidays that fall on a weekend on the next weekday', () => {
    expect(isBusinessDay('2023-07-03', 'CA')).toBe(false); // Canada Day 2023 was a Saturday
    expect(isBusinessDay('2022-12-26', 'CA')).toBe(false); // Christmas 2022 was a Sunday
    expect(isBusinessDay('2022-12-27', 'CA')).toBe(false); // ... so Boxing Day moved to Tuesday
    expect(isBusinessDay('2022-12-28', 'CA')).toBe(true);
  });

  it('keeps the federal (Canada Labour Code) holidays for Canada', () => {
    for (const date of ['2025-09-30', '2025-11-11', '2025-12-26', '2025-04-18', '2025-09-01']) {
      expect(isPublicHoliday(date, 'CA')).toBe(true);
    }
    expect(isPublicHoliday('2025-08-04', 'CA')).toBe(false); // Civic Holiday is provincial, optional
  });

  it('finds an observed holiday that falls in the previous year', () => {
    expect(publicHolidays('US', 2021).has('2021-12-31')).toBe(true); // New Year 2022 was a Saturday
  });

  it('never lands on a non-business day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('US' as const, 'CA' as const, 'AU' as const),
        (d, count, country) => {
          const start = d.toISOString().slice(0, 10);
          const result = addBusinessDays(start, count, country);
          expect(isBusinessDay(result, country)).toBe(true);
          expect(result >= start).toBe(true);
        },
      ),
    );
  });

  it('keeps the local wall time when counting business days across a DST change', () => {
    const fridayTenAm = zonedInstant('2025-03-07', 10, 0, 'America/New_York');
    expect(businessDaysLater(fridayTenAm, 1, 'US', 'America/New_York')).toBe(utc('2025-03-10T14:00:00Z'));
  });
});

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-1-01',
      '20250101',
      '',
      20250101,
      null,
      undefined,
      '2025-06-01T00:00',
    ]) {
      expect(isValidIsoDate(bad)).toBe(false);
    }
    expect(() => parseIsoDate('2025-02-30')).toThrow(RangeError);
  });

  it('handles years below 100 (Date.UTC would read them as 19xx)', () => {
    expect(isValidIsoDate('0099-12-31')).toBe(true);
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
  });

  it('adds days across month and year ends, and knows the weekday', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(dayOfWeek('2025-06-02')).toBe(1);
  });

  it('checks IANA zone names', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
