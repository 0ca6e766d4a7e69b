/**
 * The walking skeleton on real servers: through the API, create and submit a one-number order; the
 * workflow carries it through review, carrier submission, acceptance with an FOC date of today,
 * activation, the carrier's port confirmation, capability tests and completion.
 */
import { execFileSync } from 'node:child_process';
import { localDate } from '../../domain/calendar';
import { binaries } from '../../scripts/servers/processes';
import { workflowIdFor } from '../../workflows/messages';
import { api, carrierEvent, eventually, orderBody } from '../support/api-client';
import { CARRIER_SECRET, KEYS, startStack, type Stack } from '../support/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

let stack: Stack;
let receiver: WebhookReceiver;
beforeAll(async () => {
  stack = await startStack({ autoAnswer: false });
  receiver = await startWebhookReceiver();
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
}, 60_000);

test('one number: draft → submitted → reviewed → accepted (FOC today) → activated → ported → completed', async () => {
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const support = api(stack.apiUrl, KEYS.supportKey);
  const today = localDate(Date.now(), 'America/New_York');

  const endpoint = await api(stack.apiUrl, KEYS.customerKey)
    .put('/v1/webhook-endpoint')
    .send({ url: receiver.url });
  expect(endpoint.status).toBe(200);
  receiver.secret = endpoint.body.secret;

  const created = await customer.post('/v1/port-in-orders', orderBody());
  expect(created.status).toBe(201);
  const orderId: string = created.body.orders[0].id;
  expect(created.body.orders[0].phoneNumbers).toEqual(['+12125550147']); // a draft shows its numbers
  expect(created.body.orders[0].losingCarrier.pin).not.toContain('4321'); // masked
  const phoneNumber: string = created.body.orders[0].draft?.numbers?.[0]?.phoneNumber ?? '+12125550147';

  expect(
    (
      await customer.upload(`/v1/port-in-orders/${orderId}/documents`, {
        kind: 'loa',
        loaTemplate: 'standard',
        signerName: 'Ada Lovelace',
      })
    ).status,
  ).toBe(201);
  expect(
    (await customer.upload(`/v1/port-in-orders/${orderId}/documents`, { kind: 'bill', issuedOn: today }))
      .status,
  ).toBe(201);

  const submitted = await customer.post(`/v1/port-in-orders/${orderId}/submit`);
  expect(submitted.body).toMatchObject({
    status: 'in_review',
    numbers: [{ phoneNumber, status: 'in_review', activated: false }],
  });
  expect(submitted.status).toBe(202);

  const reviewed = await support.post(`/v1/port-in-orders/${orderId}/review`, { decision: 'approve' });
  expect(reviewed.status).toBe(200);

  await eventually(
    () => customer.get(`/v1/port-in-orders/${orderId}`),
    (r) => r.body.status === 'in_progress' && r.body.numbers[0]?.status === 'submitted_to_carrier',
  );
  expect((await customer.get(`/v1/port-in-orders/${orderId}`)).body.review).toBe('approved');

  const accepted = { type: 'number.accepted', orderId, phoneNumbers: [phoneNumber], focDate: today };
  expect((await carrierEvent(stack.apiUrl, CARRIER_SECRET, accepted, `evt_accept_${orderId}`)).status).toBe(
    202,
  );
  // The carrier retries a delivery: same webhook-id, no second signal.
  const replayed = await carrierEvent(stack.apiUrl, CARRIER_SECRET, accepted, `evt_accept_${orderId}`);
  expect(replayed.status).toBe(200);
  expect(replayed.body.status).toBe('duplicate');
  // FOC today: its midnight has passed, so the number is activated at once.
  await eventually(
    () => customer.get(`/v1/port-in-orders/${orderId}`),
    (r) => r.body.numbers[0]?.activated === true,
  );
  expect(
    (
      await carrierEvent(stack.apiUrl, CARRIER_SECRET, {
        type: 'number.ported',
        orderId,
        phoneNumbers: [phoneNumber],
      })
    ).status,
  ).toBe(202);

  const done = await eventually(
    () => customer.get(`/v1/port-in-orders/${orderId}`),
    (r) => r.body.status === 'completed',
  );
  expect(done.body.numbers[0]).toMatchObject({ phoneNumber, status: 'completed', focDate: today });

  const stored = await stack.store.models.Order.findById(orderId).lean();
  expect(stored?.status).toBe('completed');
  const active = await customer.get('/v1/active-numbers');
  expect(active.body.data.map((n: { phoneNumber: string }) => n.phoneNumber)).toContain(phoneNumber);

  // The read model says completed as soon as the last number is; the workflow itself ends once its
  // notices (the completion email) have gone out.
  const result = await stack.client.workflow.getHandle(workflowIdFor(orderId)).result();
  expect(result.status).toBe('completed');
  const described = JSON.parse(
    execFileSync(
      binaries.temporal(),
      [
        'workflow',
        'describe',
        '--address',
        stack.temporalAddress,
        '--workflow-id',
        workflowIdFor(orderId),
        '--output',
        'json',
      ],
      { encoding: 'utf8' },
    ),
  );
  expect(described.workflowExecutionInfo.status).toMatch(/COMPLETED/);

  await stack.mail.waitFor((m) => m.to.includes('ada@example.test') && /complete/i.test(m.subject), 10_000);

  // The same events reached the customer's webhook, signed with the account's secret.
  const completedHook = await receiver.waitFor(
    (e) => e.type === 'port_in_order.completed' && e.data.orderId === orderId,
  );
  expect(completedHook.verified).toBe(true);
  const log = await customer.get(`/v1/webhook-deliveries?orderId=${orderId}`);
  expect(log.body.data.map((d: { type: string }) => d.type)).toContain('port_in_order.completed');
  const delivery = log.body.data.find((d: { type: string }) => d.type === 'port_in_order.completed');
  expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
  const republished = await customer.post(
    `/v1/webhook-deliveries/${encodeURIComponent(delivery.id)}/republish`,
  );
  expect(republished.status).toBe(200);
  const copies = receiver.events.filter((e) => e.id === completedHook.id);
  expect(copies).toHaveLength(2); // same event id both times: receivers de-duplicate on it
  expect(
    (
      await api(stack.apiUrl, KEYS.opsKey).post(
        `/v1/webhook-deliveries/${encodeURIComponent(delivery.id)}/republish`,
      )
    ).status,
  ).toBe(403);
}, 180_000);
