/**
 * Activities that tell people: the customer by email and webhook (each channel once per key, its
 * attempts recorded in the Notification ledger) and ops by alert. Which email and which webhook
 * event a notice is lives in notices.ts.
 */
import { log } from '@temporalio/activity';
import { deliverWebhook, webhookDeliveryFailure } from '../notifications/webhooks';
import { claimSlots } from '../store/list-index';
import { deliveryLists } from '../store/listed-items';
import { orderLoader, type ActivityDeps } from './context';
import { emailFor, webhookTypeFor } from './notices';
import type { NotificationActivities } from './types';

export function notificationActivities({
  store,
  mailer,
  cipher,
  opsAlertEmail,
}: ActivityDeps): NotificationActivities {
  const { Account, Notification } = store.models;
  const loadOrder = orderLoader(store);

  /** Runs `send` once per key: a finished record means it already happened (activity retried or replayed). */
  const once = async (
    id: string,
    fields: Record<string, unknown>,
    send: () => Promise<string | undefined>,
  ) => {
    const existing = await Notification.findById(id).lean();
    if (existing?.status === 'sent') return;
    // A webhook delivery is listed from its first attempt on (store/list-index.ts): its slots are
    // kept only by the write that creates the record, so a racing attempt's slots are skipped.
    const listed =
      !existing && fields.channel === 'webhook'
        ? {
            $setOnInsert: {
              listSlots: await claimSlots(
                store,
                deliveryLists(fields.accountId as string | undefined, fields.orderId as string | undefined),
                id,
                new Date(),
              ),
            },
          }
        : {};
    try {
      const providerId = await send();
      await Notification.updateOne(
        { _id: id },
        { $set: { ...fields, status: 'sent', providerId }, $inc: { attempts: 1 }, ...listed },
        { upsert: true },
      );
    } catch (err) {
      await Notification.updateOne(
        { _id: id },
        {
          $set: { ...fields, status: 'failed', lastError: String((err as Error).message) },
          $inc: { attempts: 1 },
          ...listed,
        },
        { upsert: true },
      );
      throw err;
    }
  };

  const emailCustomer: NotificationActivities['emailCustomer'] = async ({
    orderId,
    notice,
    idempotencyKey,
  }) => {
    const order = await loadOrder(orderId);
    const account = await Account.findById(order.accountId).lean();
    const to = order.draft.notificationEmail ?? account?.notificationEmail;
    const envelope = {
      orderId,
      to,
      timeZone: order.timeZone ?? 'America/New_York',
      ...(order.customerReference ? { customerReference: order.customerReference } : {}),
    };
    await once(
      `${idempotencyKey}:email`,
      { orderId, channel: 'email', kind: notice.kind, to },
      async () => (await mailer.send({ ...emailFor(notice, envelope), idempotencyKey })).messageId,
    );
  };

  const sendCustomerWebhook: NotificationActivities['sendCustomerWebhook'] = async ({
    orderId,
    notice,
    idempotencyKey,
    occurredAt,
  }) => {
    const order = await loadOrder(orderId);
    const hook = (await Account.findById(order.accountId).lean())?.webhook;
    if (!hook?.url || !hook.secretSealed) return; // no endpoint: nothing to send, nothing to retry
    const type = webhookTypeFor(notice);
    const payload = { orderId, ...notice };
    await once(
      `${idempotencyKey}:webhook`,
      { orderId, accountId: order.accountId, channel: 'webhook', kind: type, to: hook.url, payload },
      async () => {
        const result = await deliverWebhook({
          url: hook.url!,
          secret: cipher.decrypt(hook.secretSealed!),
          eventId: idempotencyKey,
          type,
          payload,
          timeoutMs: 10_000,
          ...(occurredAt ? { createdAt: occurredAt } : {}),
        });
        // A destination refused by policy fails for good; any other failure is retried.
        if (!result.ok) throw webhookDeliveryFailure(result);
        return String(result.statusCode);
      },
    );
  };

  return {
    emailCustomer,
    sendCustomerWebhook,
    async notifyCustomer(input) {
      await emailCustomer(input);
      await sendCustomerWebhook(input);
    },

    async alertOps({ orderId, reason, details, idempotencyKey }) {
      // The alert is a structured warn-level log line (what log-based alerting watches) plus a ledger
      // record; the order also carries NeedsAttention in the Temporal UI.
      log.warn('ops alert', { orderId, reason, details, alertTo: opsAlertEmail });
      await Notification.updateOne(
        { _id: `${idempotencyKey}:ops` },
        {
          $setOnInsert: {
            orderId,
            channel: 'ops',
            kind: reason,
            to: opsAlertEmail,
            status: 'sent',
            lastError: details,
          },
        },
        { upsert: true },
      );
    },
  };
}
