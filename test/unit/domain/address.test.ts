import {
  isOrderTimeZone,
  AU_REGIONS,
  CA_REGIONS,
  isPoBox,
  isValidPostalCode,
  isValidRegion,
  isValidTimeZone,
  normalizePostalCode,
  orderTimeZone,
  regionCode,
  timeZoneForAddress,
  US_REGIONS,
} from '../../../domain';

describe('isPoBox', () => {
  it.each([
    'PO Box 123',
    'P.O. Box 123',
    'P. O. Box 123',
    'P O Box 123',
    'p.o.box 123',
    'PO BOX 123',
    'po box',
    'PO. Box 7',
    'P0 Box 12', // a zero for the letter O
    'POBox 123',
    'POBOX123',
    'P.O.Box123',
    'Post Office Box 9',
    'post office box',
    'Postal Box 44',
    'Postbox 5',
    'POB 123',
    'P.O.B. 123',
    'P O B 45',
    'Box 123',
    'BOX #45',
    'Box No. 12',
    'PO Box 12, Station A',
    'GPO Box 1234',
    'Locked Bag 5',
    'Private Bag 12',
    'Case postale 123',
    'C.P. 456',
    'Boîte postale 8',
    'Suite 5, PO Box 9',
    'PO\u00a0Box 9',
  ])('%p is a post office box', (line) => {
    expect(isPoBox(line)).toBe(true);
  });

  it.each([
    '123 Main Street',
    'Boxwood Ave',
    '12 Boxwood Ave',
    'Poplar Blvd',
    '55 Poplar Blvd',
    'Pobox Street', // a glued "pobox" counts only with a box number after it
    '1 Post Office Square',
    '12 Post Road',
    '123 Box Elder Rd',
    'Box Canyon Road',
    '500 Boxer Way',
    'Apollo Blvd',
    '44 Expo Boxing Lane',
    'RR 2 Box 15', // rural-route boxes are what the carrier holds: not refused here
    'PMB 45', // private mailbox: follows a street address, not a PO box
    '123 Main St PMB 45',
    'Pobrecito Drive',
    '',
  ])('%p is not a post office box', (line) => {
    expect(isPoBox(line)).toBe(false);
  });

  it('is false for non-strings', () => {
    expect(isPoBox(undefined)).toBe(false);
    expect(isPoBox(42)).toBe(false);
  });
});

describe('postal codes', () => {
  it.each([
    ['94105', 'US', '94105'],
    ['94105-1234', 'US', '94105-1234'],
    ['941051234', 'US', '94105-1234'],
    [' 02134 ', 'US', '02134'],
    ['K1A 0B1', 'CA', 'K1A 0B1'],
    ['k1a0b1', 'CA', 'K1A 0B1'],
    ['M5V 3L9', 'CA', 'M5V 3L9'],
    ['2000', 'AU', '2000'],
    ['0800', 'AU', '0800'],
    ['2600', 'AU', '2600'],
    ['0200', 'AU', '0200'],
  ])('%p is valid in %s (%s)', (code, country, normalized) => {
    expect(isValidPostalCode(code, country)).toBe(true);
    expect(normalizePostalCode(code, country)).toBe(normalized);
  });

  it.each([
    ['9410', 'US'],
    ['941051', 'US'],
    ['94105-12', 'US'],
    ['00000', 'US'],
    ['ABCDE', 'US'],
    ['K1A 0B1', 'US'],
    ['94105', 'CA'],
    ['D1A 0B1', 'CA'], // D is never used
    ['W1A 0B1', 'CA'], // W never starts a code
    ['K1O 0B1', 'CA'], // nor is O used
    ['K1A-0B1', 'CA'],
    ['200', 'AU'],
    ['20000', 'AU'],
    ['0100', 'AU'], // unallocated range
    ['0500', 'AU'],
    ['94105', 'GB'],
    ['', 'US'],
  ])('%p is not valid in %s', (code, country) => {
    expect(isValidPostalCode(code, country)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidPostalCode(94105, 'US')).toBe(false);
    expect(isValidPostalCode(undefined, 'US')).toBe(false);
  });
});

