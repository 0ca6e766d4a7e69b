import {
  formatDate,
  formatInstant,
  formatMoney,
  NUMBER_STATUSES,
  ORDER_STATUSES,
  rejectionReason,
  STATUS_WORDS,
  statusTone,
} from '../../../console/src/lib/format';
import { REJECTION_CODES } from '../../../domain/rejection-codes';

test('money: USD cents as dollars', () => {
  expect(formatMoney(1300)).toBe('$13.00');
  expect(formatMoney(0)).toBe('$0.00');
  expect(formatMoney(52_000)).toBe('$520.00');
});

test('an instant on the order’s wall clock, the zone named (as emails and portctl write it)', () => {
  expect(formatInstant('2026-12-08T05:00:00.000Z', 'America/New_York')).toBe(
    'Tue 8 Dec 2026, 00:00 EST (America/New_York)',
  );
  expect(formatInstant('2026-07-01T07:00:00.000Z', 'America/Los_Angeles')).toBe(
    'Wed 1 Jul 2026, 00:00 PDT (America/Los_Angeles)',
  );
  expect(formatInstant(undefined, 'America/New_York')).toBe('—');
});

test('a calendar date keeps its day whatever the machine’s zone', () => {
  expect(formatDate('2026-12-08')).toBe('Tue 8 Dec 2026');
  expect(formatDate(undefined)).toBe('—');
  expect(formatDate('not a date')).toBe('not a date');
});

test('every status of the rulebook has words, and nothing else does', () => {
  const all = [...new Set([...NUMBER_STATUSES, ...ORDER_STATUSES])].sort();
  expect(Object.keys(STATUS_WORDS).sort()).toEqual(all);
  expect(statusTone('completed')).toBe('good');
  expect(statusTone('rejected')).toBe('bad');
  expect(statusTone('ported_sms_inactive')).toBe('warn');
});

test('every rejection code has its meaning and remedy', () => {
  for (const code of REJECTION_CODES) expect(rejectionReason(code)?.remedy).toEqual(expect.any(String));
  expect(rejectionReason('nonsense')).toBeUndefined();
});
