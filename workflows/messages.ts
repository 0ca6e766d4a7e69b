/**
 * Every message of the port-in order workflow: input, signals (carrier events), updates (staff and
 * customer actions that need an answer), queries, and the typed refusals the API maps to 409s.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarCountry, IsoDate } from '../domain/calendar';
import { DEFAULT_FEE_SCHEDULE, type ActorRole, type ChangeQuote, type FeeSchedule } from '../domain/fees';
import { DEFAULT_PORTING_CHARGE_SCHEDULE, type PortingChargeSchedule } from '../domain/porting-charges';
import type { RejectionCode } from '../domain/rejection-codes';
import type { ReviewState } from '../domain/lifecycle';
import type { NumberStatus, OrderStatus } from '../domain/statuses';
import type { OrderState } from './order-state';

export const TASK_QUEUE = 'port-in-orders';
export const workflowIdFor = (orderId: string): string => `port-in-order-${orderId}`;

export interface OrderPolicy {
  /** Approve without staff review when the automatic checks are clean (rulebook 5.1 Decision). */
  autoApproveCleanOrders: boolean;
  reviewSlaMs: number;
  carrierFollowUpBusinessDays: number;
  resubmissionWindowMs: number;
  feeSchedule: FeeSchedule;
  /**
   * The one-time charges of a port (international, after hours), recorded when each number is
   * ported. Absent on orders submitted before they existed: those carry no porting charge.
   */
  portingChargeSchedule?: PortingChargeSchedule;
  capabilityRetry: { initialIntervalMs: number; maximumIntervalMs: number; alertAfterFailures: number };
}

export const DEFAULT_POLICY: OrderPolicy = {
  autoApproveCleanOrders: false,
  reviewSlaMs: 24 * 3_600_000,
  carrierFollowUpBusinessDays: 7,
  resubmissionWindowMs: 30 * 24 * 3_600_000,
  feeSchedule: DEFAULT_FEE_SCHEDULE,
  portingChargeSchedule: DEFAULT_PORTING_CHARGE_SCHEDULE,
  capabilityRetry: { initialIntervalMs: 5 * 60_000, maximumIntervalMs: 6 * 3_600_000, alertAfterFailures: 3 },
};

export interface PortInOrderInput {
  orderId: string;
  accountId: string;
  country: CalendarCountry;
  /** IANA zone of the service address: FOC midnight and end of business are measured there. */
  timeZone: string;
  losingCarrier: string;
  phoneNumbers: string[];
  capabilities: 'voice' | 'voice+sms';
  requestedPortDate?: IsoDate;
  customerReference?: string;
  /** The customer asked the carrier to port outside business hours (an extra fee per number). */
  afterHoursPort?: boolean;
  /** Support's quote of the one-time charge per number for a port outside the US and Canada. */
  quotedPortingChargeCents?: number;
  policy: OrderPolicy;
  /**
   * Epoch ms the staff review is due, fixed at submit (the read model shows the same instant);
   * absent on orders started before it was passed: then the start plus `policy.reviewSlaMs`.
   */
  reviewDeadline?: number;
  /** Present when the workflow continued as new: the state it carries over. */
  carriedState?: OrderState;
}

export type Actor = { role: ActorRole; id: string };

/** Where the staff review stands (rulebook 5.1). */
export type { ReviewState } from '../domain/lifecycle';

export interface OrderSnapshot {
  orderId: string;
  accountId: string;
  status: OrderStatus;
  review: ReviewState;
  timeZone: string;
  needsAttention: boolean;
  waitingFor: { what: string; until?: string }[];
  numbers: {
    phoneNumber: string;
    status: NumberStatus;
    focDate?: IsoDate;
    activationAt?: string;
    activated: boolean;
    /** The carrier confirmed the port (before our activation too: then nothing may change it any more). */
    ported: boolean;
    rejection?: { code: RejectionCode; resubmitBy?: string };
    cancellation?: { by: string; feeCents: number };
    submissionRefusal?: { code: string; message: string };
    attempt: number;
  }[];
  fees: { phoneNumber: string; feeCents: number; reason: string; at: string }[];
  totalFeesCents: number;
  transitions: { seq: number; at: string; type: string; phoneNumbers: string[]; detail?: string }[];
  updatedAt: string;
}

