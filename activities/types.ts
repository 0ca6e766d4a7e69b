/**
 * The activity contract the workflow calls (types only: workflows import this file, never the
 * implementations). Every side effect carries an idempotency key derived from order id + step + attempt.
 * No input or output carries a carrier PIN or account number: activities read those from the store.
 */
import type { IsoDate } from '../domain/calendar';
import type { PortingChargeKind } from '../domain/porting-charges';
import type { RejectionCode } from '../domain/rejection-codes';
import type { Capability } from '../domain/statuses';
import type { OrderSnapshot } from '../workflows/messages';
import type { OrderSnapshotDelta } from '../workflows/snapshot-delta';

export type { OrderSnapshotDelta } from '../workflows/snapshot-delta';

export type CarrierNumberState = 'pending' | 'accepted' | 'rejected' | 'canceled' | 'ported';
export interface CarrierNumberAnswer {
  phoneNumber: string;
  state: CarrierNumberState;
  focDate?: IsoDate;
  reasonCode?: RejectionCode;
}

export interface CapabilityResult {
  phoneNumber: string;
  voice?: boolean;
  sms?: boolean;
}

/** A customer-facing event: emailed to the account's address and sent to its webhook, once per key. */
export type CustomerNotice =
  | { kind: 'submission_received'; phoneNumbers: string[] }
  | { kind: 'review_approved'; phoneNumbers: string[] }
  | {
      kind: 'number_rejected';
      phoneNumbers: string[];
      reasonCode: RejectionCode;
      resubmitBy?: string;
      /** Set when our staff review rejected the numbers (absent: the losing carrier did). */
      rejectedBy?: 'review';
    }
  | {
      kind: 'foc_assigned' | 'foc_moved';
      phoneNumbers: string[];
      focDate: IsoDate;
      activationAt: string;
      /** foc_moved: the date it replaces. */
      previousFocDate?: IsoDate;
    }
  | {
      kind: 'canceled';
      phoneNumbers: string[];
      canceledBy: 'customer' | 'support' | 'carrier';
      fees: { phoneNumber: string; feeCents: number }[];
      totalCents: number;
    }
  | {
      kind: 'port_date_changed';
      phoneNumbers: string[];
      focDate: IsoDate;
      activationAt: string;
      totalCents: number;
      /** The FOC date it replaces, when the carrier had granted one. */
      previousFocDate?: IsoDate;
    }
  | { kind: 'capability_degraded'; phoneNumbers: string[]; failing: Capability[] }
  | { kind: 'completed'; phoneNumbers: string[] }
  /** Support added comment `seq` to the thread (its text stays in the store, read through the API). */
  | { kind: 'comment_added'; phoneNumbers: string[]; seq: number };

/** One notice to deliver on a channel; the key makes each channel's side effect happen once. */
export interface CustomerNoticeDelivery {
  orderId: string;
  notice: CustomerNotice;
  idempotencyKey: string;
}

export interface FeeCharge {
  phoneNumber: string;
  feeCents: number;
  /** A change's fee, or a port's one-time charge (domain/porting-charges.ts). */
  reason: 'cancellation' | 'port_date_change' | PortingChargeKind;
}

/**
 * The ApplicationFailure type of a carrier's refusal (its HTTP 4xx): thrown by the carrier
 * activities, never retried (the carrier proxy's retry policy), recognised by the workflow.
 */
export const CARRIER_REFUSED = 'CarrierRequestRefused';

/**
 * Activities that talk to the losing carrier (and its look-ups): slow and sometimes down, so the
 * workflow retries them patiently; a refusal (`CARRIER_REFUSED`) is final.
 */
export interface CarrierActivities {
  /** Automatic checks at submission (LNP look-up, duplicates, active numbers): clean or the problems. */
  runAutomaticChecks(input: { orderId: string }): Promise<{ clean: boolean; problems: string[] }>;
  submitToCarrier(input: {
    orderId: string;
    attempt: number;
    phoneNumbers: string[];
    requestedPortDate?: IsoDate;
  }): Promise<{ carrierRequestId: string }>;
  queryCarrier(input: { orderId: string }): Promise<CarrierNumberAnswer[]>;
  cancelAtCarrier(input: { orderId: string; phoneNumbers: string[]; idempotencyKey: string }): Promise<void>;
  changeDateAtCarrier(input: {
    orderId: string;
    phoneNumbers: string[];
    portDate: IsoDate;
    idempotencyKey: string;
  }): Promise<{ focDate: IsoDate }>;
  testCapabilities(input: {
    orderId: string;
    phoneNumbers: string[];
    idempotencyKey: string;
  }): Promise<CapabilityResult[]>;
}

/** Activities that write our own store: the account's inventory, its charges, the order's read model. */
export interface InventoryActivities {
  /** Adds the numbers to the account's inventory with their configuration (not yet active numbers). */
  activateNumbers(input: { orderId: string; phoneNumbers: string[]; idempotencyKey: string }): Promise<void>;
  /**
   * Takes numbers this order activated back out of the account's inventory (the carrier canceled
   * their port after activation). Idempotent; never touches a completed number or another order's.
   */
  deactivateNumbers(input: {
    orderId: string;
    phoneNumbers: string[];
    idempotencyKey: string;
  }): Promise<void>;
  /** The numbers passed their tests: they join the account's active numbers. */
  completeNumbers(input: { orderId: string; phoneNumbers: string[]; idempotencyKey: string }): Promise<void>;
  chargeFees(input: { orderId: string; charges: FeeCharge[]; idempotencyKey: string }): Promise<void>;
  /**
   * Writes the read model the API serves: the snapshot and the transitions not yet persisted.
   * Either the whole order (`snapshot`, what orders before the `lean-snapshot-persist` patch send,
   * and before `lean-first-persist` the first publish of every run), or a delta
   * (`changedNumbersOnly: true`, see workflows/snapshot-delta.ts): only the numbers whose persisted
   * fields changed and the transitions newer than the last persisted one, merged into the stored
   * order; a run's first delta names every number. A retried delta re-applies the same values.
   */
  persistSnapshot(
    input:
      | { snapshot: OrderSnapshot; changedNumbersOnly?: false }
      | { snapshot: OrderSnapshotDelta; changedNumbersOnly: true },
  ): Promise<void>;
}

/** Activities that tell people: the customer (email, webhook) and ops (alerts). */
export interface NotificationActivities {
  /** Emails the notice to the order's address (else the account's), once per key. */
  emailCustomer(input: CustomerNoticeDelivery): Promise<void>;
  /**
   * Posts the notice to the account's webhook endpoint, once per key (the key is the event id);
   * returns at once when the account has none. A destination refused by policy fails for good
   * (`WebhookDestinationRefused`); any other failed attempt is retried.
   */
  sendCustomerWebhook(
    input: CustomerNoticeDelivery & {
      /** When the workflow queued the notice: the event's `createdAt`, the same on every retry. */
      occurredAt?: string;
    },
  ): Promise<void>;
  /**
   * Both channels in one activity, email then webhook: what orders scheduled before the
   * `separate-notice-channels` patch. Kept registered while such orders may still run.
   */
  notifyCustomer(input: CustomerNoticeDelivery): Promise<void>;
  alertOps(input: {
    orderId: string;
    reason: string;
    details: string;
    idempotencyKey: string;
  }): Promise<void>;
}

/** Every activity the worker registers (the names are in recorded histories: never rename one). */
export type PortInActivities = CarrierActivities & InventoryActivities & NotificationActivities;
