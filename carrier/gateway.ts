/**
 * The one interface the Temporal activities use to talk to the downstream carrier partner.
 * Implementations: `http-gateway.ts` (HTTP/JSON, used against the carrier simulator); a real carrier
 * adapter implements the same interface and is selected by CARRIER_GATEWAY (see `select.ts`).
 *
 * Error contract, which the activities rely on to choose between retrying and giving up:
 * - `CarrierRequestRefused`: the carrier understood the request and said no (a 4xx). Retrying the
 *   same request cannot succeed, so activities surface it as a non-retryable failure.
 * - any other Error (5xx, timeout, network): transient; Temporal retries the activity, and the
 *   idempotency key makes the retry safe.
 */
import type { IsoDate } from '../domain/calendar';
import type { AuthorizedPerson, ServiceAddress, NumberLookup, PortCountry } from '../domain/order';
import type { RejectionCode } from '../domain/rejection-codes';

export interface CarrierPortRequest {
  idempotencyKey: string; // order id + step + attempt; the carrier must treat a repeat as the same request
  orderId: string;
  attempt: number;
  country: PortCountry;
  phoneNumbers: string[];
  authorizedPerson: AuthorizedPerson;
  serviceAddress: ServiceAddress;
  accountNumber?: string; // secret: never logged
  pin?: string; // secret: never logged
  btn?: string;
  requestedPortDate?: IsoDate;
  /** The customer asked for the port outside business hours (an extra fee on our side). */
  afterHoursPort?: boolean;
}

export type CarrierNumberState = 'pending' | 'accepted' | 'rejected' | 'canceled' | 'ported';

export interface CarrierNumberStatus {
  phoneNumber: string;
  state: CarrierNumberState;
  focDate?: IsoDate;
  reasonCode?: RejectionCode;
}

export interface CapabilityTestResult {
  phoneNumber: string;
  voice?: boolean;
  sms?: boolean;
}

export interface CarrierGateway {
  submitPortRequest(req: CarrierPortRequest): Promise<{ carrierRequestId: string }>;
  queryPortRequest(orderId: string): Promise<CarrierNumberStatus[]>;
  cancelPortRequest(req: { idempotencyKey: string; orderId: string; phoneNumbers: string[] }): Promise<void>;
  changePortDate(req: {
    idempotencyKey: string;
    orderId: string;
    phoneNumbers: string[];
    portDate: IsoDate;
  }): Promise<{ focDate: IsoDate }>;
  lookupNumbers(phoneNumbers: string[]): Promise<NumberLookup[]>;
  testCapabilities(req: {
    idempotencyKey: string;
    numbers: { phoneNumber: string; capabilities: 'voice' | 'voice+sms' }[];
  }): Promise<CapabilityTestResult[]>;
}

/**
 * A business refusal by the carrier (HTTP 4xx): not worth retrying. `code` is the carrier's
 * machine-readable reason (e.g. 'before_foc', 'port_request_not_found'); `name` is stable so
 * activities can list it in Temporal's `nonRetryableErrorTypes`.
 */
export class CarrierRequestRefused extends Error {
  override readonly name = 'CarrierRequestRefused';

  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export function isCarrierRequestRefused(error: unknown): error is CarrierRequestRefused {
  return error instanceof CarrierRequestRefused;
}
