/**
 * The losing carriers' customer service records (CSRs) the simulator validates port requests
 * against. A CSR is one carrier account: who holds it, where the service is, the secrets that
 * authenticate a port-out (account number, PIN), the BTN, and the state of each number on it.
 */
import type { LineType, PortCountry, ServiceAddress } from '../domain/order';

/** Where a number stands at its current carrier, independent of any port request. */
export type CsrNumberState =
  | 'active'
  | 'inactive' // disconnected / not in service → number_inactive
  | 'pending_order' // another service order is open at the carrier → pending_service_request
  | 'unportable'; // the carrier cannot release it (e.g. no LNP in that rate centre) → unportable

export interface CsrNumber {
  phoneNumber: string; // E.164
  lineType: LineType;
  state: CsrNumberState;
  /**
   * Multi-location business accounts bill under a master account number but port each number
   * under the service account it sits on; giving the master (or a sibling) number is then
   * `incorrect_service_account_number` rather than `incorrect_account_number`.
   */
  serviceAccountNumber?: string;
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

export interface CustomerServiceRecord {
  /** Stable id used in the scenario catalogue (SCENARIOS.md). */
  id: string;
  /** One line saying what the record demonstrates. */
  scenario: string;
  /** The losing carrier, as the LNP look-up reports it. */
  carrier: string;
  country: PortCountry;
  /** Exactly one of a person's name or a business name. */
  accountHolder: { firstName?: string; lastName?: string; businessName?: string };
  /** People allowed to act on the account besides a personal holder (e.g. a spouse, an office manager). */
  authorizedContacts: PersonName[];
  serviceAddress: ServiceAddress;
  /** Secret: never logged. */
  accountNumber: string;
  /** Port-out PIN on file; secret: never logged. Required for wireless numbers. */
  pin?: string;
  /** Billing telephone number (E.164) when the account has one; a port request must quote it. */
  btn?: string;
  /** Unpaid balance or port-away fee → unsatisfactory_business_relationship. */
  balanceDueCents: number;
  /** Managed by a reseller, who must be asked for the CSR → resold_account. */
  reseller?: string;
  numbers: CsrNumber[];
}

/** Numbers with no CSR belong to this generic carrier: a landline that ports if the request is complete. */
export const GENERIC_CARRIER = 'Simulated Telco';

/** The CSR holding a number, and the number's line on it; undefined for numbers of the generic carrier. */
export function findCsr(
  records: readonly CustomerServiceRecord[],
  phoneNumber: string,
): { record: CustomerServiceRecord; line: CsrNumber } | undefined {
  for (const record of records) {
    const line = record.numbers.find((n) => n.phoneNumber === phoneNumber);
    if (line) return { record, line };
  }
  return undefined;
}
