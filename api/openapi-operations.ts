/**
 * What each operation of the OpenAPI document is for, beside its shapes (api/openapi.ts): its tag,
 * a description (what it does, who may call it, the rule behind it in docs/rules.md), the roles
 * allowed (`x-roles`), the state an order must be in for it to succeed (`x-order-status`), and its
 * request example (api/openapi-examples.ts). Keyed by `METHOD path`; a route may also carry these
 * itself, and then its own win. test/unit/api/openapi-teaches.test.ts fails on an operation without
 * a tag, summary or description.
 */
import { requestExamples } from './openapi-examples';

export type Role = 'customer' | 'support' | 'ops' | 'carrier' | 'anyone';
/**
 * The order an `{id}` names must be in this state (the e2e example test builds one): `ready_draft` has
 * its LOA and bill, `in_progress` was approved and sent to the carrier, `accepted` has an FOC date
 * more than 72 h away, `rejected` waits for a resubmission.
 */
export type OrderState = 'draft' | 'ready_draft' | 'in_review' | 'in_progress' | 'accepted' | 'rejected';

/** The state, in words, for the operation's description (Swagger UI does not show `x-` fields). */
export const ORDER_STATE_WORDS: Record<OrderState, string> = {
  draft: 'any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example',
  ready_draft: 'a draft with its LOA and a bill uploaded (`POST …/documents`)',
  in_review: 'a submitted order in staff review (`status: in_review`)',
  in_progress:
    'an approved order sent to the carrier (`status: in_progress`, its numbers `submitted_to_carrier`)',
  accepted: 'an order whose carrier granted an FOC date 72 h or more away (numbers `accepted`)',
  rejected: 'an order with a number rejected inside its 30-day resubmission window (numbers `rejected`)',
};

export interface OperationDocs {
  /** Optional only for routes that state their own tag and description (api/openapi-checklist.ts). */
  tag?: Tag;
  description?: string;
  roles: Role[];
  orderStatus?: OrderState;
  /** Request body example (JSON, or the fields of a multipart form). */
  example?: unknown;
  /** Query parameter examples (prefilled by Swagger UI: only values that keep a result useful). */
  queryExamples?: Record<string, unknown>;
}

const R = 'docs/rules.md';

export const TAGS = {
  orders: 'Drafts, submission and the order’s timeline: one order moves one losing-carrier account.',
  documents: `LOAs and proofs of ownership an order needs before submit (${R} §4).`,
  numbers: `Before and after ordering: whether numbers can be ported (${R} §2), and the numbers ported in.`,
  changes: `Changing one’s mind after submit: quotes, cancellations and port-date changes with their fees (${R} §12), resubmission after a rejection (${R} §8).`,
  'review (staff)': `Support’s decision on a submitted order, within the 24 h SLA (${R} §7).`,
  webhooks: `Signed customer events (Standard Webhooks), their delivery log and redelivery (${R} §13).`,
  'carrier events (carrier)': `The losing carrier’s answers, signed with the carrier’s secret (${R} §8, §9).`,
  'codec (ops)': 'The Temporal codec server: the Temporal UI and CLI decrypt workflow payloads through it.',
  health: 'Liveness and readiness for load balancers and orchestrators.',
} as const;
export type Tag = keyof typeof TAGS;

const WHO = {
  customerOrSupport: 'Customer keys (own account only: another account’s order is a `404`) and support keys.',
  anyKey: 'Any key: customers see their own account only; support and ops see every account.',
};

