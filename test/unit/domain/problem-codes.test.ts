/**
 * The documented problem codes are exactly the ones validation can produce: one scenario per code
 * (the Record type makes the compiler insist on every code), each shown to yield its code.
 */
import {
  PROBLEM_CODES,
  validateSubmission,
  type PortInOrderDraft,
  type ProblemCode,
  type SubmissionContext,
} from '../../../domain';
import { LANDLINE, lookup, validContext, validDraft, WIRELESS } from './fixtures';

type Scenario = [change: (d: PortInOrderDraft) => void, context?: Partial<SubmissionContext>];
const none = () => {};

const SCENARIOS: Record<ProblemCode, Scenario> = {
  plan_not_eligible: [none, { accountPlan: 'trial' }],
  country_support_only: [(d) => (d.country = 'AU')],
  country_not_portable: [(d) => (d.country = 'GB' as never)],
  no_numbers: [(d) => (d.numbers = [])],
  too_many_numbers: [
    (d) => (d.numbers = Array.from({ length: 21 }, (_, i) => ({ phoneNumber: `+1415555${3000 + i}` }))),
  ],
  project_port_staff_only: [(d) => (d.projectPort = true)],
  project_port_multiple_accounts: [
    (d) => (d.projectPort = true),
    { actorRole: 'support', lookups: [lookup(LANDLINE, 'landline', 'AT&T'), lookup(WIRELESS, 'wireless')] },
  ],
  invalid_phone_number: [(d) => (d.numbers[0].phoneNumber = '555')],
  duplicate_number: [(d) => d.numbers.push({ phoneNumber: LANDLINE })],
  number_country_mismatch: [(d) => (d.numbers[0].phoneNumber = '+16135550123')],
  number_already_active: [none, { activeNumbers: [LANDLINE] }],
  number_in_open_order: [none, { numbersInOtherOpenOrders: [LANDLINE] }],
  number_not_portable: [none, { lookups: [{ ...lookup(LANDLINE, 'landline'), portableAtCarrier: false }] }],
  authorized_name_missing: [(d) => (d.authorizedPerson = {})],
  service_address_incomplete: [(d) => (d.serviceAddress.city = '')],
  po_box_not_allowed: [(d) => (d.serviceAddress.line1 = 'PO Box 1')],
  invalid_region: [(d) => (d.serviceAddress.region = 'ZZ')],
  invalid_postal_code: [(d) => (d.serviceAddress.postalCode = '1')],
  service_address_country_mismatch: [(d) => (d.serviceAddress.country = 'CA')],
  invalid_time_zone: [(d) => (d.timeZone = 'Nowhere/Special')],
  invalid_notification_email: [(d) => (d.notificationEmail = 'x')],
  account_number_missing: [(d) => (d.losingCarrier.accountNumber = undefined)],
  pin_required: [(d) => (d.losingCarrier.pin = undefined)],
  invalid_btn_format: [(d) => (d.losingCarrier.btn = 'x')],
  invalid_document: [(d) => d.documents.push({ id: 'x', kind: 'photo' as never, phoneNumbers: [] })],
  document_number_not_in_order: [(d) => d.documents[0].phoneNumbers.push('+14155559999')],
  loa_missing: [(d) => d.documents.splice(0, 1)],
  loa_wrong_template: [(d) => (d.documents[0].loaTemplate = 'toll_free')],
  loa_signer_mismatch: [(d) => (d.documents[0].signerName = 'Bob')],
  toll_free_subscriber_required: [(d) => (d.requesterIsTollFreeSubscriber = false)],
  proof_of_ownership_missing: [(d) => d.documents.splice(2, 1)],
  bill_date_missing: [(d) => (d.documents[2].issuedOn = undefined)],
  bill_date_invalid: [(d) => (d.documents[2].issuedOn = '2030-01-01')],
  bill_too_old: [(d) => (d.documents[2].issuedOn = '2024-01-01')],
  invalid_port_date: [(d) => (d.requestedPortDate = 'soon')],
  port_date_not_business_day: [(d) => (d.requestedPortDate = '2025-06-21')],
  port_date_not_in_future: [(d) => (d.requestedPortDate = '2025-05-01')],
  sms_only_not_portable: [(d) => (d.configuration.capabilities = 'sms')],
  invalid_capabilities: [(d) => (d.configuration.capabilities = 'data' as never)],
  invalid_cnam: [(d) => (d.configuration.cnam = '<script>')],
  invalid_application: [(d) => (d.configuration.application = { type: 'xml_app', id: '' })],
  invalid_submission_context: [none, { today: '' }],
};

describe('problem codes', () => {
  it('are all reachable, and no scenario is left without a code', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it.each(Object.entries(SCENARIOS))('%s is produced by its scenario', (code, [change, context]) => {
    const draft = validDraft();
    change(draft);
    const codes = validateSubmission(draft, validContext(context)).problems.map((p) => p.code);
    expect(codes).toContain(code);
  });
});
