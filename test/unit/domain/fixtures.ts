/**
 * A complete, valid US order and its context, for validation tests to corrupt one thing at a time.
 * today is Monday 2 June 2025; the requested port date is two weeks later, a plain business day.
 */
import {
  validateSubmission,
  type NumberLookup,
  type PortInOrderDraft,
  type SubmissionContext,
  type ValidationResult,
} from '../../../domain';

export const TODAY = '2025-06-02';

export const LANDLINE = '+14155552671';
export const WIRELESS = '+14155552672';
export const TOLL_FREE = '+18005551234';
export const LANDLINE_2 = '+14155552673';

export function validDraft(): PortInOrderDraft {
  return {
    accountId: 'acct_123',
    country: 'US',
    customerReference: 'ticket-42',
    authorizedPerson: { firstName: 'Jane', lastName: 'Smith' },
    serviceAddress: {
      line1: '123 Main Street',
      line2: 'Suite 400',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
      country: 'US',
    },
    losingCarrier: { name: 'Verizon', accountNumber: 'ACC-998877', pin: '4321', btn: '+14155552600' },
    notificationEmail: 'jane.smith@example.com',
    numbers: [
      { phoneNumber: LANDLINE },
      { phoneNumber: WIRELESS },
      { phoneNumber: TOLL_FREE },
      { phoneNumber: LANDLINE_2 },
    ],
    documents: [
      {
        id: 'doc_loa',
        kind: 'loa',
        phoneNumbers: [LANDLINE, WIRELESS, LANDLINE_2],
        loaTemplate: 'standard',
        signerName: 'Jane Smith',
      },
      {
        id: 'doc_loa_tf',
        kind: 'loa',
        phoneNumbers: [TOLL_FREE],
        loaTemplate: 'toll_free',
        signerName: 'Jane Smith',
      },
      { id: 'doc_bill', kind: 'bill', phoneNumbers: [], issuedOn: '2025-05-20' },
    ],
    requestedPortDate: '2025-06-16',
    configuration: {
      capabilities: 'voice+sms',
      alias: 'Main office',
      cnam: 'ACME & Sons',
      application: { type: 'xml_app', id: 'app_1' },
    },
    requesterIsTollFreeSubscriber: true,
  };
}

export function lookup(
  phoneNumber: string,
  lineType: NumberLookup['lineType'],
  losingCarrier = 'Verizon',
): NumberLookup {
  return { phoneNumber, country: 'US', lineType, losingCarrier, portableAtCarrier: true };
}

export function validContext(overrides: Partial<SubmissionContext> = {}): SubmissionContext {
  return {
    actorRole: 'customer',
    accountPlan: 'standard',
    today: TODAY,
    lookups: [
      lookup(LANDLINE, 'landline'),
      lookup(WIRELESS, 'wireless'),
      lookup(TOLL_FREE, 'toll_free'),
      lookup(LANDLINE_2, 'landline'),
    ],
    activeNumbers: ['+14155550000'],
    numbersInOtherOpenOrders: ['+14155550001'],
    ...overrides,
  };
}

/** A valid Canadian order (Ottawa), one landline. */
export function validCanadianDraft(): PortInOrderDraft {
  return {
    ...validDraft(),
    country: 'CA',
    serviceAddress: {
      line1: '80 Wellington Street',
      city: 'Ottawa',
      region: 'ON',
      postalCode: 'K1A 0A2',
      country: 'CA',
    },
    losingCarrier: { name: 'Bell', accountNumber: '5551234' },
    numbers: [{ phoneNumber: '+16135550123' }],
    documents: [
      { id: 'loa', kind: 'loa', phoneNumbers: [], signerName: 'Jane Smith' },
      { id: 'csr', kind: 'csr', phoneNumbers: [] },
    ],
    requestedPortDate: '2025-06-17',
    requesterIsTollFreeSubscriber: false,
  };
}

/** A valid Australian order (Sydney), one landline: support staff only. */
export function validAustralianDraft(): PortInOrderDraft {
  return {
    ...validCanadianDraft(),
    country: 'AU',
    serviceAddress: {
      line1: '1 Martin Place',
      city: 'Sydney',
      region: 'NSW',
      postalCode: '2000',
      country: 'AU',
    },
    losingCarrier: { name: 'Telstra', accountNumber: '998877' },
    numbers: [{ phoneNumber: '+61293744000' }],
  };
}

export function lookupsFor(
  numbers: string[],
  lineType: NumberLookup['lineType'] = 'landline',
): NumberLookup[] {
  return numbers.map((n) => lookup(n, lineType, 'Carrier'));
}

/** `{code, field}` pairs, for compact assertions. */
export function found(result: ValidationResult): Array<{ code: string; field: string }> {
  return result.problems.map(({ code, field }) => ({ code, field }));
}

/** Validates the fixture after `change` edits it in place. */
export function validateChanged(
  change: (draft: PortInOrderDraft) => void,
  context: Partial<SubmissionContext> = {},
): ValidationResult {
  const draft = validDraft();
  change(draft);
  return validateSubmission(draft, validContext(context));
}
