import { formatCalendarDate, formatNumberList, formatUsdCents } from '../../../notifications/email-format';
import { cleanSubject, escapeHtml } from '../../../notifications/email-layout';

describe('email formatting', () => {
  it('formats fees from integer cents', () => {
    expect(formatUsdCents(0)).toBe('$0.00');
    expect(formatUsdCents(13_00)).toBe('$13.00');
    expect(formatUsdCents(98_00 * 2 + 520_00)).toBe('$716.00');
    expect(formatUsdCents(104_000_00)).toBe('$104,000.00');
    expect(() => formatUsdCents(12.5)).toThrow(RangeError);
  });

  it('formats a calendar date without shifting it through a zone', () => {
    expect(formatCalendarDate('2026-01-01')).toBe('Thursday, January 1, 2026');
    expect(() => formatCalendarDate('2026-02-30')).toThrow(RangeError);
  });

  it('joins numbers for sentences', () => {
    expect(formatNumberList([])).toBe('');
    expect(formatNumberList(['+1'])).toBe('+1');
    expect(formatNumberList(['+1', '+2', '+3'])).toBe('+1, +2 and +3');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('folds a subject onto one line', () => {
    expect(cleanSubject(' a\r\n\tb  c ')).toBe('a b c');
  });
});
