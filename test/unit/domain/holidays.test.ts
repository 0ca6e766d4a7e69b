/**
 * domain/holidays.ts writes out the holiday rules the workflows used to take from the date-holidays
 * package. Every order recorded so far computed its deadlines and FOC checks with the package's
 * sets, so the rules must give exactly the same days (a different day would change a running
 * order's timers on replay): compared here day by day, 1900-2200, for every country we serve.
 */
import Holidays from 'date-holidays';
import { holidayDates } from '../../../domain/holidays';
import { isPublicHoliday, publicHolidays, type CalendarCountry } from '../../../domain/calendar';

/** What domain/calendar.ts added to the package's national CA calendar before the rules moved here. */
const CANADA_LABOUR_CODE_HOLIDAYS: ReadonlyArray<[rule: string, name: string]> = [
  ['01-01 and if saturday,sunday then next monday', "New Year's Day"],
  ['monday before 05-25', 'Victoria Day'],
  ['07-01 and if saturday,sunday then next monday', 'Canada Day'],
  ['09-30 since 2021', 'National Day for Truth and Reconciliation'],
  ['2nd monday in October', 'Thanksgiving'],
  ['11-11', 'Remembrance Day'],
  ['12-25 and if saturday,sunday then next monday', 'Christmas Day'],
  ['12-26 and if saturday then next monday if sunday,monday then next tuesday', 'Boxing Day'],
];

function packageCalendar(country: CalendarCountry): Holidays {
  const hd = new Holidays(country, { types: ['public'] });
  if (country === 'CA')
    for (const [rule, name] of CANADA_LABOUR_CODE_HOLIDAYS)
      hd.setHoliday(rule, { name: { en: name }, type: 'public' });
  return hd;
}

describe.each(['US', 'CA', 'AU'] as const)('%s public holidays', (country) => {
  it('are the days date-holidays gave, every year from 1900 to 2200', () => {
    const hd = packageCalendar(country);
    const differing: string[] = [];
    for (let year = 1900; year <= 2200; year += 1) {
      const expected = [...new Set(hd.getHolidays(year).map((h) => h.date.slice(0, 10)))].sort();
      const actual = holidayDates(country, year);
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        differing.push(`${year}: ${actual.join(' ')} instead of ${expected.join(' ')}`);
    }
    expect(differing).toEqual([]);
  });
});

test('the calendar reads them, observed days included', () => {
  expect(publicHolidays('US', 2021)).toEqual(new Set(holidayDates('US', 2021)));
  expect(isPublicHoliday('2021-12-31', 'US')).toBe(true); // New Year 2022 on a Saturday
  expect(isPublicHoliday('2022-12-27', 'CA')).toBe(true); // Boxing Day after Christmas took the Monday
  expect(isPublicHoliday('2020-01-26', 'AU')).toBe(false); // a Sunday: moved to the Monday
  expect(isPublicHoliday('2020-01-27', 'AU')).toBe(true);
});
