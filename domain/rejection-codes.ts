/** Carrier rejection reasons (rulebook section 7): the code, what it means, the remedy, and whether it can be resubmitted. */
export const REJECTION_CODES = [
  'unsatisfactory_business_relationship',
  'data_mismatch',
  'name_mismatch',
  'address_mismatch',
  'number_inactive',
  'unauthorized_contact',
  'wrong_wireless_pin',
  'incorrect_account_number',
  'invalid_btn',
  'unportable',
  'resold_account',
  'pending_service_request',
  'incorrect_service_account_number',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface RejectionReason {
  code: RejectionCode;
  meaning: string;
  remedy: string;
  resubmittable: boolean;
}

const CORRECT_LOA =
  'Send us a corrected LOA, or ask the losing carrier to correct its customer service record, then resubmit.';

export const REJECTION_REASONS: Readonly<Record<RejectionCode, RejectionReason>> = {
  unsatisfactory_business_relationship: {
    code: 'unsatisfactory_business_relationship',
    meaning: 'The losing carrier reports an unpaid balance or port-away fee on the account.',
    remedy: 'Pay the outstanding balance or port-away fee to the losing carrier, then resubmit.',
    resubmittable: true,
  },
  data_mismatch: {
    code: 'data_mismatch',
    meaning: 'The details on the order do not match the customer service record (CSR) at the losing carrier.',
    remedy: CORRECT_LOA,
    resubmittable: true,
  },
  name_mismatch: {
    code: 'name_mismatch',
    meaning: 'The name on the LOA does not match the name on the customer service record.',
    remedy: CORRECT_LOA,
    resubmittable: true,
  },
  address_mismatch: {
    code: 'address_mismatch',
    meaning: 'The service address or ZIP code does not match the customer service record.',
    remedy: CORRECT_LOA,
    resubmittable: true,
  },
  number_inactive: {
    code: 'number_inactive',
    meaning: 'The number is not in service at the losing carrier.',
    remedy: 'Ask the losing carrier to reinstate the number, then resubmit.',
    resubmittable: true,
  },
  unauthorized_contact: {
    code: 'unauthorized_contact',
    meaning: 'The person who signed the LOA is not the authorized person on the account.',
    remedy:
      'Ask the losing carrier to update the authorized person on the account (or have that person sign the LOA), then resubmit.',
    resubmittable: true,
  },
  wrong_wireless_pin: {
    code: 'wrong_wireless_pin',
    meaning: 'The port PIN does not match the one on file at the losing carrier.',
    remedy: 'Get the port PIN on file from the losing carrier, then resubmit.',
    resubmittable: true,
  },
  incorrect_account_number: {
    code: 'incorrect_account_number',
    meaning: 'The account number is missing or does not match the losing carrier’s records.',
    remedy: 'Get the account number on file from the losing carrier, then resubmit.',
    resubmittable: true,
  },
  invalid_btn: {
    code: 'invalid_btn',
    meaning: 'The billing telephone number (BTN) does not match the losing carrier’s records.',
    remedy: 'Get the BTN on file from the losing carrier, then resubmit.',
    resubmittable: true,
  },
  unportable: {
    code: 'unportable',
    meaning: 'The number cannot be ported.',
    remedy:
      'This number cannot be moved. You can rent a new number from us and/or forward calls from the old number to it.',
    resubmittable: false,
  },
  resold_account: {
    code: 'resold_account',
    meaning: 'The account is managed by a reseller.',
    remedy: 'Ask the reseller for a customer service record and its porting directions, then resubmit.',
    resubmittable: true,
  },
  pending_service_request: {
    code: 'pending_service_request',
    meaning: 'Another order is pending on this number at the losing carrier.',
    remedy: 'Ask the losing carrier to suspend or cancel the conflicting request, then resubmit.',
    resubmittable: true,
  },
  incorrect_service_account_number: {
    code: 'incorrect_service_account_number',
    meaning: 'The service account number does not match the losing carrier’s records.',
    remedy: 'Get the service account number on file from the losing carrier, then resubmit.',
    resubmittable: true,
  },
};

export function isRejectionCode(value: unknown): value is RejectionCode {
  return typeof value === 'string' && (REJECTION_CODES as readonly string[]).includes(value);
}
