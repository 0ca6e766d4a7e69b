/** The order list's filters and slot cursors (api/list-queries.ts, api/pagination.ts), without a store. */
import { createdWindow, orderMatches, type ListedOrder } from '../../../api/list-queries';
import { positionCursor, readPosition } from '../../../api/pagination';
import { HttpProblem } from '../../../api/problems';
import { createFieldCipher, DEV_FIELD_KEY } from '../../../security/field-crypto';

const cipher = createFieldCipher(DEV_FIELD_KEY);
const order: ListedOrder = {
  accountId: 'acct_1',
  status: 'in_progress',
  phoneNumbers: ['+12125550100', '+12125550101'],
  customerReference: 'ref-7',
  focDates: ['2027-02-15', '2027-05-01'],
  createdAt: new Date('2026-06-10T08:00:00Z'),
};

test('each filter applies to the stored order, all of them together', () => {
  expect(orderMatches(order, {})).toBe(true);
  expect(orderMatches(order, { accountId: 'acct_2' })).toBe(false);
  expect(orderMatches(order, { status: 'in_progress', phoneNumber: '+12125550101' })).toBe(true);
  expect(orderMatches(order, { status: 'draft' })).toBe(false);
  expect(orderMatches(order, { phoneNumber: '+12125550199' })).toBe(false);
  expect(orderMatches(order, { customerReference: 'ref-8' })).toBe(false);
  expect(
    orderMatches(order, { createdFrom: '2026-06-10T08:00:00Z', createdTo: '2026-06-10T10:00:00+02:00' }),
  ).toBe(true);
  expect(orderMatches(order, { createdFrom: '2026-06-10T08:00:00.001Z' })).toBe(false);
  expect(orderMatches(order, { createdTo: '2026-06-10T07:59:59.999Z' })).toBe(false);
});

test('an FOC range needs one single date inside it, not dates on both sides', () => {
  expect(orderMatches(order, { focDateFrom: '2027-03-01', focDateTo: '2027-03-31' })).toBe(false);
  expect(orderMatches(order, { focDateFrom: '2027-05-01' })).toBe(true);
  expect(orderMatches(order, { focDateTo: '2027-02-15' })).toBe(true);
  expect(orderMatches(order, { focDateTo: '2027-02-14' })).toBe(false);
  expect(orderMatches({ ...order, focDates: [] }, { focDateFrom: '2020-01-01' })).toBe(false);
});

test('a created range skips newer slots, stops at older ones, and starts a first page at its end', () => {
  const window = createdWindow('2026-06-10T00:00:00Z', '2026-06-11T00:00:00Z');
  expect(window.byTime!(new Date('2026-06-10T12:00:00Z'))).toBeUndefined();
  expect(window.byTime!(new Date('2026-06-12T00:00:00Z'))).toBe('skip');
  expect(window.byTime!(new Date('2026-06-09T00:00:00Z'))).toBe('stop');
  // Within a minute of either end: read (a slot is claimed just before its item is written).
  expect(window.byTime!(new Date('2026-06-09T23:59:30Z'))).toBeUndefined();
  expect(window.byTime!(new Date('2026-06-11T00:00:30Z'))).toBeUndefined();
  expect(window.startAtOrBefore).toBe(Date.parse('2026-06-11T00:01:00Z'));
  expect(createdWindow()).toEqual({});
  expect(createdWindow('2026-06-10T00:00:00Z').startAtOrBefore).toBeUndefined();
});

test('a slot cursor opens only with the filters it was issued for', () => {
  const scope = { accountId: 'acct_1', status: 'draft' };
  const cursor = positionCursor(cipher, scope, 41)!;
  expect(readPosition(cipher, scope, cursor)).toBe(41);
  expect(readPosition(cipher, scope, undefined)).toBeUndefined();
  expect(positionCursor(cipher, scope, null)).toBeNull();
  for (const [s, c] of [
    [{ ...scope, status: 'completed' }, cursor],
    [scope, 'garbage'],
    [scope, positionCursor(cipher, scope, 0)!],
  ] as const) {
    let thrown: unknown;
    try {
      readPosition(cipher, s, c);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(HttpProblem);
    expect((thrown as HttpProblem).code).toBe('invalid_cursor');
  }
});
