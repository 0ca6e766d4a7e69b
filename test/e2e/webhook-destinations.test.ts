/**
 * Issue #17 item 5 end to end: a webhook endpoint cannot reach inside. Registration refuses URLs
 * whose host leads to loopback, private, link-local, CGNAT or metadata addresses; an endpoint that
 * got into the store anyway is refused again at each delivery (workflow and republish), and the
 * receiver behind it gets nothing; WEBHOOK_ALLOWED_HOSTS lets a chosen receiver through. The stack
 * runs with an empty allowlist, so the local receiver is an internal address like any other.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { temporal } from '@temporalio/proto';
import { createFieldCipher, DEV_FIELD_KEY } from '../../security/field-crypto';
import { backfillListSlots } from '../../store/listed-items';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { workflowIdFor } from '../../workflows/messages';
import { api, eventually } from '../support/api-client';
import { createAndSubmit, plainUsOrder, waitForMail } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const stack = useStack({ autoAnswer: false, webhookAllowedHosts: '' });
const cipher = createFieldCipher(DEV_FIELD_KEY);
const SECRET = `whsec_${Buffer.from('e2e-destination-secret-0123456789').toString('base64')}`;
let receiver: WebhookReceiver;
let receiverPort: number;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  receiver.secret = SECRET;
  receiverPort = Number(new URL(receiver.url).port);
});
afterAll(() => receiver?.close());
afterEach(() => {
  process.env.WEBHOOK_ALLOWED_HOSTS = ''; // as the stack started: nothing allowlisted
});

const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);
const storedAccount = () => stack.store.models.Account.findById(DEMO_ACCOUNT_ID).lean();

/** An endpoint written to the store directly, as if registered before the check existed. */
const storeEndpoint = (url: string) =>
  stack.store.models.Account.updateOne(
    { _id: DEMO_ACCOUNT_ID },
    { $set: { webhook: { url, secretSealed: cipher.encrypt(SECRET) } } },
  );

