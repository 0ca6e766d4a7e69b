import {
  isPoBox,
  normalizeAccountNumber,
  normalizeBusinessName,
  normalizePostalCode,
  sameBusiness,
  samePerson,
  sameServiceAddress,
  toE164,
} from '../../../carrier-simulator/normalize';
import type { ServiceAddress } from '../../../domain/order';

describe('name comparison', () => {
  it('ignores case, accents, punctuation and middle names', () => {
    expect(
      samePerson(
        { firstName: 'EMILIE', lastName: 'tremblay' },
        { firstName: 'Émilie', lastName: 'Tremblay' },
      ),
    ).toBe(true);
    expect(
      samePerson({ firstName: 'Mary Ann', lastName: "O'Neil" }, { firstName: 'Mary', lastName: 'ONeil' }),
    ).toBe(true);
    expect(
      samePerson(
        { firstName: 'Ann', lastName: 'Smith-Jones' },
        { firstName: 'Ann', lastName: 'Smith Jones' },
      ),
    ).toBe(true);
  });

  it('still tells different people apart, and never matches empty names', () => {
    expect(
      samePerson({ firstName: 'Jordan', lastName: 'Rivera' }, { firstName: 'Jordan', lastName: 'Rivers' }),
    ).toBe(false);
    expect(
      samePerson({ firstName: 'Alex', lastName: 'Rivera' }, { firstName: 'Jordan', lastName: 'Rivera' }),
    ).toBe(false);
    expect(samePerson({}, {})).toBe(false);
  });

  it('compares business names without their legal form', () => {
    expect(normalizeBusinessName('Harbor Dental Group, L.L.C.')).toBe('harbor dental group');
    expect(sameBusiness('The Koala Cafe Pty. Ltd.', 'Koala Cafe Pty Ltd')).toBe(true);
    expect(sameBusiness('Doe & Sons Inc', 'DOE AND SONS')).toBe(true);
    expect(sameBusiness('Harbor Dental', 'Harbor Dental Group LLC')).toBe(false);
    expect(sameBusiness('LLC', 'Inc')).toBe(false);
  });
});

describe('service address comparison', () => {
  const onFile: ServiceAddress = {
    line1: '1500 SW Broadway',
    line2: 'Suite 300',
    city: 'Portland',
    region: 'OR',
    postalCode: '97201',
    country: 'US',
  };

  it('accepts postal abbreviations, unit designators, case and ZIP+4', () => {
    expect(
      sameServiceAddress(
        {
          ...onFile,
          line1: '1500 southwest broadway #300',
          line2: undefined,
          postalCode: '97201-1234',
          region: 'or',
        },
        onFile,
      ),
    ).toBe(true);
    expect(sameServiceAddress({ ...onFile, line1: '1500 S.W. Broadway', line2: 'Ste. 300' }, onFile)).toBe(
      true,
    );
  });

  it('reads French street words and accents (Québec)', () => {
    const montreal: ServiceAddress = {
      line1: '250 Rue Saint-Paul Ouest',
      city: 'Montréal',
      region: 'QC',
      postalCode: 'H2Y 2A3',
      country: 'CA',
    };
    expect(
      sameServiceAddress(
        { ...montreal, line1: '250 rue St-Paul W', city: 'Montreal', postalCode: 'h2y2a3' },
        montreal,
      ),
    ).toBe(true);
  });

  it('refuses another street number, suite, city, region or ZIP', () => {
    expect(sameServiceAddress({ ...onFile, line1: '1502 SW Broadway' }, onFile)).toBe(false);
    expect(sameServiceAddress({ ...onFile, line2: 'Suite 301' }, onFile)).toBe(false);
    expect(sameServiceAddress({ ...onFile, city: 'Salem' }, onFile)).toBe(false);
    expect(sameServiceAddress({ ...onFile, region: 'WA' }, onFile)).toBe(false);
    expect(sameServiceAddress({ ...onFile, postalCode: '97202' }, onFile)).toBe(false);
  });

  it.each([
    'PO Box 12',
    'P.O. Box 12',
    'p o box 12',
    'POBox 12',
    'Post Office Box 12',
    'POB 12',
    'P.O.B. 12',
    'pobox12',
  ])('treats %s as a PO box, which never matches', (line1) => {
    expect(isPoBox({ line1 })).toBe(true);
    expect(sameServiceAddress({ ...onFile, line1 }, { ...onFile, line1 })).toBe(false);
  });

  it.each(['12 Poplar Street', '1 Boxwood Lane', '7 Post Road'])(
    'does not mistake %s for a PO box',
    (line1) => {
      expect(isPoBox({ line1 })).toBe(false);
    },
  );

  it('normalises postal codes per country and refuses malformed ones', () => {
    expect(normalizePostalCode('62701-0001', 'US')).toBe('62701');
    expect(normalizePostalCode('6270', 'US')).toBeUndefined();
    expect(normalizePostalCode('v6e 3p3', 'CA')).toBe('V6E3P3');
    expect(normalizePostalCode('V6E', 'CA')).toBeUndefined();
    expect(normalizePostalCode('2000', 'AU')).toBe('2000');
    expect(normalizePostalCode('20000', 'AU')).toBeUndefined();
  });
});

describe('account numbers and phone numbers', () => {
  it('compares account numbers without spacing, dashes or case', () => {
    expect(normalizeAccountNumber(' pbt 4410-2231 ')).toBe(normalizeAccountNumber('PBT-4410-2231'));
  });

  it('reads national numbers in the order country', () => {
    expect(toE164('(217) 555-0100', 'US')).toBe('+12175550100');
    expect(toE164('02 5550 1234', 'AU')).toBe('+61255501234');
    expect(toE164('12', 'US')).toBeUndefined();
    expect(toE164(undefined, 'US')).toBeUndefined();
  });
});
