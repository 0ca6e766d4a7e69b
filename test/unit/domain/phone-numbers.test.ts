import { execFileSync } from 'node:child_process';
import {
  countryOfNumber,
  isE164,
  isTollFree,
  NANP_TOLL_FREE_AREA_CODES,
  normalizePhoneNumber,
  numberBelongsToCountry,
} from '../../../domain';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+14155552671', undefined, '+14155552671', 'US'],
    ['(415) 555-2671', 'US', '+14155552671', 'US'],
    ['415.555.2671', 'US', '+14155552671', 'US'],
    ['1 415 555 2671', 'US', '+14155552671', 'US'],
    ['tel:+1-415-555-2671', undefined, '+14155552671', 'US'],
    ['+1 613 555 0123', undefined, '+16135550123', 'CA'],
    ['02 9374 4000', 'AU', '+61293744000', 'AU'],
    ['+61 412 345 678', undefined, '+61412345678', 'AU'],
    ['+1 800 555 1234', undefined, '+18005551234', 'US'],
  ])('%s (default %s) -> %s in %s', (input, defaultCountry, e164, country) => {
    expect(normalizePhoneNumber(input, defaultCountry)).toEqual({ ok: true, e164, country });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [undefined, 'empty'],
    [14155552671, 'empty'],
    ['abc', 'not_a_phone_number'],
    ['+1 415 555 2671 x12', 'has_extension'],
    ['+1415555267', 'invalid_number'],
    ['+141555526711', 'invalid_number'],
    ['+15555550100', 'invalid_number'],
  ])('%p is refused: %s', (input, reason) => {
    expect(normalizePhoneNumber(input)).toEqual({ ok: false, reason });
  });

  it('ignores a default country it does not know instead of throwing', () => {
    expect(normalizePhoneNumber('4155552671', 'XX')).toEqual({ ok: false, reason: 'not_a_phone_number' });
    expect(normalizePhoneNumber('+14155552671', 'not a country')).toMatchObject({ ok: true });
  });
});

describe('isE164', () => {
  it('accepts only valid numbers written exactly in E.164', () => {
    expect(isE164('+14155552671')).toBe(true);
    expect(isE164('+61293744000')).toBe(true);
    for (const bad of [
      '14155552671',
      '+1 415 555 2671',
      '+1-415-555-2671',
      '+1415555267',
      '+04155552671',
      ' +14155552671',
      undefined,
      14155552671,
    ]) {
      expect(isE164(bad)).toBe(false);
    }
  });
});

describe('country of a number', () => {
  it('reads the country from the number', () => {
    expect(countryOfNumber('+14155552671')).toBe('US');
    expect(countryOfNumber('+16135550123')).toBe('CA');
    expect(countryOfNumber('+61293744000')).toBe('AU');
    expect(countryOfNumber('+442071838750')).toBe('GB');
    expect(countryOfNumber('nonsense')).toBeUndefined();
  });

  it('keeps porting inside one country', () => {
    expect(numberBelongsToCountry('+14155552671', 'US')).toBe(true);
    expect(numberBelongsToCountry('+14155552671', 'CA')).toBe(false);
    expect(numberBelongsToCountry('+16135550123', 'CA')).toBe(true);
    expect(numberBelongsToCountry('+16135550123', 'US')).toBe(false);
    expect(numberBelongsToCountry('+61293744000', 'AU')).toBe(true);
    expect(numberBelongsToCountry('+442071838750', 'US')).toBe(false);
    expect(numberBelongsToCountry('garbage', 'US')).toBe(false);
  });

  it('lets NANP toll-free numbers into US and CA orders, not AU ones', () => {
    expect(numberBelongsToCountry('+18005551234', 'US')).toBe(true);
    expect(numberBelongsToCountry('+18005551234', 'CA')).toBe(true);
    expect(numberBelongsToCountry('+18005551234', 'AU')).toBe(false);
  });

  it('counts US territories (Puerto Rico, USVI, Guam) as US numbers', () => {
    expect(numberBelongsToCountry('+17875551234', 'US')).toBe(true);
    expect(numberBelongsToCountry('+13405551234', 'US')).toBe(true);
    expect(numberBelongsToCountry('+16715551234', 'US')).toBe(true);
    expect(numberBelongsToCountry('+17875551234', 'CA')).toBe(false);
  });
});

describe('isTollFree', () => {
  it.each(NANP_TOLL_FREE_AREA_CODES)('NANP %s numbers are toll-free', (code) => {
    expect(isTollFree(`+1${code}5551234`)).toBe(true);
  });

  it('knows exactly the seven NANP toll-free codes', () => {
    expect([...NANP_TOLL_FREE_AREA_CODES].sort()).toEqual(['800', '833', '844', '855', '866', '877', '888']);
  });

  it('treats local NANP numbers, and reserved codes, as not toll-free', () => {
    expect(isTollFree('+14155552671')).toBe(false);
    expect(isTollFree('+16135550123')).toBe(false);
    expect(isTollFree('+18225551234')).toBe(false); // 822: reserved, not in service
  });

  it('treats AU 1800, 1300 and 13 numbers as toll-free (inbound) numbers', () => {
    expect(isTollFree('+611800123456')).toBe(true);
    expect(isTollFree('+611300123456')).toBe(true);
    expect(isTollFree('+61131234')).toBe(true);
    expect(isTollFree('+61293744000')).toBe(false);
    expect(isTollFree('+61412345678')).toBe(false);
  });

  it('falls back on the number type elsewhere', () => {
    expect(isTollFree('+448001234567')).toBe(true);
    expect(isTollFree('+442071838750')).toBe(false);
  });

  it('is false for anything that is not a number', () => {
    expect(isTollFree('1-800-FLOWERS')).toBe(false);
    expect(isTollFree(undefined)).toBe(false);
  });
});

describe('libphonenumber metadata', () => {
  it('loads with a plain CommonJS require in node (as the worker bundle does)', () => {
    const script =
      "const m = require('libphonenumber-js/max');" +
      "const p = m.parsePhoneNumberFromString('+18005551234');" +
      "process.stdout.write(p.getType() + ' ' + p.country);";
    expect(execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8' })).toBe(
      'TOLL_FREE US',
    );
  });
});
