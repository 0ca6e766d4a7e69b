/**
 * The port-date rule and the options listed from it (domain/port-dates.ts): one rule for intake, the
 * workflow's port-date change and GET …/port-date-options, so every date listed is accepted by both.
 */
import {
  addDays,
  CARRIER_LEAD_BUSINESS_DAYS,
  isBusinessDay,
  portDateIssues,
  portDateOptions,
  validateSubmission,
  zonedInstant,
} from '../../../domain';
import { DEFAULT_FOC_LEAD_BUSINESS_DAYS, grantedFocDate } from '../../../carrier-simulator/foc';
import { lookupsFor, TODAY, validCanadianDraft, validContext, validDraft } from './fixtures';

const reasons = (date: unknown, rule: Parameters<typeof portDateIssues>[1]) =>
  portDateIssues(date, rule).map((i) => i.reason);

describe('portDateIssues', () => {
  const us = { country: 'US' as const, today: TODAY }; // Monday 2 June 2025

  it('accepts a business day after today', () => {
    expect(reasons('2025-06-03', us)).toEqual([]);
  });

  it.each([
    ['2025-06-07', 'a Saturday'],
    ['2025-06-19', 'Juneteenth'],
    ['2025-07-04', 'Independence Day'],
    ['2025-12-25', 'Christmas'],
  ])('refuses %s (%s)', (date) => {
    expect(reasons(date, us)).toEqual(['not_business_day']);
  });

  it('uses the holidays of the order’s country', () => {
    expect(reasons('2025-06-19', { ...us, country: 'CA' })).toEqual([]);
    expect(reasons('2026-05-18', { country: 'CA', today: TODAY })).toEqual(['not_business_day']); // Victoria Day
    expect(reasons('2026-01-26', { country: 'AU', today: TODAY })).toEqual(['not_business_day']); // Australia Day
  });

  it('refuses today and the past, and names every reason of a past weekend day', () => {
    expect(reasons(TODAY, us)).toEqual(['not_in_future']);
    expect(reasons('2025-05-31', us)).toEqual(['not_business_day', 'not_in_future']);
  });

  it('refuses a date before the FOC the carrier granted, not the FOC itself', () => {
    const rule = { ...us, focDate: '2025-06-10' };
    expect(reasons('2025-06-09', rule)).toEqual(['before_foc']);
    expect(reasons('2025-06-10', rule)).toEqual([]);
  });

  it.each(['2025-02-30', '16/06/2025', 20250616, undefined])('refuses %p as not a date', (date) => {
    expect(reasons(date, us)).toEqual(['not_a_date']);
  });
});

describe('portDateOptions', () => {
  it('starts at the carrier’s lead time and lists every business day to the horizon', () => {
    const options = portDateOptions({ country: 'US', today: TODAY });
    expect(options.earliest).toBe('2025-06-05'); // Monday + 3 business days
    expect(options.latest).toBe(addDays(TODAY, 60));
    expect(options.dates[0]).toBe('2025-06-05');
    const all: string[] = [];
    for (let d = options.earliest; d <= options.latest; d = addDays(d, 1))
      if (isBusinessDay(d, 'US')) all.push(d);
    expect(options.dates).toEqual(all);
    expect(options.dates).not.toContain('2025-06-07'); // Saturday
    expect(options.dates).not.toContain('2025-06-19'); // Juneteenth
    expect(options.dates).not.toContain('2025-07-04');
    expect(options.holidays).toEqual(['2025-06-19', '2025-07-04']);
  });

  it('counts the lead time in business days, past weekends and holidays', () => {
    // Wednesday 2 July 2025: Thursday 3, (Friday 4 July), Monday 7, Tuesday 8.
    expect(portDateOptions({ country: 'US', today: '2025-07-02' }).earliest).toBe('2025-07-08');
    // A Saturday counts from Monday, as carriers count a request received on a weekend.
    expect(portDateOptions({ country: 'US', today: '2025-06-07' }).earliest).toBe('2025-06-12');
    // Canada: Victoria Day (Monday 18 May 2026) is no business day.
    expect(portDateOptions({ country: 'CA', today: '2026-05-15' }).earliest).toBe('2026-05-21');
  });

  it('is the FOC date the carrier simulator grants for a request sent today', () => {
    expect(CARRIER_LEAD_BUSINESS_DAYS).toBe(DEFAULT_FOC_LEAD_BUSINESS_DAYS);
    for (const today of ['2025-06-02', '2025-07-02', '2025-06-07', '2025-12-24']) {
      const noonInNewYork = zonedInstant(today, 12, 0, 'America/New_York');
      expect(portDateOptions({ country: 'US', today }).earliest).toBe(
        grantedFocDate(noonInNewYork, 'US', DEFAULT_FOC_LEAD_BUSINESS_DAYS),
      );
    }
  });

  it('once an FOC is granted, starts at it with no lead time', () => {
    const options = portDateOptions({ country: 'US', today: TODAY, focDate: '2025-06-04' });
    expect(options.earliest).toBe('2025-06-04');
    expect(options.dates[0]).toBe('2025-06-04');
    // An FOC already reached: from tomorrow.
    expect(portDateOptions({ country: 'US', today: TODAY, focDate: TODAY }).dates[0]).toBe('2025-06-03');
  });

  it('lists only dates the intake rule accepts as the requested port date', () => {
    for (const [draft, ctx, country] of [
      [validDraft(), validContext(), 'US'],
      [validCanadianDraft(), validContext({ lookups: lookupsFor(['+16135550123']) }), 'CA'],
    ] as const) {
      const { dates } = portDateOptions({ country, today: TODAY });
      expect(dates.length).toBeGreaterThan(30);
      for (const requestedPortDate of dates)
        expect(validateSubmission({ ...draft, requestedPortDate }, ctx).problems).toEqual([]);
    }
  });

  it('lists nothing the change rule refuses, and leaves out nothing it accepts after the FOC', () => {
    const rule = { country: 'US' as const, today: TODAY, focDate: '2025-06-12' };
    const { dates, latest } = portDateOptions(rule);
    for (let d = addDays(TODAY, -3); d <= latest; d = addDays(d, 1))
      expect({ d, listed: dates.includes(d) }).toEqual({ d, listed: portDateIssues(d, rule).length === 0 });
  });
});
