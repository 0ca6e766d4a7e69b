/**
 * What each property of the API means, for the OpenAPI document: a glossary by property name, so a
 * word means the same thing in every response (`phoneNumber` is always E.164, `feeCents` always US
 * cents). Request fields carry their description (with the rule behind it) where their zod schema is
 * written (api/schemas.ts); the glossary describes the rest, mostly response fields, and never
 * replaces a description a schema gives.
 *
 * A key is a property name, optionally qualified by what holds it: the component (`Problem.status`)
 * or the property whose object or list it is in (`rejection.code`, `fees.reason`). The most
 * qualified key that matches wins. test/unit/api/openapi-teaches.test.ts fails on any property
 * left without a description, so a new field needs a line here or a description at its schema.
 */
const RULES = 'docs/rules.md';

export const PROPERTY_GLOSSARY: Record<string, string> = {
  // Identifiers and times
  id: 'identifier, as the API issued it',
  'PortInOrder.id': 'the order’s id (`pio_` and 20 hex characters); its workflow is `port-in-order-<id>`',
  'SubmittedOrder.id': 'the order’s id (`pio_` and 20 hex characters); its workflow is `port-in-order-<id>`',
  'orders.id': 'the draft’s id (`pio_` and 20 hex characters): use it in the other order routes',
  'OrderDocument.id': 'the document’s id (stored in GridFS)',
  'WebhookDelivery.id': 'the event id, sent as `webhook-id`: the same on every attempt and republish',
  orderId: 'the order’s id',
  order:
    'the order as it stands after this action (read-your-writes): a GET of the order right after shows at least this state',
  accountId: 'the customer account (`acct_…`)',
  createdAt: 'RFC 3339 date-time the record was created (UTC)',
  updatedAt: 'RFC 3339 date-time of the last change (UTC)',
  submittedAt: 'RFC 3339 date-time the order was submitted (UTC)',
  completedAt: 'RFC 3339 date-time the number completed: ported, and every requested capability works',
  at: 'RFC 3339 date-time it happened (UTC)',
  seq: 'position in the order’s timeline, from 1, without gaps',

  // Numbers
  phoneNumber: 'E.164, e.g. `+13475550101`',
  phoneNumbers: 'E.164 numbers',
  'PortInOrder.phoneNumbers': 'every number of the order in E.164, drafts included',
  input: 'the number as it was sent',
  country: 'ISO 3166-1 alpha-2',
  'PortInOrder.country': `the order’s country (ISO 3166-1 alpha-2): every number and the service address are in it (${RULES} §2)`,
  'SubmittedOrder.country': `the order’s country (ISO 3166-1 alpha-2): every number and the service address are in it (${RULES} §2)`,
  'orders.country': `the order’s country (ISO 3166-1 alpha-2): every number and the service address are in it (${RULES} §2)`,
  lineType: `from the carrier’s look-up: all four are portable; toll-free ports through a RespOrg change (${RULES} §2)`,
  losingCarrier: 'the carrier the number leaves, from the look-up',
  'PortInOrder.losingCarrier': `the account the numbers leave; the account number and PIN masked (${RULES} §3)`,
  'SubmittedOrder.losingCarrier': `the account the numbers leave; the account number and PIN masked (${RULES} §3)`,
  'orders.losingCarrier': `the account the numbers leave; the account number and PIN masked (${RULES} §3)`,
  portable: `whether the number can be ported to us now (${RULES} §2)`,
  reasons: 'every reason the number cannot be ported, in order of importance',
  numbers: 'one entry per number',
  'PortInOrder.numbers': `each submitted number with its status, FOC date and activation; empty for a draft (${RULES} §6)`,
  'SubmittedOrder.numbers': `each submitted number with its status, FOC date and activation (${RULES} §6)`,
  'orders.numbers': 'empty: a draft has no number statuses yet (see `phoneNumbers`)',
  activated: `whether the number was added to the account at its activation instant (${RULES} §9)`,
  ported: `whether the carrier confirmed the port; once it has (even before the activation instant) the number can no longer be canceled or moved (${RULES} §11, §12)`,
  activationAt: `RFC 3339 instant of activation: 00:00 of the FOC date in the order’s zone (${RULES} §9)`,
  focDate: `the firm order commitment date the carrier granted, YYYY-MM-DD (${RULES} §9)`,
  attempt: `carrier submissions so far: 1, plus one per resubmission (${RULES} §8)`,
  rejection: `why the number was rejected, and until when it may be resubmitted (${RULES} §8)`,
  'rejection.code': `the rejection reason code (${RULES} §8)`,
  resubmitBy: `RFC 3339 end of the 30-day resubmission window; absent when the rejection is final (${RULES} §8)`,
  cancellation: `who canceled the number and the fee charged (${RULES} §12)`,
  by: 'who did it: `customer`, `support` or `carrier`',

  // Orders
  'PortInOrder.status': `derived from the numbers’ statuses: draft, in_review, in_progress, then completed, rejected or canceled (${RULES} §6)`,
  'SubmittedOrder.status': `derived from the numbers’ statuses (${RULES} §6)`,
  'orders.status': 'always `draft` for a created order',
  'PortInNumber.status': `the number’s own status (${RULES} §6)`,
  'Problem.status': 'the HTTP status code',
  'WebhookDelivery.status': '`sent` once the endpoint answered 2xx, `failed` after the last retry',
  review: `the staff review: pending, escalated (24 h SLA missed), approved or rejected (${RULES} §7)`,
  needsAttention: `a person must act (escalated review, carrier silence, port overdue, failing capability; ${RULES} §14)`,
  waitingFor: 'what the order waits for now, each with its deadline when it has one',
  what: 'the awaited event, in words',
  until: 'RFC 3339 deadline of the wait',
  customerReference: 'your own reference, as given at create',
  notificationEmail: `every email about the order goes here (${RULES} §13)`,
  requestedPortDate: `the port date asked for, YYYY-MM-DD; the carrier may grant a later FOC (${RULES} §5)`,
  documents: `the uploaded documents: LOAs and proofs of ownership (${RULES} §4)`,
  orders: `the drafts created: one per losing-carrier account and number type (${RULES} §2, splitting)`,
  'losingCarrier.name':
    'the carrier the numbers leave: as the draft names it, and once submitted the one the order was submitted to (the carrier’s look-up of the numbers first, else the name given)',
  'losingCarrier.usesAccountNumber': '`false` when the carrier has no account numbers',
  'losingCarrier.btn': 'billing telephone number, E.164',
  warnings: `what the carrier would most likely reject; never blocking (${RULES} §3, prevention)`,

  // Fees and changes
  fees: `every fee charged on the order, one per number and change (${RULES} §12)`,
  feeCents: `fee in US cents (${RULES} §12)`,
  reason:
    'why the fee was charged: `cancellation` or `port_date_change`, or a port’s one-time charge: `international_port`, `after_hours_port`',
  afterHoursPort: `the customer asked for the port outside business hours: an extra fee per number (${RULES} §1)`,
  quotedPortingChargeCents: `support’s quote of the one-time charge per number of a port outside the US and Canada, US cents (${RULES} §1)`,
  portingCharges: `the one-time charges the order carries, per number and kind: shown on the draft, fixed at submit, and recorded in \`fees\` when each number is ported (${RULES} §1)`,
  'portingCharges.kind':
    '`international_port` (a port outside the US and Canada) or `after_hours_port` (outside business hours)',
  'portingCharges.feeCents': `the charge in US cents (${RULES} §1)`,
  'PortabilityCheckResult.data.reason': 'the first of `reasons`',
  totalFeesCents: 'the sum of `fees`, in US cents',
  totalCents: 'the sum of the numbers’ fees, in US cents',
  currency: 'always USD; amounts are in cents',
  window: `where the number stands against its activation instant; sets who may act and the fee (${RULES} §12)`,
  allowedRoles: `who may make the change for this number now (${RULES} §12)`,
  hoursUntilPort: 'hours from now to the activation instant (00:00 of the FOC date, local)',
  refusal:
    'why the caller may not make the change (`customer_inside_72h`, `number_closed`, `role_not_allowed`)',

  // Documents
  contentType: 'the media type judged from the content (not the file name)',
  sha256: 'SHA-256 of the stored bytes, hex',
  size: 'bytes',
  file: 'the document: PDF, PNG or JPEG (judged from the content), at most 10 MB',

  // Problems and warnings
  'Problem.type': 'a URI naming the problem type',
  'Problem.title': 'a short human-readable summary',
  code: 'stable machine-readable code',
  'Warning.code': `what the order and the CSR disagree on, or what is missing (${RULES} §3)`,
  'reasons.code': 'why the number cannot be ported',
  'errors.code': `the problem’s stable code, as in ${RULES}`,
  field: 'the request field at fault, as a dotted path (`serviceAddress.postalCode`, `numbers.0`)',
  message: 'what is wrong, for a person',
  likelyRejection: `the rejection the carrier would most likely answer (${RULES} §8)`,
  errors: 'every problem of the request, each with the field at fault',

  // Timeline, webhooks, active numbers, readiness, codec
  'OrderEvent.type': 'what happened (`submitted`, `review_approved`, `foc_assigned`, `canceled`, …)',
  detail: 'more about it, in words',
  'WebhookDelivery.type': `the event type (\`port_in_order.status_changed\`, …; ${RULES} §13)`,
  url: 'the endpoint events are POSTed to',
  secret: 'the Standard Webhooks signing secret (`whsec_…`): shown this once, store it now',
  attempts: 'delivery attempts so far (retried for about six hours)',
  lastError: 'why the last attempt failed, as `<class>: <detail>` (`timeout`, `http_status: 500`, …)',
  ok: 'whether the endpoint answered 2xx',
  statusCode: 'HTTP status the endpoint answered',
  error: 'why it failed, as `<class>: <detail>`',
  'Comment.seq': 'the comment’s position in the thread, from 1',
  'Comment.author': 'who wrote the comment: the customer or support',
  'Comment.internal': 'a support-only note: customers never see it, and no one is told',
  'Comment.body': 'the comment’s text',
  body: 'the comment’s text',
  configuration: `how the numbers are set up at activation (${RULES} §5)`,
  store: 'the store (MongoDB/FerretDB) is reachable',
  temporal: 'the Temporal frontend is reachable',
  data: 'the items',
  'PortabilityCheckResult.data': 'one verdict per number sent, in the same order',
  'Payloads.payloads.data': 'the payload bytes, base64',
  'Payloads.payloads.metadata':
    'the payload’s metadata (`encoding`, `encryption-key-id`, …), each value base64',
};

