/**
 * The demo carrier (carrier-simulator/demo-profile.ts): the README's "Try it" relies on its range
 * granting today's FOC in the order's zone at any hour, and its "Other outcomes" table on one
 * number per rejection code. SCENARIOS.md's demo table is checked against the code here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoGrant, demoLine, demoRejectionNumber } from '../../../carrier-simulator/demo-profile';
import { lookupNumber } from '../../../carrier-simulator/lookup';
import { SEED_RECORDS } from '../../../carrier-simulator/seed';
import { decidePortRequest, type PortRequestDetails } from '../../../carrier-simulator/validation';
import { REJECTION_CODES } from '../../../domain/rejection-codes';

/** The README's "Try it" order, as the carrier receives it. */
const tryIt: PortRequestDetails = {
  country: 'US',
  authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
  serviceAddress: {
    line1: '350 Fifth Avenue',
    city: 'New York',
    region: 'NY',
    postalCode: '10118',
    country: 'US',
  },
  accountNumber: '987654321',
  pin: '4321',
};
const decide = (phoneNumber: string, details = tryIt) => {
  const [d] = decidePortRequest(details, [phoneNumber], SEED_RECORDS);
  return d.outcome === 'accept' ? 'accept' : d.reasonCode;
};

describe('the demo carrier', () => {
  it('owns +1 347 555 0100 to 0132 and no seeded number', () => {
    expect(demoLine('+13475550099')).toBeUndefined();
    expect(demoLine('+13475550100')).toEqual({ outcome: 'today' });
    expect(demoLine('+13475550119')).toEqual({ outcome: 'today' });
    expect(demoLine('+13475550120')).toEqual({
      outcome: 'reject',
      reasonCode: 'unsatisfactory_business_relationship',
    });
    expect(demoLine('+13475550132')).toEqual({
      outcome: 'reject',
      reasonCode: 'incorrect_service_account_number',
    });
    expect(demoLine('+13475550133')).toBeUndefined();
    expect(demoLine('+134755501000')).toBeUndefined();
    const seeded = SEED_RECORDS.flatMap((r) => r.numbers.map((n) => n.phoneNumber));
    expect(seeded.filter((n) => demoLine(n))).toEqual([]);
  });

  it('answers the LNP look-up as a portable landline of the demo carrier', () => {
    expect(lookupNumber('+13475550100', SEED_RECORDS)).toEqual({
      phoneNumber: '+13475550100',
      country: 'US',
      lineType: 'landline',
      losingCarrier: 'Demo Express Telephone',
      portableAtCarrier: true,
    });
    expect(lookupNumber('+13475550129', SEED_RECORDS).portableAtCarrier).toBe(true);
    expect(lookupNumber('+13475550140', SEED_RECORDS).losingCarrier).toBe('Simulated Telco');
  });

  it('accepts the README order on its "today" range, and still needs a complete request', () => {
    expect(decide('+13475550100')).toBe('accept');
    expect(decide('+13475550100', { ...tryIt, authorizedPerson: {} })).toBe('name_mismatch');
    expect(decide('+13475550100', { ...tryIt, country: 'CA' })).toBe('data_mismatch');
  });

  it.each(REJECTION_CODES.map((code) => [code]))('rejects the README order with %s on its number', (code) => {
    expect(decide(demoRejectionNumber(code))).toBe(code);
  });

  it("grants today's date in the service address's zone at any hour, with the port at once", () => {
    // Friday 2025-03-07 23:30 in Los Angeles is already Saturday in New York.
    const lateInLosAngeles = Date.parse('2025-03-08T07:30:00Z');
    const california = { region: 'CA', country: 'US' as const };
    expect(demoGrant(lateInLosAngeles, 'US', california)).toEqual({
      focDate: '2025-03-07',
      portsAtOnce: true,
    });
    expect(demoGrant(lateInLosAngeles, 'US', tryIt.serviceAddress)).toEqual({
      focDate: '2025-03-08', // a Saturday: today is today, business day or not
      portsAtOnce: true,
    });
    // Just after midnight in New York.
    expect(demoGrant(Date.parse('2025-03-07T05:01:00Z'), 'US', tryIt.serviceAddress).focDate).toBe(
      '2025-03-07',
    );
  });

  it('grants a later requested port date as asked (next business day), ported the usual way', () => {
    const at = Date.parse('2025-03-07T15:00:00Z');
    expect(demoGrant(at, 'US', tryIt.serviceAddress, '2025-03-08')).toEqual({
      focDate: '2025-03-10',
      portsAtOnce: false,
    });
    expect(demoGrant(at, 'US', tryIt.serviceAddress, '2025-03-06')).toEqual({
      focDate: '2025-03-07',
      portsAtOnce: true,
    });
  });

  it('is documented in SCENARIOS.md row by row', () => {
    const doc = readFileSync(path.join(__dirname, '../../../carrier-simulator/SCENARIOS.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Demo carrier'), doc.indexOf('## Other outcomes'));
    const rows = [...section.matchAll(/^\| (\+1347555\d{4})(?: to (\+1347555\d{4}))? \| (.+) \|$/gm)];
    const documented = rows.map(([, first, last, outcome]) => ({
      first,
      last: last ?? first,
      outcome:
        /^rejected `(\w+)`$/.exec(outcome)?.[1] ?? (outcome.includes("today's FOC") ? 'today' : outcome),
    }));
    expect(documented).toEqual([
      { first: '+13475550100', last: '+13475550119', outcome: 'today' },
      ...REJECTION_CODES.map((code) => ({
        first: demoRejectionNumber(code),
        last: demoRejectionNumber(code),
        outcome: code,
      })),
    ]);
  });
});
