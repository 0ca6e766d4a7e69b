/** The review queue's "time left" on the 24 h promise (console/src/pages/support/time-left.ts). */
import { timeLeft } from '../../../console/src/pages/support/time-left';

const now = Date.parse('2026-12-07T10:00:00Z');

test('hours and minutes left before the deadline, rounded down', () => {
  expect(timeLeft('2026-12-08T09:59:30Z', now)).toEqual({ words: '23 h 59 min left', overdue: false });
  expect(timeLeft('2026-12-07T10:45:00Z', now)).toEqual({ words: '45 min left', overdue: false });
  expect(timeLeft('2026-12-07T10:00:00Z', now)).toEqual({ words: '0 min left', overdue: false });
});

test('past the deadline: overdue by how much', () => {
  expect(timeLeft('2026-12-07T07:30:00Z', now)).toEqual({ words: 'overdue by 2 h 30 min', overdue: true });
  expect(timeLeft('2026-12-07T09:59:00Z', now)).toEqual({ words: 'overdue by 1 min', overdue: true });
});
