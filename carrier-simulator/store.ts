/**
 * Persistence of the simulated carrier: its CSRs, the port requests it received, replayable
 * responses for idempotency keys, capability-failure switches, and the outbox of events still
 * to deliver. Two implementations: mongo-store.ts (the service) and memory-store.ts (unit tests).
 * The simulator is a single process and serialises work per order itself, so the store needs no
 * transactions (FerretDB v1 has none).
 */
import type { CarrierEventType } from './events';
import type { PortRequestRecord } from './port-requests';
import type { CustomerServiceRecord } from './records';

export interface IdempotentResponse {
  key: string;
  /** What the key was used for (operation, order, numbers, date): a reuse for something else is refused. */
  fingerprint: string;
  status: number;
  body: unknown;
  createdAt: number;
}

export type Capability = 'voice' | 'sms';

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

export interface OutboxEvent {
  /** Also the `webhook-id`: the same on every retry, so the receiver can deduplicate. */
  id: string;
  orderId: string;
  type: CarrierEventType;
  /** The exact JSON delivered (signatures cover these bytes). */
  body: string;
  /** Delivery order within an order: events of one order are delivered one after the other. */
  seq: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  createdAt: number;
  deliveredAt?: number;
}

export interface SimulatorStore {
  countRecords(): Promise<number>;
  insertRecords(records: readonly CustomerServiceRecord[]): Promise<void>;
  listRecords(): Promise<CustomerServiceRecord[]>;

  getPortRequest(orderId: string): Promise<PortRequestRecord | undefined>;
  /** Inserts or replaces the whole request. */
  savePortRequest(request: PortRequestRecord): Promise<void>;
  /** Requests with a number still pending or accepted (they need timers after a restart). */
  listOpenPortRequests(): Promise<PortRequestRecord[]>;

  getIdempotentResponse(key: string): Promise<IdempotentResponse | undefined>;
  saveIdempotentResponse(response: IdempotentResponse): Promise<void>;

  /** The next `times` tests of `capability` on the number fail (replaces any earlier setting). */
  setCapabilityFailures(phoneNumber: string, capability: Capability, times: number): Promise<void>;
  /** Consumes one planned failure; true when this test must fail. */
  takeCapabilityFailure(phoneNumber: string, capability: Capability): Promise<boolean>;

  addOutboxEvents(events: readonly OutboxEvent[]): Promise<void>;
  updateOutboxEvent(
    id: string,
    patch: Partial<Pick<OutboxEvent, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'deliveredAt'>>,
  ): Promise<void>;
  /** Pending events, oldest first (by seq), optionally of one order. */
  listPendingOutboxEvents(orderId?: string): Promise<OutboxEvent[]>;
  /** Highest seq ever used, so a restarted simulator keeps the delivery order. */
  maxOutboxSeq(): Promise<number>;
}
