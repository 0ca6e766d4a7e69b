/**
 * The store access of a whole order, from intake to completed, through the API, the carrier's events
 * and the worker's activities: every query on a collection that grows with each order names a string
 * `_id` (the only thing FerretDB serves from an index; docs/store.md). A query by any other field
 * there is a scan whose cost grows with every order ever stored, and fails this test.
 */
import { localDate } from '../../domain/calendar';
import { workflowIdFor } from '../../workflows/messages';
import { api, carrierEvent, eventually } from '../support/api-client';
import { submittedOrder } from '../support/order-fixtures';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const stack = useStack({ autoAnswer: false });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

interface Query {
  collection: string;
  method: string;
  filters: unknown[];
}

/** The filters a mongoose call carries (bulk writes carry one per operation; inserts none). */
function filtersOf(method: string, args: unknown[]): unknown[] {
  if (method === 'bulkWrite')
    return (args[0] as Record<string, { filter?: unknown }>[]).flatMap((op) =>
      Object.values(op).map((o) => o.filter),
    );
  if (/^insert|^create/.test(method)) return [];
  return [args[0]];
}

const servedByIdIndex = (filter: unknown) =>
  typeof filter === 'object' && filter !== null && typeof (filter as { _id?: unknown })._id === 'string';

test('an order from draft to completed queries the growing collections by _id only', async () => {
  const queries: Query[] = [];
  const connection = stack.store.connection;
  connection.set('debug', (collection: string, method: string, ...args: unknown[]) =>
    queries.push({ collection, method, filters: filtersOf(method, args) }),
  );
  try {
    const customer = api(stack.apiUrl, KEYS.customerKey);
    const support = api(stack.apiUrl, KEYS.supportKey);
    const endpoint = await customer.put('/v1/webhook-endpoint').send({ url: receiver.url });
    expect(endpoint.status).toBe(200);
    const phoneNumber = '+12125550611';
    const orderId = await submittedOrder(customer, phoneNumber);
    expect((await support.post(`/v1/port-in-orders/${orderId}/review`, { decision: 'approve' })).status).toBe(
      200,
    );
    await eventually(
      () => customer.get(`/v1/port-in-orders/${orderId}`),
      (r) => r.body.numbers[0]?.status === 'submitted_to_carrier',
    );
    // Comments (issue #14): the counter, then each comment, by _id; support's is told to the customer.
    for (const [who, body] of [
      [customer, 'a question'],
      [support, 'an answer'],
    ] as const)
      expect((await who.post(`/v1/port-in-orders/${orderId}/comments`, { body })).status).toBe(201);
    expect((await customer.get(`/v1/port-in-orders/${orderId}/comments`)).body.data).toHaveLength(2);
    const focDate = localDate(Date.now(), 'America/New_York');
    const accepted = { type: 'number.accepted', orderId, phoneNumbers: [phoneNumber], focDate };
    expect((await carrierEvent(stack.apiUrl, CARRIER_SECRET, accepted)).status).toBe(202);
    await eventually(
      () => customer.get(`/v1/port-in-orders/${orderId}`),
      (r) => r.body.numbers[0]?.activated === true,
    );
    const ported = { type: 'number.ported', orderId, phoneNumbers: [phoneNumber] };
    expect((await carrierEvent(stack.apiUrl, CARRIER_SECRET, ported)).status).toBe(202);
    await eventually(
      () => customer.get(`/v1/port-in-orders/${orderId}`),
      (r) => r.body.status === 'completed',
    );
    expect((await customer.get(`/v1/port-in-orders/${orderId}/events`)).status).toBe(200);
    await stack.client.workflow.getHandle(workflowIdFor(orderId)).result();
    // The list pages, filtered and not, for a customer and for staff: slots and items by _id.
    const listed = [
      '/v1/port-in-orders',
      `/v1/port-in-orders?status=completed&phoneNumber=${encodeURIComponent(phoneNumber)}&limit=5`,
      `/v1/port-in-orders?createdFrom=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`,
      `/v1/webhook-deliveries?orderId=${orderId}`,
      '/v1/webhook-deliveries?limit=2',
    ];
    for (const path of listed) {
      const page = await customer.get(path);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeGreaterThan(0);
    }
    const ofOrder = await customer.get(
      `/v1/port-in-orders?status=completed&phoneNumber=${encodeURIComponent(phoneNumber)}`,
    );
    expect(ofOrder.body.data.map((o: { id: string }) => o.id)).toEqual([orderId]);
    const staff = await support.get('/v1/port-in-orders?limit=3');
    expect(staff.status).toBe(200);
    // Staff without an account read everyone's list; a second page (when there is one) too.
    expect(staff.body.data.map((o: { id: string }) => o.id)).toContain(orderId);
    if (staff.body.nextCursor)
      expect((await support.get(`/v1/port-in-orders?limit=3&cursor=${staff.body.nextCursor}`)).status).toBe(
        200,
      );
    expect((await support.get('/v1/webhook-deliveries?limit=3')).body.data.length).toBeGreaterThan(0);
  } finally {
    connection.set('debug', false);
  }

  // Small, fixed collections (accounts, API keys) may be read any way; everything else grows per order.
  const growing = queries.filter((q) => !['accounts', 'api_keys'].includes(q.collection));
  expect(growing.length).toBeGreaterThan(20); // the capture saw the API and the activities
  const collections = new Set(growing.map((q) => q.collection));
  for (const c of [
    'list_entries',
    'port_in_orders',
    'port_in_order_events',
    'notifications',
    'number_holds',
    'active_numbers',
    'port_in_order_comments',
    'port_in_order_comment_counters',
  ])
    expect(collections).toContain(c);
  const scans = growing.flatMap((q) =>
    q.filters
      .filter((f) => !servedByIdIndex(f))
      .map((f) => `${q.collection}.${q.method}(${JSON.stringify(f)})`),
  );
  expect(scans).toEqual([]);
}, 180_000);
