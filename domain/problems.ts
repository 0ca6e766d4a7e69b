/**
 * The vocabulary of intake validation: blocking problems (the order cannot be submitted) and warnings
 * (it can, but the losing carrier will probably reject it). Codes are stable machine strings the API
 * documents; messages are for people and may change.
 */
import type { RejectionCode } from './rejection-codes';

export const PROBLEM_CODES = [
  // who may port what (rulebook section 2)
  'plan_not_eligible',
  'country_support_only',
  'country_not_portable',
  'no_numbers',
  'too_many_numbers',
  'project_port_staff_only',
  'project_port_multiple_accounts',
  // the numbers themselves
  'invalid_phone_number',
  'duplicate_number',
  'number_country_mismatch',
  'number_already_active',
  'number_in_open_order',
  'number_not_portable',
  // owner, address, contact and losing-carrier account (section 3)
  'authorized_name_missing',
  'service_address_incomplete',
  'po_box_not_allowed',
  'invalid_region',
  'invalid_postal_code',
  'service_address_country_mismatch',
  'invalid_time_zone',
  'invalid_notification_email',
  'account_number_missing',
  'pin_required',
  'invalid_btn_format',
  // documents
  'invalid_document',
  'document_number_not_in_order',
  'loa_missing',
  'loa_wrong_template',
  'loa_signer_mismatch',
  'toll_free_subscriber_required',
  'proof_of_ownership_missing',
  'bill_date_missing',
  'bill_date_invalid',
  'bill_too_old',
  // port date and number configuration
  'invalid_port_date',
  'port_date_not_business_day',
  'port_date_not_in_future',
  'sms_only_not_portable',
  'invalid_capabilities',
  'invalid_cnam',
  'invalid_application',
  // the caller's context, not the customer's input (a server-side bug)
  'invalid_submission_context',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  /** JSON path into the draft ('numbers[2].phoneNumber', 'serviceAddress.line1'). */
  field: string;
  /** What is wrong and what to do about it. */
  message: string;
}

export const WARNING_CODES = [
  'csr_name_mismatch',
  'csr_address_mismatch',
  'csr_postal_code_mismatch',
  'csr_account_number_mismatch',
  'csr_btn_mismatch',
  'number_lookup_missing',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  code: WarningCode;
  field: string;
  message: string;
  /** The carrier rejection this difference would most likely cause. */
  likelyRejection?: RejectionCode;
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && (PROBLEM_CODES as readonly string[]).includes(value);
}
