/**
 * What the simulated carrier remembers about the port requests it received, per order.
 * The carrier decides each number when the request arrives (that is when it has the PIN and
 * account number in hand) and reveals the decision after its answer delay, so secrets are
 * never stored: only the decision is.
 */
import type { CarrierNumberState, CarrierNumberStatus } from '../carrier/gateway';
import type { IsoDate } from '../domain/calendar';
import type { PortCountry } from '../domain/order';
import type { RejectionCode } from '../domain/rejection-codes';

export interface PortRequestSubmission {
  idempotencyKey: string;
  carrierRequestId: string;
  attempt: number;
  phoneNumbers: string[];
  submittedAt: number;
  /** When the carrier answers (submittedAt + answer delay). */
  answerDueAt: number;
  answeredAt?: number;
}

export interface PortRequestNumber {
  phoneNumber: string;
  state: CarrierNumberState;
  /** The submission this number's current state comes from. */
  carrierRequestId: string;
  /** The decision taken at intake, revealed when the submission is answered. */
  decision: 'accept' | 'reject';
  decidedFocDate?: IsoDate;
  decidedReasonCode?: RejectionCode;
  /** The demo carrier's "today" numbers: the port is confirmed with the acceptance (demo-profile.ts). */
  portsAtOnce?: boolean;
  /** Visible state. */
  focDate?: IsoDate;
  reasonCode?: RejectionCode;
  /** Accepted numbers: when the port is confirmed (see foc.ts portDueAt). */
  portDueAt?: number;
  updatedAt: number;
}

export interface PortRequestRecord {
  orderId: string;
  country: PortCountry;
  submissions: PortRequestSubmission[];
  numbers: PortRequestNumber[];
  createdAt: number;
  updatedAt: number;
}

/** Numbers the carrier is still working on: the request needs timers while any exist. */
export function isOpenNumberState(state: CarrierNumberState): boolean {
  return state === 'pending' || state === 'accepted';
}

export function toNumberStatus(n: PortRequestNumber): CarrierNumberStatus {
  return {
    phoneNumber: n.phoneNumber,
    state: n.state,
    ...(n.focDate && (n.state === 'accepted' || n.state === 'ported') ? { focDate: n.focDate } : {}),
    ...(n.reasonCode && n.state === 'rejected' ? { reasonCode: n.reasonCode } : {}),
  };
}