// ---- signals: carrier events, each with the carrier's event id (duplicates are ignored) ----

export interface CarrierEvent {
  eventId: string;
  phoneNumbers: string[];
  occurredAt: string;
}
export const numberAcceptedSignal = defineSignal<[CarrierEvent & { focDate: IsoDate }]>('numberAccepted');
export const numberRejectedSignal =
  defineSignal<[CarrierEvent & { reasonCode: RejectionCode }]>('numberRejected');
export const focChangedSignal = defineSignal<[CarrierEvent & { focDate: IsoDate }]>('focChanged');
export const numberCanceledSignal = defineSignal<[CarrierEvent]>('numberCanceledByCarrier');
export const numberPortedSignal = defineSignal<[CarrierEvent]>('numberPorted');

// ---- updates: actions that need an answer (validated synchronously) ----

export type ReviewDecision =
  | { actor: Actor; decision: 'approve'; note?: string }
  | { actor: Actor; decision: 'reject'; reasonCode: RejectionCode; note?: string };
export const reviewUpdate = defineUpdate<{ review: ReviewState }, [ReviewDecision]>('review');

export interface CancelRequest {
  actor: Actor;
  /** Omitted: every number that can still be canceled. */
  phoneNumbers?: string[];
}
export interface FeeResult {
  currency: 'USD';
  numbers: { phoneNumber: string; feeCents: number }[];
  totalCents: number;
}
export const cancelUpdate = defineUpdate<FeeResult, [CancelRequest]>('cancel');

export interface PortDateChangeRequest {
  actor: Actor;
  portDate: IsoDate;
  phoneNumbers?: string[];
}
export const changePortDateUpdate = defineUpdate<FeeResult & { focDate: IsoDate }, [PortDateChangeRequest]>(
  'changePortDate',
);

export interface ResubmitRequest {
  actor: Actor;
  phoneNumbers?: string[];
  /** Names of the corrected fields (the values themselves live in the store, never here). */
  correctedFields: string[];
}
export const resubmitUpdate = defineUpdate<{ phoneNumbers: string[]; attempt: number }, [ResubmitRequest]>(
  'resubmit',
);

export interface CommentRequest {
  actor: Actor;
  /** The comment's seq in the store (`orderId:seq`); its text stays there, never in the history. */
  seq: number;
  internal: boolean;
}
export const addCommentUpdate = defineUpdate<{ seq: number }, [CommentRequest]>('addComment');

// ---- queries ----

export const statusQuery = defineQuery<OrderSnapshot>('status');
export interface ChangeQuoteRequest {
  role: ActorRole;
  phoneNumbers?: string[];
  /**
   * The caller's clock (epoch ms) to quote at. A query cannot advance workflow time: inside it,
   * "now" is the time of the order's last workflow task, which may be hours old, and a quote that
   * old can put the caller in the wrong window. Pass Date.now(); never quoted earlier than workflow time.
   */
  asOf?: number;
}
export const changeQuoteQuery = defineQuery<ChangeQuote, [ChangeQuoteRequest]>('changeQuote');

/** ApplicationFailure types of refused actions; the API maps each to a 409 with the same code. */
export const REFUSALS = {
  wrongState: 'wrong_state',
  customerInside72h: 'customer_inside_72h',
  roleNotAllowed: 'role_not_allowed',
  numberClosed: 'number_closed',
  unknownNumber: 'unknown_number',
  invalidPortDate: 'invalid_port_date',
  notResubmittable: 'not_resubmittable',
  invalidReason: 'invalid_reason',
  /** The carrier refused the change itself (e.g. a port date it cannot honour): nothing changed, nothing charged. */
  carrierRefused: 'carrier_refused',
} as const;
export type RefusalCode = (typeof REFUSALS)[keyof typeof REFUSALS];
