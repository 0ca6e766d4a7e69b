import { zonedInstant } from '../../../domain/calendar';
import {
  CARRIER_TIME_ZONES,
  PORT_HOUR,
  checkNewPortDate,
  grantedFocDate,
  portDueAt,
} from '../../../carrier-simulator/foc';

/** An instant at a wall-clock time of the carrier's zone for the country. */
const at = (date: string, hour: number, country: 'US' | 'CA' | 'AU' = 'US') =>
  zonedInstant(date, hour, 0, CARRIER_TIME_ZONES[country]);

describe('granted FOC date', () => {
  it('is three business days after a weekday submission, skipping the weekend', () => {
    expect(grantedFocDate(at('2025-03-05', 10), 'US', 3)).toBe('2025-03-10'); // Wed → Mon
    expect(grantedFocDate(at('2025-03-07', 10), 'US', 3)).toBe('2025-03-12'); // Fri → Wed
  });

  it('counts a weekend submission as received on Monday', () => {
    expect(grantedFocDate(at('2025-03-08', 10), 'US', 3)).toBe('2025-03-13'); // Sat → received Mon → Thu
    expect(grantedFocDate(at('2025-03-09', 23), 'US', 3)).toBe('2025-03-13'); // Sun late evening
  });

  it("reads the submission day on the carrier's clock, not UTC", () => {
    // 03:00 UTC on Friday is still Thursday evening in New York.
    expect(grantedFocDate(Date.parse('2025-03-07T03:00:00Z'), 'US', 3)).toBe('2025-03-11');
    // ... and already Friday afternoon in Sydney.
    expect(grantedFocDate(Date.parse('2025-03-07T03:00:00Z'), 'AU', 3)).toBe('2025-03-12');
  });

  it('skips US holidays (Independence Day, Thanksgiving) but not Canadian ones in a US order', () => {
    expect(grantedFocDate(at('2025-07-02', 10), 'US', 3)).toBe('2025-07-08'); // Jul 4 skipped
    expect(grantedFocDate(at('2025-11-25', 10), 'US', 3)).toBe('2025-12-01'); // Nov 27 skipped
    expect(grantedFocDate(at('2025-06-27', 10), 'US', 3)).toBe('2025-07-02'); // Jul 1 counts
  });

  it('skips Canadian holidays (Canada Day) but not US ones in a CA order', () => {
    expect(grantedFocDate(at('2025-06-27', 10, 'CA'), 'CA', 3)).toBe('2025-07-03'); // Jul 1 skipped
    expect(grantedFocDate(at('2025-07-02', 10, 'CA'), 'CA', 3)).toBe('2025-07-07'); // Jul 4 counts
  });

  it('honours a later requested date, moved to a business day when it is none', () => {
    expect(grantedFocDate(at('2025-03-07', 10), 'US', 3, '2025-03-20')).toBe('2025-03-20');
    expect(grantedFocDate(at('2025-03-07', 10), 'US', 3, '2025-03-22')).toBe('2025-03-24'); // Sat → Mon
    expect(grantedFocDate(at('2025-07-01', 10), 'US', 3, '2025-07-04')).toBe('2025-07-07'); // holiday → next day
  });

  it('ignores a requested date earlier than the earliest FOC', () => {
    expect(grantedFocDate(at('2025-03-07', 10), 'US', 3, '2025-03-10')).toBe('2025-03-12');
  });

  it('follows the configured lead time', () => {
    expect(grantedFocDate(at('2025-03-07', 10), 'US', 0)).toBe('2025-03-07');
    expect(grantedFocDate(at('2025-03-07', 10), 'US', 5)).toBe('2025-03-14');
  });
});

describe('port time', () => {
  it('is the release hour of a future FOC date plus the port delay', () => {
    const decided = at('2025-03-07', 10);
    expect(portDueAt('2025-03-12', 'US', decided, 2000)).toBe(at('2025-03-12', PORT_HOUR) + 2000);
  });

  it('is the port delay after the decision when the FOC is today or past', () => {
    const decided = at('2025-03-07', 10);
    expect(portDueAt('2025-03-07', 'US', decided, 2000)).toBe(decided + 2000);
    expect(portDueAt('2025-03-01', 'US', decided, 0)).toBe(decided);
  });
});

describe('supp (port date change) checks', () => {
  const now = at('2025-03-07', 10);
  it('accepts a business day on or after the current FOC', () => {
    expect(checkNewPortDate('2025-03-12', '2025-03-12', 'US', now)).toBeUndefined();
    expect(checkNewPortDate('2025-03-14', '2025-03-12', 'US', now)).toBeUndefined();
  });

  it('refuses weekends, holidays, dates before the FOC and past dates', () => {
    expect(checkNewPortDate('2025-03-15', '2025-03-12', 'US', now)).toBe('not_business_day');
    expect(checkNewPortDate('2025-07-04', '2025-03-12', 'US', now)).toBe('not_business_day');
    expect(checkNewPortDate('2025-07-01', '2025-03-12', 'CA', now)).toBe('not_business_day');
    expect(checkNewPortDate('2025-03-11', '2025-03-12', 'US', now)).toBe('before_foc');
    expect(checkNewPortDate('2025-03-06', '2025-03-01', 'US', now)).toBe('in_the_past');
  });
});
