/**
 * The spec validator the e2e client runs on every response must be able to fail: wrong types, fields
 * the spec does not list, undocumented statuses and content types are all reported.
 */
import { createResponseValidator } from '../../support/openapi-validator';

const { check, assertConforms } = createResponseValidator();
const json = (status: number, body: unknown, type = 'application/json') => ({
  status,
  headers: { 'content-type': `${type}; charset=utf-8` },
  body,
  text: JSON.stringify(body),
});

const quote = {
  currency: 'USD',
  numbers: [
    {
      phoneNumber: '+12125550147',
      window: 'foc_72h_or_more',
      feeCents: 1300,
      allowedRoles: ['customer', 'support'],
      hoursUntilPort: 100,
    },
  ],
  totalCents: 1300,
  allowed: true,
};
const QUOTE_URL = 'http://127.0.0.1:3000/v1/port-in-orders/pio_1/cancellation-quote?phoneNumbers=%2B1';

test('a body that matches the documented schema passes, with the path template and query resolved', () => {
  expect(check('GET', QUOTE_URL, json(200, quote))).toEqual([]);
  expect(() => assertConforms('get', QUOTE_URL, json(200, quote))).not.toThrow();
});

test('a wrong type, a missing field, a value outside an enum and an undocumented field are each reported', () => {
  const { allowed: _allowed, ...withoutAllowed } = quote;
  const wrong = {
    ...withoutAllowed,
    totalCents: '1300',
    numbers: [{ ...quote.numbers[0], window: 'someday' }],
    leaked: 'x',
  };
  const problems = check('GET', QUOTE_URL, json(200, wrong));
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringContaining('/totalCents must be integer'),
      expect.stringContaining("must have required property 'allowed'"),
      expect.stringContaining('/numbers/0/window must be equal to one of the allowed values'),
      expect.stringContaining('must NOT have additional properties: leaked'),
    ]),
  );
  expect(() => assertConforms('GET', QUOTE_URL, json(200, wrong))).toThrow(
    /does not match the OpenAPI spec: GET .*cancellation-quote.* → 200/,
  );
});

test('formats are checked: an order with a malformed date-time fails', () => {
  const order = {
    id: 'pio_1',
    accountId: 'acct_1',
    status: 'draft',
    country: 'US',
    timeZone: 'America/New_York',
    needsAttention: false,
    waitingFor: [],
    authorizedPerson: {},
    serviceAddress: { line1: '1 Main St', city: 'NYC', region: 'NY', postalCode: '10001', country: 'US' },
    losingCarrier: {},
    notificationEmail: 'a@example.test',
    configuration: { capabilities: 'voice' },
    documents: [],
    phoneNumbers: ['+12125550147'],
    numbers: [],
    fees: [],
    totalFeesCents: 0,
    afterHoursPort: false,
    portingCharges: [],
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
  expect(check('GET', '/v1/port-in-orders/pio_1', json(200, order))).toEqual([]);
  expect(check('GET', '/v1/port-in-orders/pio_1', json(200, { ...order, createdAt: 'yesterday' }))).toEqual([
    expect.stringContaining('/createdAt must match format "date-time"'),
  ]);
});

test('an undocumented route, method or body, and a wrong content type, are reported', () => {
  expect(check('GET', '/v1/nowhere', json(404, {}))).toEqual(['/v1/nowhere is not a documented path']);
  expect(check('PATCH', '/healthz', json(200, { status: 'ok' }))).toEqual([
    'PATCH /healthz is not documented (and the answer is no 405 with Allow)',
  ]);
  // A method the path does not serve is answered 405 with Allow: that is the documented behaviour.
  const notAllowed = { type: 't', title: 'x', status: 405, code: 'method_not_allowed' };
  expect(
    check('PATCH', '/healthz', {
      ...json(405, notAllowed, 'application/problem+json'),
      headers: { 'content-type': 'application/problem+json', allow: 'GET, HEAD' },
    }),
  ).toEqual([]);
  expect(check('DELETE', '/v1/port-in-orders/pio_1', { status: 204, headers: {}, text: 'surprise' })).toEqual(
    [expect.stringContaining('documented without a body')],
  );
  const problem = { type: 't', title: 'x', status: 404, code: 'not_found' };
  expect(check('GET', '/v1/port-in-orders/pio_1', json(404, problem, 'application/problem+json'))).toEqual(
    [],
  );
  expect(check('GET', '/v1/port-in-orders/pio_1', json(404, problem))).toEqual([
    expect.stringContaining('content type "application/json" is not documented'),
  ]);
});

test('an error status a route does not list is reported: the document has no catch-all default', () => {
  const problem = { type: 't', title: 'x', status: 500, code: 'internal_error' };
  expect(check('GET', '/v1/port-in-orders', json(500, problem, 'application/problem+json'))).toEqual([
    'status 500 is not documented for GET /v1/port-in-orders',
  ]);
  expect(check('GET', '/healthz', json(503, problem, 'application/problem+json'))).toEqual([
    'status 503 is not documented for GET /healthz',
  ]);
  // A documented problem must still have the problem shape.
  expect(check('GET', '/v1/port-in-orders', json(400, { oops: true }, 'application/problem+json'))).toEqual(
    expect.arrayContaining([expect.stringContaining("must have required property 'code'")]),
  );
});
