/**
 * Issue #17 item 11 end to end: a customer whose webhook receiver answers 404 to every delivery
 * still gets each email of its order as the event happens (received, approved, rejected with the
 * remedy, FOC date, completed), while the webhooks keep failing and being retried on their own.
 */
import type { temporal } from '@temporalio/proto';
import { REJECTION_REASONS } from '../../domain/rejection-codes';
import { workflowIdFor } from '../../workflows/messages';
import { api, eventually } from '../support/api-client';
import {
  RECORDS,
  approve,
  createAndSubmit,
  firstNumber,
  plainText,
  plainUsOrder,
  simulatorControl,
  waitForMail,
  waitForOrder,
} from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const stack = useStack({ autoAnswer: true });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver({ answer: 404 });
});
afterAll(() => receiver?.close());

const customer = () => api(stack.apiUrl, KEYS.customerKey);

test('a webhook receiver answering 404: every email of the order arrives as its event happens', async () => {
  const registered = await customer().put('/v1/webhook-endpoint').send({ url: receiver.url });
  expect(registered.status).toBe(200);
  receiver.secret = registered.body.secret;

  const email = 'broken-webhook@example.test';
  const phone = '+16045550150'; // ca-wireless: PIN 8642 required, so a first rejection with its remedy
  const orderId = await createAndSubmit(stack, {
    country: 'CA',
    phoneNumbers: [phone],
    ...RECORDS.caWireless,
    pin: '1111',
    notificationEmail: email,
  });
  const hooksOfOrder = () => receiver.events.filter((e) => e.data.orderId === orderId);

  await waitForMail(stack, email, /we received your port-in request/);
  // Its webhook reached the receiver and was refused: the next email must not wait for its retries.
  await receiver.waitFor((e) => e.data.orderId === orderId);

  await approve(stack, orderId);
  await waitForMail(stack, email, /approved and submitted to your current carrier/);

  await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'rejected');
  const rejection = await waitForMail(stack, email, /rejected by your current carrier/);
  expect(plainText(rejection)).toContain(REJECTION_REASONS.wrong_wireless_pin.remedy);

  const resubmitted = await customer().post(`/v1/port-in-orders/${orderId}/resubmit`, {
    corrections: { pin: '8642' },
  });
  expect(resubmitted.status).toBe(200);
  const accepted = await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'accepted');
  await waitForMail(stack, email, new RegExp(`port date set for ${firstNumber(accepted).focDate}`));

  await simulatorControl(stack, `/port-requests/${orderId}/complete`);
  await waitForOrder(stack, orderId, (o) => o.status === 'completed');
  await waitForMail(stack, email, /port complete, 1 number now active/);

  // All the while, every webhook of the order failed, and none has been given up yet: each email
  // went out while the webhooks before it were still being retried.
  expect(hooksOfOrder().length).toBeGreaterThan(0);
  const log = await customer().get(`/v1/webhook-deliveries?orderId=${orderId}`);
  expect(log.status).toBe(200);
  expect(log.body.data.length).toBeGreaterThan(0);
  for (const delivery of log.body.data) expect(delivery.status).toBe('failed');
  const { Notification } = stack.store.models;
  expect(await Notification.countDocuments({ orderId, channel: 'ops', kind: 'notification_failed' })).toBe(0);
}, 120_000);

/** The attempt each finished activity of `type` took, from the order's history. */
function finishedAttempts(history: temporal.api.history.v1.IHistory, type: string): number[] {
  const events = history.events ?? [];
  const scheduled = new Set(
    events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === type)
      .map((e) => String(e.eventId)),
  );
  const attempts = new Map(
    events
      .filter((e) => e.activityTaskStartedEventAttributes)
      .map((e) => [String(e.eventId), e.activityTaskStartedEventAttributes!]),
  );
  return events
    .map((e) => e.activityTaskCompletedEventAttributes)
    .filter((done) => done && scheduled.has(String(done.scheduledEventId)))
    .map((done) => attempts.get(String(done!.startedEventId))?.attempt ?? 0);
}

test('no webhook endpoint: each webhook delivery ends at its first attempt, sending nothing', async () => {
  expect((await customer().delete('/v1/webhook-endpoint')).status).toBe(204);
  const email = 'no-webhook@example.test';
  const orderId = await createAndSubmit(stack, plainUsOrder('+12125550171', email));
  await waitForMail(stack, email, /we received your port-in request/);

  const handle = stack.client.workflow.getHandle(workflowIdFor(orderId));
  const history = await eventually(
    () => handle.fetchHistory(),
    (h) => finishedAttempts(h, 'sendCustomerWebhook').length > 0,
    15_000,
  );
  expect(finishedAttempts(history, 'sendCustomerWebhook')).toEqual([1]);
  const { Notification } = stack.store.models;
  expect(await Notification.countDocuments({ orderId, channel: 'webhook' })).toBe(0);
}, 60_000);
