/**
 * The request examples of the OpenAPI document: one story, the order the create example makes. Sent
 * unchanged from Swagger UI's "Try it out" with the demo keys of `npm start` (README "Demo accounts
 * and keys"), each succeeds on that order once it is in the state its operation documents
 * (`x-order-status`); test/e2e/openapi-examples.test.ts sends every one against the real stack.
 *
 * The number is the demo carrier's (carrier-simulator/demo-profile.ts: accepted with today's FOC
 * date and ported at once), so the order completes within a minute in the local demo. Dates are
 * computed when the document is built, so they stay in the future.
 */
import { addBusinessDays, localDate } from '../domain/calendar';

/** A number of the demo carrier's "today" range. */
export const EXAMPLE_NUMBER = '+13475550105';
const ZONE = 'America/New_York';

/** A business day far enough ahead to be after any FOC date the demo carrier grants. */
const laterBusinessDay = (now: number) => addBusinessDays(localDate(now, ZONE), 20, 'US');

export function requestExamples(now = Date.now()) {
  const today = localDate(now, ZONE);
  return {
    portabilityCheck: { phoneNumbers: [EXAMPLE_NUMBER, '(212) 555-0147'], country: 'US' },
    createOrder: {
      country: 'US',
      customerReference: 'PO-2291',
      phoneNumbers: [EXAMPLE_NUMBER],
      authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
      serviceAddress: {
        line1: '350 Fifth Avenue',
        line2: 'Floor 20',
        city: 'New York',
        region: 'NY',
        postalCode: '10118',
        country: 'US',
      },
      losingCarrier: { name: 'Demo Express Telephone', accountNumber: '987654321', pin: '4321' },
      notificationEmail: 'ada@example.test',
      configuration: { capabilities: 'voice+sms', alias: 'Front desk', cnam: 'LOVELACE ADA' },
    },
    editDraft: {
      customerReference: 'PO-2291-B',
      notificationEmail: 'porting@example.test',
      losingCarrier: { accountNumber: '987654321', pin: '4321' },
    },
    configuration: { capabilities: 'voice+sms', alias: 'Front desk', cnam: 'LOVELACE ADA' },
    /** Multipart fields; Swagger UI asks for the file itself. A bill needs `issuedOn` instead. */
    document: {
      kind: 'loa',
      loaTemplate: 'standard',
      signerName: 'Ada Lovelace',
      phoneNumbers: [EXAMPLE_NUMBER],
    },
    review: { decision: 'approve', note: 'LOA and bill checked' },
    cancel: { phoneNumbers: [EXAMPLE_NUMBER] },
    portDate: { portDate: laterBusinessDay(now), phoneNumbers: [EXAMPLE_NUMBER] },
    resubmit: {
      phoneNumbers: [EXAMPLE_NUMBER],
      corrections: { accountNumber: '987654321', pin: '4321' },
    },
    comment: { body: 'The LOA is signed by our office manager; the account holder is Ada Lovelace.' },
    webhookEndpoint: { url: 'https://example.com/port-in-events' },
    /** The carrier signs its events; the order id is the one the event is about. */
    carrierEvent: {
      type: 'number.accepted',
      orderId: 'pio_0123456789abcdef0123',
      phoneNumbers: [EXAMPLE_NUMBER],
      focDate: addBusinessDays(today, 3, 'US'),
      occurredAt: new Date(now).toISOString(),
    },
    /** `json/plain` and `{"hello":"world"}`, base64: what a workflow argument looks like unencrypted. */
    payloads: {
      payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJoZWxsbyI6IndvcmxkIn0=' }],
    },
  };
}

/** A draft as the API answers it: its numbers in `phoneNumbers`, none in `numbers` until submitted. */
export function draftExample(now = Date.now()) {
  const { createOrder } = requestExamples(now);
  const at = new Date(now).toISOString();
  return {
    id: 'pio_0123456789abcdef0123',
    accountId: 'acct_demo_standard',
    status: 'draft',
    customerReference: createOrder.customerReference,
    country: createOrder.country,
    timeZone: ZONE,
    needsAttention: false,
    waitingFor: [],
    authorizedPerson: createOrder.authorizedPerson,
    serviceAddress: createOrder.serviceAddress,
    // Masked as security/field-crypto.ts masks: the last four characters of longer secrets only.
    losingCarrier: { name: createOrder.losingCarrier.name, accountNumber: '••••4321', pin: '••••' },
    notificationEmail: createOrder.notificationEmail,
    configuration: createOrder.configuration,
    documents: [],
    phoneNumbers: createOrder.phoneNumbers,
    numbers: [],
    fees: [],
    totalFeesCents: 0,
    afterHoursPort: false,
    portingCharges: [],
    createdAt: at,
    updatedAt: at,
  };
}
