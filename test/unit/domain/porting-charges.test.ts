/**
 * Rulebook section 2: US and Canadian ports are free; a port elsewhere carries a one-time charge per
 * number (support's quote, else the schedule's), and a port outside business hours an extra fee.
 */
import {
  DEFAULT_PORTING_CHARGE_SCHEDULE,
  internationalChargeCents,
  portingCharges,
  quotedChargeProblems,
  type PortingChargeSchedule,
} from '../../../domain';

const US = ['+12025550101', '+12025550102'];
const AU = ['+61255501234', '+61255501235'];

describe('porting charges (rulebook section 2)', () => {
  it.each(['US', 'CA'])('a plain %s port is free', (country) => {
    expect(portingCharges({ country, phoneNumbers: US })).toEqual([]);
    expect(internationalChargeCents({ country, quotedPortingChargeCents: 99_00 })).toBe(0);
  });

  it('a port outside the US and Canada carries the schedule’s one-time charge per number', () => {
    expect(portingCharges({ country: 'AU', phoneNumbers: AU })).toEqual([
      { phoneNumber: AU[0], kind: 'international_port', feeCents: 25_00 },
      { phoneNumber: AU[1], kind: 'international_port', feeCents: 25_00 },
    ]);
  });

  it('support’s quote replaces the schedule’s amount (zero: no line)', () => {
    expect(portingCharges({ country: 'AU', phoneNumbers: AU, quotedPortingChargeCents: 42_50 })).toEqual([
      { phoneNumber: AU[0], kind: 'international_port', feeCents: 42_50 },
      { phoneNumber: AU[1], kind: 'international_port', feeCents: 42_50 },
    ]);
    expect(portingCharges({ country: 'AU', phoneNumbers: AU, quotedPortingChargeCents: 0 })).toEqual([]);
  });

  it('an after-hours port adds its fee per number, in the US as elsewhere (international first)', () => {
    expect(portingCharges({ country: 'US', phoneNumbers: US, afterHoursPort: true })).toEqual([
      { phoneNumber: US[0], kind: 'after_hours_port', feeCents: 50_00 },
      { phoneNumber: US[1], kind: 'after_hours_port', feeCents: 50_00 },
    ]);
    expect(portingCharges({ country: 'AU', phoneNumbers: [AU[0]], afterHoursPort: true })).toEqual([
      { phoneNumber: AU[0], kind: 'international_port', feeCents: 25_00 },
      { phoneNumber: AU[0], kind: 'after_hours_port', feeCents: 50_00 },
    ]);
    expect(portingCharges({ country: 'US', phoneNumbers: US, afterHoursPort: false })).toEqual([]);
  });

  it('the schedule is configurable: per country, a default for the others, the after-hours fee', () => {
    const schedule: PortingChargeSchedule = {
      currency: 'USD',
      internationalCentsByCountry: { AU: 30_00 },
      internationalDefaultCents: 70_00,
      afterHoursCents: 120_00,
    };
    expect(internationalChargeCents({ country: 'AU' }, schedule)).toBe(30_00);
    expect(internationalChargeCents({ country: 'NZ' }, schedule)).toBe(70_00);
    expect(
      portingCharges({ country: 'CA', phoneNumbers: ['+16135550123'], afterHoursPort: true }, schedule),
    ).toEqual([{ phoneNumber: '+16135550123', kind: 'after_hours_port', feeCents: 120_00 }]);
    expect(DEFAULT_PORTING_CHARGE_SCHEDULE.currency).toBe('USD');
  });

  describe('who may quote the charge, and where', () => {
    it('nothing quoted: no problem for anyone', () => {
      expect(quotedChargeProblems({ country: 'AU' }, 'customer')).toEqual([]);
    });
    it('support quotes an AU port', () => {
      expect(quotedChargeProblems({ country: 'AU', quotedPortingChargeCents: 25_00 }, 'support')).toEqual([]);
    });
    it.each(['customer', 'ops'])('%s may not set it', (role) => {
      expect(quotedChargeProblems({ country: 'AU', quotedPortingChargeCents: 1 }, role)).toEqual([
        expect.objectContaining({ code: 'porting_charge_staff_only', field: 'quotedPortingChargeCents' }),
      ]);
    });
    it.each(['US', 'CA'])('a %s port has nothing to quote', (country) => {
      expect(quotedChargeProblems({ country, quotedPortingChargeCents: 1 }, 'support')).toEqual([
        expect.objectContaining({ code: 'porting_charge_not_applicable', field: 'quotedPortingChargeCents' }),
      ]);
    });
  });
});
