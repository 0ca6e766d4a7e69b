/**
 * The order's outbox: customer notices and ops alerts, sent in order by their own coroutine.
 *
 * Sending never blocks the deadline loop: an email outage must not delay an FOC-midnight
 * activation, and a notice that still fails after its retries must not fail the whole order.
 */
import { ActivityFailure, condition, log } from '@temporalio/workflow';
import type { CustomerNotice } from '../activities/types';
import { notify } from './activity-proxies';
import type { OrderState } from './messages';

/** Builds an idempotency key from the order id, a step name and its parts. */
export type KeyOf = (step: string, ...parts: (string | number)[]) => string;

export interface Outbox {
  /** Queues a customer notice, sent once per kind and key parts. */
  notice(n: CustomerNotice, ...keyParts: (string | number)[]): void;
  /** Queues an ops alert (counted in the state, which numbers its key). */
  alert(reason: string, details: string): void;
  /** Nothing queued: no notice or alert is waiting to be sent. */
  isEmpty(): boolean;
  /**
   * Sends what is queued, in order, for the life of the run. An error other than a failed activity
   * is a bug: it surfaces as an unhandled rejection, which fails the workflow task (retried,
   * visible) rather than the order.
   */
  send(): Promise<never>;
}

export function createOutbox(orderId: string, state: OrderState, key: KeyOf): Outbox {
  const outbox: { what: string; send: () => Promise<void> }[] = [];
  const later = (what: string, send: () => Promise<void>) => {
    outbox.push({ what, send });
  };
  const notice = (n: CustomerNotice, ...keyParts: (string | number)[]) =>
    later(`notice ${n.kind}`, () =>
      notify.notifyCustomer({ orderId, notice: n, idempotencyKey: key('notify', n.kind, ...keyParts) }),
    );
  const alert = (reason: string, details: string) => {
    state.opsAlerts += 1;
    const idempotencyKey = key('alert', state.opsAlerts);
    later(`alert ${reason}`, () => notify.alertOps({ orderId, reason, details, idempotencyKey }));
  };
  const send = async (): Promise<never> => {
    for (;;) {
      await condition(() => outbox.length > 0);
      const { what, send } = outbox[0];
      try {
        await send();
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        // Retries exhausted: ops hear that the customer missed a notice (a failed alert is only
        // logged, not re-alerted), and the rest of the outbox goes on.
        log.warn('gave up sending', { orderId, what, error: err.cause?.message ?? err.message });
        if (what.startsWith('notice')) alert('notification_failed', `${what} could not be delivered`);
      }
      outbox.shift();
    }
  };
  return { notice, alert, isEmpty: () => outbox.length === 0, send };
}