describe('regions', () => {
  it('accepts codes and names in any case', () => {
    expect(regionCode('ny', 'US')).toBe('NY');
    expect(regionCode('New York', 'US')).toBe('NY');
    expect(regionCode('U.S. Virgin Islands', 'US')).toBe('VI');
    expect(regionCode(' ON ', 'CA')).toBe('ON');
    expect(regionCode('Québec', 'CA')).toBeUndefined(); // accents: use the code
    expect(regionCode('Quebec', 'CA')).toBe('QC');
    expect(regionCode('new south wales', 'AU')).toBe('NSW');
  });

  it('refuses regions of another country', () => {
    expect(isValidRegion('ON', 'US')).toBe(false);
    expect(isValidRegion('NY', 'CA')).toBe(false);
    expect(isValidRegion('NY', 'GB')).toBe(false);
    expect(isValidRegion('constructor', 'US')).toBe(false);
    expect(isValidRegion(undefined, 'US')).toBe(false);
  });

  it('has every US state and DC, every CA province and territory, every AU state and territory', () => {
    expect(Object.keys(US_REGIONS)).toHaveLength(51 + 5);
    expect(Object.keys(CA_REGIONS).sort()).toEqual([
      'AB',
      'BC',
      'MB',
      'NB',
      'NL',
      'NS',
      'NT',
      'NU',
      'ON',
      'PE',
      'QC',
      'SK',
      'YT',
    ]);
    expect(Object.keys(AU_REGIONS).sort()).toEqual(['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA']);
  });

  it('maps every region to a real IANA zone', () => {
    for (const regions of [US_REGIONS, CA_REGIONS, AU_REGIONS]) {
      for (const { timeZone } of Object.values(regions)) expect(isValidTimeZone(timeZone)).toBe(true);
    }
  });
});

describe('timeZoneForAddress', () => {
  it.each([
    ['NY', 'US', 'America/New_York'],
    ['CA', 'US', 'America/Los_Angeles'],
    ['AZ', 'US', 'America/Phoenix'],
    ['HI', 'US', 'Pacific/Honolulu'],
    // regions spanning zones: the most populous one
    ['TX', 'US', 'America/Chicago'],
    ['FL', 'US', 'America/New_York'],
    ['IN', 'US', 'America/Indiana/Indianapolis'],
    ['TN', 'US', 'America/Chicago'],
    ['KY', 'US', 'America/New_York'],
    ['ID', 'US', 'America/Boise'],
    ['PR', 'US', 'America/Puerto_Rico'],
    ['ON', 'CA', 'America/Toronto'],
    ['QC', 'CA', 'America/Toronto'],
    ['NS', 'CA', 'America/Halifax'],
    ['NL', 'CA', 'America/St_Johns'],
    ['SK', 'CA', 'America/Regina'],
    ['BC', 'CA', 'America/Vancouver'],
    ['NSW', 'AU', 'Australia/Sydney'],
    ['ACT', 'AU', 'Australia/Sydney'],
    ['QLD', 'AU', 'Australia/Brisbane'],
    ['WA', 'AU', 'Australia/Perth'],
    ['NT', 'AU', 'Australia/Darwin'],
    ['NT', 'CA', 'America/Edmonton'],
  ] as const)('%s, %s -> %s', (region, country, zone) => {
    expect(timeZoneForAddress({ region, country })).toBe(zone);
  });

  it('is undefined for an unknown region', () => {
    expect(timeZoneForAddress({ region: 'ZZ', country: 'US' })).toBeUndefined();
    expect(timeZoneForAddress({ region: 'NSW', country: 'US' })).toBeUndefined();
  });

  it('lets the order override the zone of its address', () => {
    const serviceAddress = { region: 'TX', country: 'US' as const };
    expect(orderTimeZone({ serviceAddress })).toBe('America/Chicago');
    expect(orderTimeZone({ serviceAddress, timeZone: 'America/Denver' })).toBe('America/Denver'); // El Paso
  });
});

describe('an invalid zone override', () => {
  const serviceAddress = { region: 'IL', country: 'US' as const };
  test('is no order zone: the address gives the zone, so no date computed in it can throw', () => {
    expect(isOrderTimeZone('Mars/Olympus')).toBe(false);
    expect(isOrderTimeZone('UTC')).toBe(false);
    expect(isOrderTimeZone('America/Denver')).toBe(true);
    expect(orderTimeZone({ serviceAddress, timeZone: 'Mars/Olympus' })).toBe('America/Chicago');
  });
});
