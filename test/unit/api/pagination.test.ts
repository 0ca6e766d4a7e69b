/** Keyset pagination (api/pagination.ts) and the list query schemas (api/list-queries.ts), without a store. */
import type { z } from 'zod';
import {
  cancellationQuoteQuerySchema,
  CURSOR_MAX_LENGTH,
  CURSOR_PATTERN,
  focDatesFilter,
  listOrdersQuerySchema,
  parseQuery,
  webhookEndpointQuerySchema,
} from '../../../api/list-queries';
import { pageOf, pageQuery, type PageRequest } from '../../../api/pagination';
import { HttpProblem } from '../../../api/problems';
import { createFieldCipher, DEV_FIELD_KEY } from '../../../security/field-crypto';

const cipher = createFieldCipher(DEV_FIELD_KEY);
const SORT = [
  { field: 'createdAt', direction: -1, type: 'date' },
  { field: '_id', direction: -1, type: 'string' },
] as const;
const at = new Date('2026-06-01T12:00:00.000Z');
const items = [
  { _id: 'c', createdAt: at },
  { _id: 'b', createdAt: at },
  { _id: 'a', createdAt: at },
];
const request = (over: Partial<PageRequest> = {}): PageRequest => ({
  sort: SORT,
  scope: { accountId: 'acct_1', status: 'draft' },
  limit: 2,
  ...over,
});

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err instanceof HttpProblem
      ? { status: err.status, code: err.code, fields: err.errors.map((e) => e.field) }
      : err;
  }
  return undefined;
};

test('a page of `limit` items has a cursor when more were read; the next page starts strictly after its last item', () => {
  const first = pageOf(cipher, request(), items);
  expect(first.items.map((i) => i._id)).toEqual(['c', 'b']);
  expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe, opaque
  const { sort, after } = pageQuery(cipher, request({ cursor: first.nextCursor! }));
  expect(sort).toEqual({ createdAt: -1, _id: -1 });
  expect(after).toEqual({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: 'b' } }] });
  expect(pageOf(cipher, request(), items.slice(0, 2)).nextCursor).toBeNull();
  expect(pageOf(cipher, request(), []).nextCursor).toBeNull();
  expect(pageQuery(cipher, request()).after).toBeUndefined();
});

test('an ascending single-key sort pages with $gt', () => {
  const numbers = { sort: [{ field: '_id', direction: 1, type: 'string' }] as const, scope: {}, limit: 1 };
  const { nextCursor } = pageOf(cipher, numbers, [{ _id: '+1' }, { _id: '+2' }]);
  expect(pageQuery(cipher, { ...numbers, cursor: nextCursor! }).after).toEqual({
    $or: [{ _id: { $gt: '+1' } }],
  });
});

test('a malformed, altered or foreign cursor is a 400 naming `cursor`', () => {
  const { nextCursor } = pageOf(cipher, request(), items);
  const cursor = nextCursor!;
  const invalid = { status: 400, code: 'invalid_cursor', fields: ['cursor'] };
  for (const bad of [
    '',
    'garbage',
    `${cursor.slice(0, 10)}${cursor[10] === 'x' ? 'y' : 'x'}${cursor.slice(11)}`,
  ])
    expect(problemOf(() => pageQuery(cipher, request({ cursor: bad })))).toEqual(invalid);
  expect(
    problemOf(() => pageQuery(cipher, request({ cursor, scope: { accountId: 'acct_2', status: 'draft' } }))),
  ).toEqual(invalid);
  expect(problemOf(() => pageQuery(cipher, request({ cursor, sort: [SORT[1]] })))).toEqual(invalid);
  // Another key cannot read or forge it.
  const otherCipher = createFieldCipher('11'.repeat(32));
  expect(problemOf(() => pageQuery(otherCipher, request({ cursor })))).toEqual(invalid);
});