/** What each named schema (component) is. */
export const COMPONENT_DESCRIPTIONS: Record<string, string> = {
  PortInOrder: `a port-in order: one losing-carrier account’s numbers moving to us, from draft to a terminal status (${RULES} §6)`,
  SubmittedOrder: 'the order as submitted, with the warnings that do not block it',
  PortInNumber: `one number of a submitted order: its status, FOC date, activation, attempt, rejection or cancellation (${RULES} §6)`,
  OrderDocument: `a stored document of the order (${RULES} §4)`,
  OrderEvent: 'one entry of the order’s timeline',
  FeeResult: `the fees a cancellation charged, per number (${RULES} §12)`,
  PortDateResult: `the FOC date after a port-date change, and its fees (${RULES} §12)`,
  ChangeQuote: `what a cancellation or port-date change would cost now, per number, and who may make it (${RULES} §12)`,
  ActiveNumber: `a number ported in and completed, with its configuration (${RULES} §11)`,
  WebhookDelivery: `one webhook event sent to the account’s endpoint, with its attempts (${RULES} §13)`,
  Readiness: 'whether each dependency answers',
  PortabilityCheckResult: `one verdict per number checked (${RULES} §2)`,
  Comment: 'one comment of an order’s thread between the customer and support',
  UploadWarning: 'a document accepted but flagged: the problem submit would report about it',
};

type Schema = Record<string, unknown> & { properties?: Record<string, Schema> };

/** The glossary's description for a property reached through `path` (component or parents, then name). */
export function glossaryDescription(path: readonly string[]): string | undefined {
  for (let start = Math.max(0, path.length - 3); start < path.length; start++) {
    const key = path.slice(start).join('.');
    if (PROPERTY_GLOSSARY[key]) return PROPERTY_GLOSSARY[key];
  }
  return undefined;
}

/** Fills in, from the glossary, the description of every property of `schema` that has none. */
export function describeProperties(schema: unknown, path: readonly string[]): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Schema;
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    const here = [...path, name];
    if (!property.description && !property.$ref) {
      const description = glossaryDescription(here);
      if (description) property.description = description;
    }
    describeProperties(property, here);
  }
  if (s.items) describeProperties(s.items, path);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const branch of (s[key] as unknown[] | undefined) ?? []) describeProperties(branch, path);
}
