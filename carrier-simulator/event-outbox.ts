/**
 * Delivers carrier events to the API as signed webhooks (Standard Webhooks, security/standard-webhooks.ts).
 * Events are written to the store's outbox first, so a restart does not lose them, then delivered
 * per order strictly in order: an order's next event waits until the previous one was delivered
 * or given up, so `number.ported` never overtakes the `number.accepted` it follows.
 * Non-2xx answers and network errors are retried with exponential backoff, a bounded number of times.
 */
import { randomUUID } from 'node:crypto';
import { signedHeaders } from '../security/standard-webhooks';
import type { CarrierEvent } from './events';
import type { SimulatorLogger } from './logger';
import type { OutboxEvent, SimulatorStore } from './store';
import type { Timers } from './timers';

export interface DeliveryPolicy {
  /** Attempts per event before it is marked failed (default 8). */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubles after each failure (default 500 ms). */
  initialBackoffMs: number;
  /** Backoff ceiling (default 60 s). */
  maxBackoffMs: number;
  /** Per attempt (default 5 s). */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  initialBackoffMs: 500,
  maxBackoffMs: 60_000,
  timeoutMs: 5_000,
};

export interface EventOutbox {
  /** Stores the events (in this order) and starts delivering them. */
  publish(events: readonly CarrierEvent[]): Promise<void>;
  /** Picks up events left pending by a previous run. */
  resume(): Promise<void>;
  /** Stops delivering, aborts requests in flight and waits for them to settle. */
  close(): Promise<void>;
}

export function createEventOutbox(options: {
  store: SimulatorStore;
  eventsUrl: string;
  webhookSecret: string;
  timers: Timers;
  logger: SimulatorLogger;
  policy?: Partial<DeliveryPolicy>;
}): EventOutbox {
  const { store, timers, logger } = options;
  const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  const abort = new AbortController();
  const running = new Map<string, Promise<void>>();
  const rerun = new Set<string>();
  let lastSeq: number | undefined;
  let closed = false;

  async function nextSeq(): Promise<number> {
    lastSeq ??= await store.maxOutboxSeq();
    return ++lastSeq;
  }

  /** Runs the delivery loop of an order unless one is already running (then it runs once more). */
  function kick(orderId: string): void {
    if (closed) return;
    if (running.has(orderId)) {
      rerun.add(orderId);
      return;
    }
    const loop = drain(orderId)
      .catch((error: unknown) => logger.error({ err: error, orderId }, 'carrier event delivery loop failed'))
      .finally(() => {
        running.delete(orderId);
        if (rerun.delete(orderId)) kick(orderId);
      });
    running.set(orderId, loop);
  }

  async function drain(orderId: string): Promise<void> {
    for (const event of await store.listPendingOutboxEvents(orderId)) {
      if (closed) return;
      const waitMs = event.nextAttemptAt - Date.now();
      if (waitMs > 0) {
        timers.after(`deliver:${orderId}`, waitMs, () => kick(orderId));
        return;
      }
      const failure = await deliver(event);
      if (closed) return;
      const attempts = event.attempts + 1;
      if (!failure) {
        await store.updateOutboxEvent(event.id, { status: 'delivered', attempts, deliveredAt: Date.now() });
        logger.info({ eventId: event.id, orderId, type: event.type, attempts }, 'carrier event delivered');
        continue;
      }
      if (attempts >= policy.maxAttempts) {
        await store.updateOutboxEvent(event.id, { status: 'failed', attempts, lastError: failure });
        logger.error(
          { eventId: event.id, orderId, type: event.type, attempts, failure },
          'carrier event given up',
        );
        continue;
      }
      const backoff = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempts - 1));
      await store.updateOutboxEvent(event.id, {
        attempts,
        nextAttemptAt: Date.now() + backoff,
        lastError: failure,
      });
      logger.warn(
        { eventId: event.id, orderId, type: event.type, attempts, backoff, failure },
        'carrier event retry',
      );
      timers.after(`deliver:${orderId}`, backoff, () => kick(orderId));
      return;
    }
  }

  /** One attempt; returns why it failed, or undefined on a 2xx. */
  async function deliver(event: OutboxEvent): Promise<string | undefined> {
    try {
      const response = await fetch(options.eventsUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signedHeaders(options.webhookSecret, event.id, event.body),
        },
        body: event.body,
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(policy.timeoutMs)]),
      });
      await response.arrayBuffer(); // drain, so the connection can be reused
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }

  return {
    async publish(events) {
      const outboxEvents: OutboxEvent[] = [];
      for (const event of events) {
        outboxEvents.push({
          id: `msg_${randomUUID()}`,
          orderId: event.orderId,
          type: event.type,
          body: JSON.stringify(event),
          seq: await nextSeq(),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: 0,
          createdAt: Date.now(),
        });
      }
      await store.addOutboxEvents(outboxEvents);
      for (const orderId of new Set(outboxEvents.map((e) => e.orderId))) kick(orderId);
    },
    async resume() {
      const pending = await store.listPendingOutboxEvents();
      for (const orderId of new Set(pending.map((e) => e.orderId))) kick(orderId);
    },
    async close() {
      closed = true;
      abort.abort();
      await Promise.allSettled([...running.values()]);
    },
  };
}