test('list queries: defaults, coercion, and every problem named at once', () => {
  expect(parseQuery(listOrdersQuerySchema, {})).toEqual({ limit: 20 });
  expect(parseQuery(listOrdersQuerySchema, { limit: '100', status: 'in_review' })).toEqual({
    limit: 100,
    status: 'in_review',
  });
  expect(
    problemOf(() =>
      parseQuery(listOrdersQuerySchema, {
        limit: '0',
        status: 'lost',
        createdFrom: '2026-06-02T00:00:00Z',
        createdTo: '2026-06-01T00:00:00Z',
        focDateFrom: '2026-02-30',
      }),
    ),
  ).toEqual({
    status: 400,
    code: 'invalid_query',
    fields: expect.arrayContaining(['limit', 'status', 'focDateFrom']),
  });
  expect(
    problemOf(() =>
      parseQuery(listOrdersQuerySchema, {
        createdFrom: '2026-06-02T00:00:00Z',
        createdTo: '2026-06-01T23:00:00-02:00',
      }),
    ),
  ).toBeUndefined(); // 23:00-02:00 is 01:00Z the next day: in order
});

test('an FOC range with both bounds lists its dates; one bound is a plain comparison', () => {
  expect(focDatesFilter('2027-02-27', '2027-03-02')).toEqual({
    $in: ['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02'],
  });
  expect(focDatesFilter('2027-03-01')).toEqual({ $gte: '2027-03-01' });
  expect(focDatesFilter(undefined, '2027-03-01')).toEqual({ $lte: '2027-03-01' });
  expect(focDatesFilter()).toBeUndefined();
});

test('the query parameters take what the OpenAPI document says, and nothing looser', () => {
  const fieldsOf = (query: Record<string, unknown>, schema: z.ZodType = listOrdersQuerySchema) =>
    (problemOf(() => parseQuery(schema, query)) as { fields?: string[] } | undefined)?.fields;
  // A page size written in digits: no exponent, hex, sign, blank or decimal point; given once.
  for (const limit of ['1e1', '0x10', ' 5', '5.0', '+5', '', ['5', '6']])
    expect(fieldsOf({ limit })).toEqual(['limit']);
  expect(parseQuery(listOrdersQuerySchema, { limit: '007' }).limit).toBe(7);
  // The phone-number filter is E.164; references and ids are bounded like the values they match.
  expect(fieldsOf({ phoneNumber: '(212) 555-0147' })).toEqual(['phoneNumber']);
  expect(fieldsOf({ phoneNumber: '+12125550147' })).toBeUndefined();
  expect(fieldsOf({ customerReference: 'r'.repeat(101) })).toEqual(['customerReference']);
  expect(fieldsOf({ accountId: 'a'.repeat(101) })).toEqual(['accountId']);
  expect(fieldsOf({ status: ['draft', 'in_review'] })).toEqual(['status']);
  expect(fieldsOf({ phoneNumbers: ['+1', '+2'] }, cancellationQuoteQuerySchema)).toEqual(['phoneNumbers']);
  expect(fieldsOf({ accountId: ['a', 'b'] }, webhookEndpointQuerySchema)).toEqual(['accountId']);
  // A cursor is base64url and bounded: anything else is refused before it is even opened.
  expect(fieldsOf({ cursor: 'not/base64url=' })).toEqual(['cursor']);
  expect(fieldsOf({ cursor: 'A'.repeat(CURSOR_MAX_LENGTH + 1) })).toEqual(['cursor']);
});

test('every cursor the API issues fits the documented cursor format, with room to spare', () => {
  // The longest sort values a list has: an order id and a date, or a delivery id (event id + channel).
  const longest = [
    { _id: `pio_${'f'.repeat(20)}`, createdAt: at },
    { _id: `evt_${'e'.repeat(36)}:webhook`, createdAt: at },
  ];
  for (const item of longest) {
    const scope = { accountId: 'a'.repeat(100), status: 'in_review', phoneNumbers: '+123456789012345' };
    const { nextCursor } = pageOf(cipher, { sort: SORT, scope, limit: 1 }, [item, item]);
    expect(nextCursor).toMatch(CURSOR_PATTERN);
    expect(nextCursor!.length).toBeLessThan(CURSOR_MAX_LENGTH / 2);
    expect(parseQuery(listOrdersQuerySchema, { cursor: nextCursor }).cursor).toBe(nextCursor);
  }
});
