/**
 * Issue #17 item 11: a notice's email and webhook are separate deliveries with their own retries.
 * A customer's webhook receiver that fails every delivery holds up none of the order's emails,
 * nor the deadline loop; each webhook is retried on its own, then ops are alerted.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { CustomerNotice } from '../../activities/types';
import { eventually, useWorkflowTestEnv, type OrderDriver } from './harness';

const t = useWorkflowTestEnv('channels');

/** When (server clock) the email of a notice was first tried. */
const emailedAt = (order: OrderDriver, kind: CustomerNotice['kind']) =>
  eventually(async () => {
    const call = order.fake.timed('emailCustomer').find((c) => c.input.notice.kind === kind);
    if (!call) throw new Error(`no ${kind} email yet`);
    return call.at;
  });

/** Server time spent between an event and its email: one workflow task and the activity's start. */
const PROMPTLY_MS = 5_000;

const failedWebhookAlerts = (order: OrderDriver) =>
  order.fake
    .named('alertOps')
    .filter((a) => a.reason === 'notification_failed')
    .map((a) => a.details);

test('a receiver failing every webhook: each email goes out when its event happens, the webhooks retry on their own', async () => {
  const receiverDown = new Error('webhook delivery failed: receiver answered HTTP 404'); // retryable
  await t.withOrder(
    { script: { gates: { sendCustomerWebhook: () => Promise.reject(receiverDown) } } },
    async (order) => {
      const startedAt = await order.now();
      expect((await emailedAt(order, 'submission_received')) - startedAt).toBeLessThan(PROMPTLY_MS);

      const approvedAt = await order.now();
      await order.approveAndSubmit();
      expect((await emailedAt(order, 'review_approved')) - approvedAt).toBeLessThan(PROMPTLY_MS);
      const focDate = await order.businessDaysAhead(3);
      const acceptedAt = await order.now();
      await order.accept(focDate);
      expect((await emailedAt(order, 'foc_assigned')) - acceptedAt).toBeLessThan(PROMPTLY_MS);
      // Sent while those notices' webhooks were still failing, none of them given up yet.
      await eventually(async () =>
        expect(new Set(order.fake.named('sendCustomerWebhook').map((c) => c.notice.kind)).size).toBe(3),
      );
      expect(failedWebhookAlerts(order)).toEqual([]);

      await order.expectActivationAtMidnightOf(focDate);
      const portedAt = await order.now();
      await order.ported();
      expect((await emailedAt(order, 'completed')) - portedAt).toBeLessThan(PROMPTLY_MS);

      // The order ends once every webhook has run out of retries; each missed one is alerted.
      expect((await order.handle.result()).status).toBe('completed');
      const kinds = ['submission_received', 'review_approved', 'foc_assigned', 'completed'];
      expect(order.fake.named('emailCustomer').map((c) => c.notice.kind)).toEqual(kinds);
      for (const kind of kinds) {
        const attempts = order.fake.named('sendCustomerWebhook').filter((c) => c.notice.kind === kind);
        expect(attempts.length).toBeGreaterThan(1);
      }
      expect(failedWebhookAlerts(order).sort()).toEqual(
        kinds.map((kind) => `webhook ${kind} could not be delivered`).sort(),
      );
    },
  );
}, 120_000);

test('a webhook refused by policy is given up at once and alerted; its email still goes out', async () => {
  const refused = ApplicationFailure.create({
    type: 'WebhookDestinationRefused',
    message: 'webhook delivery failed: destination_not_allowed',
    nonRetryable: true,
  });
  await t.withOrder(
    { script: { gates: { sendCustomerWebhook: () => Promise.reject(refused) } } },
    async (order) => {
      await order.approveAndSubmit();
      await eventually(async () =>
        expect(failedWebhookAlerts(order)).toEqual([
          'webhook submission_received could not be delivered',
          'webhook review_approved could not be delivered',
        ]),
      );
      expect(order.fake.named('sendCustomerWebhook').map((c) => c.notice.kind)).toEqual([
        'submission_received',
        'review_approved',
      ]);
      expect(order.fake.named('emailCustomer').map((c) => c.notice.kind)).toEqual([
        'submission_received',
        'review_approved',
      ]);
    },
  );
}, 60_000);