test('registration refuses a URL reaching inside, in any notation or behind a hostname: 422 on `url`, nothing stored', async () => {
  await stack.store.models.Account.updateOne({ _id: DEMO_ACCOUNT_ID }, { $unset: { webhook: 1 } });
  const before = await storedAccount();
  const simulator = new URL(stack.simulatorUrl);
  const refused: [string, RegExp][] = [
    [receiver.url, /^127\.0\.0\.1 is a loopback address$/],
    [`${stack.simulatorUrl}/control/port-requests/x/complete`, /is a loopback address$/],
    [
      `http://localhost:${simulator.port}/control`,
      /^localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    ],
    ['http://2130706433/', /^127\.0\.0\.1 is a loopback address$/],
    [`http://0x7f.1:${receiverPort}/hook`, /^127\.0\.0\.1 is a loopback address$/],
    ['http://[::1]/hook', /^::1 is a loopback address$/],
    ['http://[::ffff:127.0.0.1]/hook', /^::ffff:7f00:1 is a loopback address$/],
    ['http://0.0.0.0:3000/', /unspecified address$/],
    ['http://10.1.2.3/hook', /^10\.1\.2\.3 is a private address$/],
    ['https://172.16.5.4/hook', /private address$/],
    ['https://192.168.0.10/hook', /private address$/],
    ['http://100.64.0.1/hook', /shared \(CGNAT\) address$/],
    ['http://169.254.169.254/latest/meta-data/', /^169\.254\.169\.254 is a cloud metadata address$/],
    ['http://[fd00:ec2::254]/latest/meta-data/', /cloud metadata address$/],
    ['http://[fe80::1]/hook', /link-local address$/],
    ['http://[fd12:3456::1]/hook', /unique-local address$/],
  ];
  for (const [url, message] of refused) {
    const res = await customer().put('/v1/webhook-endpoint').send({ url });
    expect({ url, status: res.status, code: res.body.code }).toEqual({
      url,
      status: 422,
      code: 'invalid_request',
    });
    expect(res.body.errors).toEqual([
      { code: 'destination_not_allowed', field: 'url', message: expect.stringMatching(message) },
    ]);
  }
  // Support without an account and with a bad URL: both problems in one answer.
  const both = await support().put('/v1/webhook-endpoint').send({ url: 'http://10.0.0.1/' });
  expect(both.status).toBe(422);
  expect(both.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accountId', 'url']);
  expect(await storedAccount()).toEqual(before);
});

test('the allowlist lets a chosen receiver be registered', async () => {
  process.env.WEBHOOK_ALLOWED_HOSTS = `127.0.0.1:${receiverPort}`;
  const res = await customer().put('/v1/webhook-endpoint').send({ url: receiver.url });
  expect(res.status).toBe(200);
  expect((await storedAccount())?.webhook?.url).toBe(receiver.url);
  // Another port of the same address is still refused.
  const other = await customer()
    .put('/v1/webhook-endpoint')
    .send({ url: `${stack.simulatorUrl}/control` });
  expect(other.status).toBe(422);
});

test('an internal endpoint already stored is refused at delivery: nothing is sent, the log says why, no retries', async () => {
  await storeEndpoint(receiver.url);
  const email = 'ssrf-delivery@example.test';
  const orderId = await createAndSubmit(stack, plainUsOrder('+12125550181', email));
  // The email of the same notice goes out.
  await waitForMail(stack, email, /we received your port-in request/);

  const { Notification } = stack.store.models;
  const delivery = await eventually(
    () => Notification.findOne({ orderId, channel: 'webhook' }).lean(),
    (d) => d?.status === 'failed',
    30_000,
  );
  expect(delivery).toMatchObject({
    to: receiver.url,
    attempts: 1,
    lastError: expect.stringMatching(/destination_not_allowed: 127\.0\.0\.1 is a loopback address$/),
  });

  // The activity failed for good at its first attempt (a retryable failure leaves no failed event
  // until its 20 attempts are spent).
  const handle = stack.client.workflow.getHandle(workflowIdFor(orderId));
  const { EventType, RetryState } = temporal.api.enums.v1;
  const failed = await eventually(
    async () =>
      ((await handle.fetchHistory()).events ?? []).filter(
        (e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
      ),
    (events) => events.length > 0,
    30_000,
  );
  expect(failed.map((e) => e.activityTaskFailedEventAttributes?.retryState)).toEqual([
    RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
  ]);
  expect((await Notification.findById(delivery!._id).lean())?.attempts).toBe(1);
  expect(receiver.events.filter((e) => e.data.orderId === orderId)).toEqual([]);

  const log = await customer().get(`/v1/webhook-deliveries?orderId=${orderId}`);
  expect(log.body.data).toEqual([
    expect.objectContaining({
      status: 'failed',
      lastError: expect.stringMatching(/destination_not_allowed: 127\.0\.0\.1 is a loopback address$/),
    }),
  ]);
}, 90_000);

test('republish to an internal endpoint is refused; through the allowlist it is delivered', async () => {
  await storeEndpoint(receiver.url);
  const { Notification } = stack.store.models;
  const id = 'evt_ssrf_republish:webhook';
  await Notification.create({
    _id: id,
    orderId: 'pio_ssrf',
    accountId: DEMO_ACCOUNT_ID,
    channel: 'webhook',
    kind: 'port_in_order.status_changed',
    to: receiver.url,
    status: 'failed',
    attempts: 1,
    payload: { orderId: 'pio_ssrf' },
  });

  const refused = await customer().post(`/v1/webhook-deliveries/${id}/republish`);
  expect(refused.status).toBe(502);
  expect(refused.body).toEqual({
    id,
    ok: false,
    error: 'destination_not_allowed: 127.0.0.1 is a loopback address',
  });
  expect(receiver.events.filter((e) => e.id === 'evt_ssrf_republish')).toEqual([]);
  expect(await Notification.findById(id).lean()).toMatchObject({
    status: 'failed',
    attempts: 2,
    lastError: 'destination_not_allowed: 127.0.0.1 is a loopback address',
  });

  process.env.WEBHOOK_ALLOWED_HOSTS = `127.0.0.1:${receiverPort}`;
  const delivered = await customer().post(`/v1/webhook-deliveries/${id}/republish`);
  expect(delivered.status).toBe(200);
  expect(delivered.body).toMatchObject({ id, ok: true, statusCode: 204 });
  expect(receiver.events.filter((e) => e.id === 'evt_ssrf_republish')).toEqual([
    expect.objectContaining({ type: 'port_in_order.status_changed', verified: true }),
  ]);
  expect(await Notification.findById(id).lean()).toMatchObject({ status: 'sent', providerId: '204' });
});

test("the log records a failing receiver's status and error class, never its body", async () => {
  const chatty: Server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('carrier-sim admin token: hunter2');
  });
  await new Promise<void>((resolve) => chatty.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(chatty.address() as AddressInfo).port}/hook`;
    process.env.WEBHOOK_ALLOWED_HOSTS = new URL(url).host;
    await storeEndpoint(url);
    const id = 'evt_ssrf_body:webhook';
    await stack.store.models.Notification.create({
      _id: id,
      orderId: 'pio_ssrf_body',
      accountId: DEMO_ACCOUNT_ID,
      channel: 'webhook',
      kind: 'port_in_order.status_changed',
      to: url,
      status: 'failed',
      attempts: 1,
      payload: { orderId: 'pio_ssrf_body' },
    });
    await backfillListSlots(stack.store); // written as stored: listed as the API does at start
    const res = await customer().post(`/v1/webhook-deliveries/${id}/republish`);
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      id,
      ok: false,
      statusCode: 500,
      error: 'http_status: receiver answered HTTP 500',
    });
    const log = await customer().get('/v1/webhook-deliveries?orderId=pio_ssrf_body');
    expect(log.body.data[0].lastError).toBe('http_status: receiver answered HTTP 500');
    expect(JSON.stringify([res.body, log.body])).not.toContain('hunter2');
  } finally {
    chatty.closeAllConnections();
    await new Promise((resolve) => chatty.close(resolve));
  }
});