export function operationDocs(now = Date.now()): Record<string, OperationDocs> {
  const ex = requestExamples(now);
  return {
    'GET /healthz': {
      tag: 'health',
      roles: ['anyone'],
      description: 'Answers `200` while the process serves requests. No key.',
    },
    'GET /readyz': {
      tag: 'health',
      roles: ['anyone'],
      description:
        'Answers `200` when both Temporal and the store answer, else `503` naming the one that is down. No key.',
    },
    'POST /v1/portability-checks': {
      tag: 'numbers',
      roles: ['customer', 'support'],
      example: ex.portabilityCheck,
      description: `For each number: its E.164 form, country, line type, losing carrier, and whether it can be ported, with every reason it cannot (invalid, wrong country, already active, in another open order, not portable at the carrier). The same rules submit applies (${R} §2); nothing is stored. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders': {
      tag: 'orders',
      roles: ['customer', 'support'],
      example: ex.createOrder,
      description: `Creates a draft: nothing is sent to the carrier yet. Numbers are normalised to E.164; numbers of different losing-carrier accounts, or toll-free mixed with local, become several drafts, each with its \`splitReason\` (${R} §2). The schema, the account and every number are checked at once (one \`422\` naming every problem); the owner, address and documents are checked at submit. The carrier account number and PIN are encrypted at rest and answered masked. Customers create for their own account (Standard plan only: \`403 plan_not_eligible\`, ${R} §1); support names \`accountId\`. Next: upload documents, then submit.`,
    },
    'GET /v1/port-in-orders': {
      tag: 'orders',
      roles: ['customer', 'support', 'ops'],
      queryExamples: { limit: 20 },
      description: `Orders newest first, filtered by status, number, reference, account, creation instant and FOC date; paginated by cursor (pass \`nextCursor\` back with the same filters until it is null). ${WHO.anyKey}`,
    },
    'GET /v1/port-in-orders/{id}': {
      tag: 'orders',
      roles: ['customer', 'support', 'ops'],
      orderStatus: 'draft',
      description: `The order as it stands: status derived from its numbers (${R} §6), each number’s status, FOC date and activation instant (${R} §9), fees, and what it waits for; on each number the \`actions\` the caller’s role may take on it now (\`cancel\`, \`change_port_date\`, \`resubmit\`, \`configure\`: the API decides, a client only offers them), and while the staff review waits its deadline (\`reviewDueAt\`). ${WHO.anyKey}`,
    },
    'PATCH /v1/port-in-orders/{id}': {
      tag: 'orders',
      roles: ['customer', 'support'],
      orderStatus: 'draft',
      example: ex.editDraft,
      description: `Edits a draft: any field but the account and the country (a new country is a new order). Only the fields sent change; numbers are checked as at create. A submitted order is \`409 not_a_draft\`. Edits of one draft at the same instant are applied one after the other (none lost); one that kept colliding is \`409 concurrent_change\`, with nothing changed. ${WHO.customerOrSupport}`,
    },
    'PUT /v1/port-in-orders/{id}/configuration': {
      tag: 'orders',
      roles: ['customer', 'support'],
      orderStatus: 'draft',
      example: ex.configuration,
      description: `Replaces how the numbers are set up when they are activated (capabilities, alias, CNAM, application; ${R} §5). Checked by submit’s own rules when written, for a draft as for a submitted order: an invalid CNAM, \`sms\` alone or an incomplete application is one \`422\` naming every bad field, and nothing changes. Allowed until a number is activated (\`409 number_closed\`) or the order closed (\`409 order_closed\`). ${WHO.customerOrSupport}`,
    },
    'DELETE /v1/port-in-orders/{id}': {
      tag: 'orders',
      roles: ['customer', 'support'],
      orderStatus: 'draft',
      description: `Deletes a draft and its documents. A submitted order is canceled instead (\`POST …/cancel\`). ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/documents': {
      tag: 'documents',
      roles: ['customer', 'support'],
      orderStatus: 'draft',
      example: ex.document,
      description: `Uploads one document to a draft as \`multipart/form-data\`: the \`file\` (PDF, PNG or JPEG, judged from its bytes; at most 10 MB) and what it is. Every number needs an LOA signed by the authorized person, and a proof of ownership: a CSR, a bill at most 30 days old (\`issuedOn\`), or for VoIP numbers a screenshot of the account (${R} §4). A bill about to be too old is accepted with a warning. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/submit': {
      tag: 'orders',
      roles: ['customer', 'support'],
      orderStatus: 'ready_draft',
      description: `Checks every intake rule at once (${R} §1–§5): one \`422 submission_invalid\` lists every problem. A clean order claims its numbers (one open order per number), starts its workflow and goes to staff review (${R} §7); \`warnings\` name what the carrier would most likely reject. No body. ${WHO.customerOrSupport}`,
    },
    'GET /v1/port-in-orders/{id}/events': {
      tag: 'orders',
      roles: ['customer', 'support', 'ops'],
      orderStatus: 'draft',
      description: `The order’s timeline, oldest first: submission, review, carrier answers, FOC dates, activation, fees, completion. ${WHO.anyKey}`,
    },
    'GET /v1/port-in-orders/{id}/comments': {
      tag: 'orders',
      roles: ['customer', 'support', 'ops'],
      orderStatus: 'in_review',
      description: `The order’s comment thread between the customer and support, oldest first; customers never see support’s internal notes. ${WHO.anyKey}`,
    },
    'POST /v1/port-in-orders/{id}/comments': {
      tag: 'orders',
      roles: ['customer', 'support'],
      orderStatus: 'in_review',
      example: ex.comment,
      description: `Adds a comment to a submitted order’s thread and timeline; the other side is told once (support’s comment: an email and a webhook event; the customer’s: an ops alert). Support may write an internal note (\`internal: true\`) that no one is told of. A draft is \`409 not_submitted\`, a finished order \`409 order_closed\`. ${WHO.customerOrSupport}`,
    },
    'GET /v1/port-in-orders/{id}/loa': {
      tag: 'documents',
      roles: ['customer', 'support'],
      orderStatus: 'draft',
      description: `The order’s letter of authorization as a PDF, filled in from the order: authorized person or business, service address, losing carrier, account number, BTN and the numbers in a table; toll-free numbers get the toll-free (RespOrg) template (${R} §4). The account number is written in full only for the account’s own customer key (the carrier matches it), masked for staff; the answer is \`no-store\`. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/loa/signature-requests': {
      tag: 'documents',
      roles: ['customer', 'support'],
      orderStatus: 'draft',
      example: {},
      description: `Emails the authorized person a single-use link, valid 72 h, to a signing page that shows the letter; signing (typed full name and consent) stores the signed PDF with its signature block and audit trail as the draft’s LOA document, which submit counts like an upload. A signer other than the authorized person is refused with submit’s \`loa_signer_mismatch\`. ${WHO.customerOrSupport}`,
    },
    // Issue 14's read-only routes state their tag and description themselves (api/openapi-checklist.ts).
    'GET /v1/port-in-orders/{id}/requirements': {
      roles: ['customer', 'support', 'ops'],
      orderStatus: 'draft',
    },
    'GET /v1/port-in-orders/{id}/port-date-options': { roles: ['customer', 'support'], orderStatus: 'draft' },
    'GET /v1/port-in-orders/{id}/documents': { roles: ['customer', 'support'], orderStatus: 'ready_draft' },
    'GET /v1/port-in-orders/{id}/documents/{documentId}': {
      roles: ['customer', 'support'],
      orderStatus: 'ready_draft',
    },
    'GET /v1/port-in-orders/{id}/cancellation-quote': {
      tag: 'changes',
      roles: ['customer', 'support'],
      orderStatus: 'in_progress',
      description: `What cancelling (or changing the port date of) the order’s numbers would cost now, per number, and whether the caller may: customers until 72 h before the activation instant, support until it (${R} §12). Changes nothing. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/cancel': {
      tag: 'changes',
      roles: ['customer', 'support'],
      orderStatus: 'in_progress',
      example: ex.cancel,
      description: `Cancels some or all of the order’s numbers and answers the fee charged per number: $0 in review, $13 before the FOC or 72 h or more before it, then $98 and $520 for support inside 48 and 24 h (${R} §12). A customer inside 72 h gets \`409 customer_inside_72h\`; an activated or finished number \`409 number_closed\`; a draft is deleted instead (\`409 not_submitted\`). A rejected number awaiting resubmission can be given up free. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/port-date': {
      tag: 'changes',
      roles: ['customer', 'support'],
      orderStatus: 'accepted',
      example: ex.portDate,
      description: `Asks for another port date ("supp") once the carrier granted an FOC date: same windows and fees as a cancellation (${R} §12). Numbers already at the carrier are changed there first; if the carrier refuses, nothing changes and nothing is charged (\`409 carrier_refused\`). Answers the new FOC date and the fees. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/resubmit': {
      tag: 'changes',
      roles: ['customer', 'support'],
      orderStatus: 'rejected',
      example: ex.resubmit,
      description: `Sends rejected numbers to the carrier again, inside their 30-day window, with the corrections the rejection asked for (${R} §8); no new staff review. \`unportable\` rejections are final (\`409 not_resubmittable\`); a number not in the order is \`409 unknown_number\`. Corrections are checked by submit’s own rules (\`422 invalid_btn_format\`, \`authorized_name_missing\`). One resubmission of an order at a time: another at the same instant is \`409 concurrent_change\`. A refused resubmission changes nothing stored. ${WHO.customerOrSupport}`,
    },
    'POST /v1/port-in-orders/{id}/review': {
      tag: 'review (staff)',
      roles: ['support'],
      orderStatus: 'in_review',
      example: ex.review,
      description: `Support approves a submitted order (it goes to the losing carrier) or rejects it with a carrier rejection code, which opens the same resubmission window (${R} §7, §8). A second decision is \`409 wrong_state\`. Support keys only (\`demo-support-key\`).`,
    },
    'GET /v1/review-queue': {
      tag: 'review (staff)',
      roles: ['support', 'ops'],
      queryExamples: { limit: 25 },
      description: `Submitted orders still waiting for the staff review, oldest submission first, each with the moment the 24 h review promise runs out (\`reviewDueAt\`), whether it was escalated, and its NeedsAttention flag (${R} §7). Decide each with \`POST /v1/port-in-orders/{id}/review\`. Support and ops keys (ops read-only); customers get a \`403\`.`,
    },
    'GET /v1/port-in-orders/{id}/workflow': {
      tag: 'review (staff)',
      roles: ['support', 'ops'],
      orderStatus: 'in_review',
      description: `Where the order’s workflow is: its id (\`port-in-order-<orderId>\`), the namespace, and its page in the Temporal UI (the first of \`CODEC_CORS_ORIGINS\`, the UI the codec endpoint serves; null when none is configured). A draft has no workflow: \`409 not_submitted\`. Support and ops keys; customers get a \`403\`.`,
    },
    'GET /v1/me': {
      tag: 'health',
      roles: ['customer', 'support', 'ops'],
      description: `The caller as its API key identifies it: role (customer, support, ops), the customer’s account, the key’s name. The web console (\`/console/\`) asks it at sign-in to show the pages of the role. ${WHO.anyKey}`,
    },
    'GET /v1/active-numbers': {
      tag: 'numbers',
      roles: ['customer', 'support', 'ops'],
      queryExamples: { limit: 100 },
      description: `Numbers ported in and completed (every requested capability works; ${R} §6, §11), with their configuration, by number; paginated by cursor. ${WHO.anyKey}`,
    },
    'PUT /v1/webhook-endpoint': {
      tag: 'webhooks',
      roles: ['customer', 'support'],
      example: ex.webhookEndpoint,
      description: `Registers the account’s webhook URL and answers its signing secret, once. The URL must reach the public internet: loopback, private, link-local and metadata addresses are a \`422\` (here and at each delivery), as is a host that does not resolve (\`dns_failure\`). Customer keys set their own account’s; support names \`accountId\` (${R} §13).`,
    },
    'DELETE /v1/webhook-endpoint': {
      tag: 'webhooks',
      roles: ['customer', 'support'],
      description: `Removes the account’s webhook endpoint; emails continue. Customer keys remove their own; support names \`accountId\`.`,
    },
    'GET /v1/webhook-deliveries': {
      tag: 'webhooks',
      roles: ['customer', 'support', 'ops'],
      queryExamples: { limit: 20 },
      description: `Every webhook event sent, newest first, with its attempts and the last error as \`<class>: <detail>\` (never the receiver’s body); paginated by cursor. ${WHO.anyKey}`,
    },
    'POST /v1/webhook-deliveries/{id}/republish': {
      tag: 'webhooks',
      roles: ['customer', 'support'],
      description: `Delivers an event again to the account’s current endpoint, with its original \`webhook-id\` and body (receivers de-duplicate on it). \`{id}\` is the \`id\` of an entry of \`GET /v1/webhook-deliveries\`. ${WHO.customerOrSupport}`,
    },
    'POST /v1/carrier/events': {
      tag: 'carrier events (carrier)',
      roles: ['carrier'],
      example: ex.carrierEvent,
      description: `The losing carrier answers here, never with an API key: the body is signed with the carrier’s secret (Standard Webhooks: \`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`), so Swagger UI cannot send it; the carrier simulator does. Each event becomes a signal to the order’s workflow, applied once per \`webhook-id\` (${R} §8, §9).`,
    },
    'POST /codec/decode': {
      tag: 'codec (ops)',
      roles: ['ops', 'support'],
      example: ex.payloads,
      description:
        'Decrypts Temporal payloads for the Temporal UI and CLI (the codec-server protocol). Payloads hold customers’ numbers and sealed secrets: ops and support keys only (`demo-ops-key`). A payload that is not encrypted comes back as it was.',
    },
    'POST /codec/encode': {
      tag: 'codec (ops)',
      roles: ['ops', 'support'],
      example: ex.payloads,
      description:
        'Encrypts payloads as the services do, for the Temporal CLI (e.g. a signal’s argument). Ops and support keys only (`demo-ops-key`).',
    },
  };
}
