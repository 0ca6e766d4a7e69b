import { normalizeName, normalizeStreet, sameIdentifier, sameName, sameStreet } from '../../../domain';

describe('sameName', () => {
  it.each([
    ['Jane Smith', 'jane smith'],
    ['Jane Smith', 'SMITH, JANE'],
    ['Jane Smith', '  Jane   Smith '],
    ['José Núñez', 'Jose Nunez'],
    ["Mary O'Neil", 'Mary ONeil'],
    ['Acme Inc.', 'ACME Incorporated'],
    ['Acme Widgets LLC', 'Acme Widgets, L.L.C.'],
    ['Smith & Sons Ltd', 'Smith and Sons Limited'],
    ['Acme Corporation', 'Acme Corp.'],
  ])('%p = %p', (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ['Jane Smith', 'John Smith'],
    ['Jane Smith', 'Jane Q. Smith'], // a middle initial on one side is a mismatch for the carrier too
    ['Jane Smith', 'Jane'],
    ['Acme Inc', 'Acme LLC'],
    ['', ''],
  ])('%p != %p', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it('is false when either side is not a string', () => {
    expect(sameName('Jane', undefined)).toBe(false);
    expect(sameName(3, 3)).toBe(false);
  });

  it('sorts words into a canonical form', () => {
    expect(normalizeName('Smith, Jane')).toBe('jane smith');
  });
});

describe('sameStreet', () => {
  it.each([
    ['123 Main Street', '123 MAIN ST.'],
    ['123 N. Main St, Suite 4', '123 North Main Street Ste 4'],
    ['45 Elm Avenue Apt 2', '45 elm ave #2'],
    ['45 Elm Ave Unit 2', '45 Elm Ave, # 2'],
    ['9 Saint Charles Boulevard', '9 St. Charles Blvd'],
    ['1 Fifth Avenue', '1 5th Ave'],
    ['77 Highway 7 West', '77 Hwy 7 W'],
    ['12 Mount Royal Road', '12 Mt Royal Rd'],
    ['Fort Worth', 'Ft. Worth'],
  ])('%p = %p', (a, b) => {
    expect(sameStreet(a, b)).toBe(true);
  });

  it.each([
    ['123 Main Street', '124 Main Street'],
    ['123 Main Street', '123 Main Avenue'],
    ['123 Main Street', '123 Maine Street'],
    ['45 Elm Ave Apt 2', '45 Elm Ave Apt 3'],
  ])('%p != %p', (a, b) => {
    expect(sameStreet(a, b)).toBe(false);
  });

  it('does not read words such as "constructor" from Object.prototype', () => {
    expect(normalizeStreet('1 Constructor Way')).toBe('1 constructor way');
  });
});

describe('sameIdentifier', () => {
  it('ignores case, spaces and separators, but not characters', () => {
    expect(sameIdentifier('ACC-998877', 'acc 998877')).toBe(true);
    expect(sameIdentifier('ACC-998877', 'ACC-998878')).toBe(false);
    expect(sameIdentifier('--', '')).toBe(false);
    expect(sameIdentifier('A1', undefined)).toBe(false);
  });
});
