import { displayInstant, formatInstantInZone } from '../../../domain/time-display';
import { renderEmail } from '../../../notifications/email-templates';
import { renderOrder } from '../../../cli/commands/orders';

describe('instants for people (domain/time-display)', () => {
  it('formats an instant as the wall clock of the given zone, with abbreviation and IANA name', () => {
    // Toronto falls back at 06:00Z on 2026-11-01: 01:30 happens twice, told apart by EDT / EST.
    expect(formatInstantInZone(Date.UTC(2026, 10, 1, 5, 30), 'America/Toronto')).toBe(
      'Sunday, November 1, 2026, 01:30 EDT (America/Toronto)',
    );
    expect(formatInstantInZone(Date.UTC(2026, 10, 1, 6, 30), 'America/Toronto')).toBe(
      'Sunday, November 1, 2026, 01:30 EST (America/Toronto)',
    );
    expect(formatInstantInZone(Date.UTC(2026, 10, 1, 6, 30), 'Australia/Sydney')).toBe(
      'Sunday, November 1, 2026, 17:30 GMT+11 (Australia/Sydney)',
    );
  });

  it('has a short form for tables, from epoch ms, ISO strings or Dates alike', () => {
    // New York midnight of an FOC date in winter: T05:00Z in the API, 00:00 EST for a person.
    const midnight = '2026-12-08T05:00:00.000Z';
    const expected = 'Tue 8 Dec 2026, 00:00 EST (America/New_York)';
    expect(formatInstantInZone(midnight, 'America/New_York', 'short')).toBe(expected);
    expect(formatInstantInZone(Date.parse(midnight), 'America/New_York', 'short')).toBe(expected);
    expect(formatInstantInZone(new Date(midnight), 'America/New_York', 'short')).toBe(expected);
    // Summer: the same wall clock is T04:00Z, and the abbreviation says EDT.
    expect(formatInstantInZone('2026-07-01T04:00:00Z', 'America/New_York', 'short')).toBe(
      'Wed 1 Jul 2026, 00:00 EDT (America/New_York)',
    );
  });

  it('refuses an unknown zone or a value that is no instant', () => {
    expect(() => formatInstantInZone(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => formatInstantInZone('soon', 'America/New_York')).toThrow(RangeError);
  });

  it('displays odd data without failing: UTC named when the zone is unknown, the raw value otherwise', () => {
    expect(displayInstant('2026-12-08T05:00:00Z', 'America/Chicago')).toBe(
      'Mon 7 Dec 2026, 23:00 CST (America/Chicago)',
    );
    expect(displayInstant('2026-12-08T05:00:00Z', undefined)).toBe('Tue 8 Dec 2026, 05:00 UTC (UTC)');
    expect(displayInstant('2026-12-08T05:00:00Z', 'Nowhere/Else')).toBe('Tue 8 Dec 2026, 05:00 UTC (UTC)');
    expect(displayInstant('tomorrow', 'America/Chicago')).toBe('tomorrow');
    expect(displayInstant(undefined, 'America/Chicago')).toBeUndefined();
  });

  it('is what both an email and portctl show for the same instant', () => {
    const zone = 'America/New_York';
    const activation = formatInstantInZone('2026-12-08T05:00:00Z', zone);
    const email = renderEmail({
      kind: 'foc_assigned',
      orderId: 'pio_1',
      to: 'owner@customer.example',
      timeZone: zone,
      phoneNumbers: ['+12125550100'],
      focDate: '2026-12-08',
    });
    expect(email.text).toContain(activation);
    const shown = renderOrder({
      id: 'pio_1',
      accountId: 'acct_1',
      status: 'in_progress',
      timeZone: zone,
      numbers: [
        {
          phoneNumber: '+12125550100',
          status: 'accepted',
          focDate: '2026-12-08',
          activationAt: '2026-12-08T05:00:00.000Z',
        },
      ],
    });
    expect(shown).toContain(formatInstantInZone('2026-12-08T05:00:00Z', zone, 'short'));
    expect(shown).not.toContain('T05:00');
  });
});
