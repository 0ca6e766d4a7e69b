/**
 * The order's outbox: customer notices and ops alerts, sent beside the deadline loop by their own
 * coroutines, so an email outage never delays an FOC-midnight activation, and a notice that still
 * fails after its retries never fails the whole order (ops are alerted instead).
 *
 * Each notice leaves on two channels, each with its own retries (patch `separate-notice-channels`):
 * - its email joins the mail queue, sent in order with the ops alerts: the customer reads the
 *   order's story in the order it happened;
 * - its webhook is a delivery of its own, started at once. A receiver that fails for hours holds
 *   up no email and no later webhook; the price is that webhooks are not strictly ordered, so each
 *   event carries the moment its notice was queued (`createdAt`) for the receiver to order by.
 * Orders started before the patch keep one `notifyCustomer` (email, then webhook) in the queue.
 */
import { ActivityFailure, log, condition, patched } from '@temporalio/workflow';
import type { CustomerNotice } from '../activities/types';
import type { OrderState } from './order-state';
import { notifications as notify } from './parties';
import { PATCHES } from './patches';

/** Builds an idempotency key from the order id, a step name and its parts. */
export type KeyOf = (step: string, ...parts: (string | number)[]) => string;

export interface Outbox {
  /** Queues a customer notice, sent once per kind and key parts. */
  notice(n: CustomerNotice, ...keyParts: (string | number)[]): void;
  /** Queues an ops alert (counted in the state, which numbers its key). */
  alert(reason: string, details: string): void;
  /** Nothing to send: no email or alert queued, no webhook in flight. */
  isEmpty(): boolean;
  /**
   * Sends the mail queue, in order, for the life of the run. An error other than a failed activity
   * is a bug: it surfaces as an unhandled rejection, which fails the workflow task (retried,
   * visible) rather than the order.
   */
  send(): Promise<never>;
}

/** Something to send; `toCustomer` when giving up on it means the customer missed a notice. */
interface Delivery {
  what: string;
  toCustomer: boolean;
  send: () => Promise<void>;
}

export function createOutbox(orderId: string, state: OrderState, key: KeyOf): Outbox {
  const mailQueue: Delivery[] = [];
  let webhooksInFlight = 0;

  const alert = (reason: string, details: string) => {
    state.opsAlerts += 1;
    const idempotencyKey = key('alert', state.opsAlerts);
    mailQueue.push({
      what: `alert ${reason}`,
      toCustomer: false,
      send: () => notify.alertOps({ orderId, reason, details, idempotencyKey }),
    });
  };

  /** Retries exhausted: ops hear that the customer missed a notice (a failed alert is only logged). */
  const gaveUp = ({ what, toCustomer }: Delivery, err: ActivityFailure) => {
    log.warn('gave up sending', { orderId, what, error: err.cause?.message ?? err.message });
    if (toCustomer) alert('notification_failed', `${what} could not be delivered`);
  };

  const webhook = async (delivery: Delivery) => {
    webhooksInFlight += 1;
    try {
      await delivery.send();
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      gaveUp(delivery, err);
    } finally {
      webhooksInFlight -= 1;
    }
  };

  const notice = (n: CustomerNotice, ...keyParts: (string | number)[]) => {
    const delivery = { orderId, notice: n, idempotencyKey: key('notify', n.kind, ...keyParts) };
    if (!patched(PATCHES.separateNoticeChannels)) {
      // Orders started before the patch: email then webhook in one activity, in the mail queue.
      const send = () => notify.notifyCustomer(delivery);
      mailQueue.push({ what: `notice ${n.kind}`, toCustomer: true, send });
      return;
    }
    const email = () => notify.emailCustomer(delivery);
    mailQueue.push({ what: `email ${n.kind}`, toCustomer: true, send: email });
    const event = { ...delivery, occurredAt: new Date().toISOString() };
    void webhook({
      what: `webhook ${n.kind}`,
      toCustomer: true,
      send: () => notify.sendCustomerWebhook(event),
    });
  };

  const send = async (): Promise<never> => {
    for (;;) {
      await condition(() => mailQueue.length > 0);
      // Awaited here, not in a helper: an extra async layer would reorder commands on replay.
      const delivery = mailQueue[0];
      try {
        await delivery.send();
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        gaveUp(delivery, err);
      }
      mailQueue.shift();
    }
  };

  return { notice, alert, isEmpty: () => mailQueue.length === 0 && webhooksInFlight === 0, send };
}
