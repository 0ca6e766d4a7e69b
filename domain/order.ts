/**
 * The port-in order as the customer describes it (intake). Carrier secrets (PIN, account number)
 * appear here only on the way in; the store keeps them encrypted and the workflow never sees them.
 */
import type { IsoDate } from './calendar';

export const SELF_SERVICE_COUNTRIES = ['US', 'CA'] as const;
export const SUPPORT_ONLY_COUNTRIES = ['AU'] as const;
export type PortCountry = 'US' | 'CA' | 'AU';

export type LineType = 'landline' | 'wireless' | 'voip' | 'toll_free';
/** `sms` alone is not a port (hosted messaging); validation refuses it with a pointer. */
export type Capabilities = 'voice' | 'voice+sms' | 'sms';
export type DocumentKind = 'loa' | 'bill' | 'csr' | 'account_screenshot';
export type AccountPlan = 'standard' | 'trial';

export interface ServiceAddress {
  line1: string;
  line2?: string;
  city: string;
  region: string; // state / province / territory code
  postalCode: string;
  country: PortCountry;
}

/** The authorized user (first and last name) or the business that owns the numbers. */
export interface AuthorizedPerson {
  firstName?: string;
  lastName?: string;
  businessName?: string;
}

export interface LosingCarrierAccount {
  /** Carrier name as known to us (from the LNP look-up or the customer). */
  name?: string;
  /** True when the carrier uses account numbers (most do). */
  usesAccountNumber?: boolean;
  accountNumber?: string;
  pin?: string;
  /** Billing telephone number, when the carrier account has one. */
  btn?: string;
}

export interface ApplicationRef {
  type: 'xml_app' | 'phlo';
  id: string;
}

export interface NumberConfiguration {
  capabilities: Capabilities;
  alias?: string;
  subaccountId?: string;
  cnam?: string;
  application?: ApplicationRef;
}

/** Structured fields of a customer service record, when one is uploaded with them. */
export interface CsrFields {
  name?: string;
  serviceAddress?: Partial<ServiceAddress>;
  accountNumber?: string;
  btn?: string;
}

export interface OrderDocument {
  id: string;
  kind: DocumentKind;
  /** The numbers the document covers; empty means every number of the order. */
  phoneNumbers: string[];
  /** Bills: the issue date printed on the bill. */
  issuedOn?: IsoDate;
  /** LOAs: which template was used, and who signed. */
  loaTemplate?: 'standard' | 'toll_free';
  signerName?: string;
  /** CSRs: structured fields, used to warn before the carrier rejects. */
  csr?: CsrFields;
}

export interface OrderNumber {
  phoneNumber: string; // E.164
}

export interface PortInOrderDraft {
  accountId: string;
  country: PortCountry;
  customerReference?: string;
  authorizedPerson: AuthorizedPerson;
  serviceAddress: ServiceAddress;
  losingCarrier: LosingCarrierAccount;
  /** Email of the account the numbers go to (notifications are sent there). */
  notificationEmail: string;
  numbers: OrderNumber[];
  documents: OrderDocument[];
  requestedPortDate?: IsoDate;
  configuration: NumberConfiguration;
  /** IANA zone for FOC midnight; derived from the address when absent. */
  timeZone?: string;
  /** Staff-only: more than 100 numbers on one losing-carrier account. */
  projectPort?: boolean;
  /** Toll-free: the requester is the toll-free subscriber. */
  requesterIsTollFreeSubscriber?: boolean;
}

/** What the carrier's LNP look-up (and our own inventory) says about one number. */
export interface NumberLookup {
  phoneNumber: string;
  country?: string;
  lineType?: LineType;
  losingCarrier?: string;
  /** False when the carrier says the number cannot be ported. */
  portableAtCarrier: boolean;
}
