/**
 * Scenario helpers for end-to-end tests against the carrier simulator: orders built from its seeded
 * customer service records (carrier-simulator/SCENARIOS.md), the draft → documents → submit →
 * review path, polling the read model, control calls to the simulator, and caught emails.
 */
import { SEED_RECORDS } from '../../carrier-simulator/seed';
import request from 'supertest';
import { addDays, localDate } from '../../domain/calendar';
import type { CaughtMessage } from '../../notifications/smtp-catcher';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { api, eventually, orderBody } from './api-client';
import { KEYS, type Stack } from './stack';

export interface Party {
  firstName?: string;
  lastName?: string;
  businessName?: string;
}

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
  country: 'US' | 'CA' | 'AU';
}

export interface OrderSpec {
  country: 'US' | 'CA' | 'AU';
  phoneNumbers: string[];
  person: Party;
  address: Address;
  accountNumber?: string;
  pin?: string;
  btn?: string;
  notificationEmail: string;
  requestedPortDate?: string;
  capabilities?: 'voice' | 'voice+sms';
  /** Who signs the LOA; defaults to the person's name, else the business name. */
  signerName?: string;
  /** AU orders go through support (rulebook section 2); support names the account. */
  asSupport?: boolean;
}

/**
 * A one-number US order for a number the simulator does not know (a generic landline that ports as
 * asked): the request's own holder, address and account, with `extra` on top.
 */
export function plainUsOrder(
  phone: string,
  notificationEmail: string,
  extra: Partial<OrderSpec> = {},
): OrderSpec {
  return {
    country: 'US',
    phoneNumbers: [phone],
    person: { firstName: 'Ada', lastName: 'Lovelace' },
    address: orderBody().serviceAddress as Address,
    accountNumber: '987654321',
    notificationEmail,
    ...extra,
  };
}

/** The request body for an order spec (the LOA and bill are uploaded separately). */
export function bodyFor(spec: OrderSpec): Record<string, unknown> {
  return orderBody({
    country: spec.country,
    phoneNumbers: spec.phoneNumbers,
    authorizedPerson: spec.person,
    serviceAddress: spec.address,
    losingCarrier: {
      ...(spec.accountNumber ? { accountNumber: spec.accountNumber } : {}),
      ...(spec.pin ? { pin: spec.pin } : {}),
      ...(spec.btn ? { btn: spec.btn } : {}),
    },
    notificationEmail: spec.notificationEmail,
    configuration: { capabilities: spec.capabilities ?? 'voice+sms' },
    ...(spec.requestedPortDate ? { requestedPortDate: spec.requestedPortDate } : {}),
    ...(spec.asSupport ? { accountId: DEMO_ACCOUNT_ID } : {}),
  });
}

const describeResponse = (what: string, res: request.Response) =>
  new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 1500)}`);

/**
 * Creates the draft, uploads one standard LOA and one bill from today covering every number, and
 * submits it. Returns the order id and the submit response (202 expected; anything else throws).
 */
export async function createAndSubmit(stack: Stack, spec: OrderSpec): Promise<string> {
  const client = api(stack.apiUrl, spec.asSupport ? KEYS.supportKey : KEYS.customerKey);
  const created = await client.post('/v1/port-in-orders', bodyFor(spec));
  if (created.status !== 201) throw describeResponse('create', created);
  const order = created.body.orders[0] as { id: string; timeZone: string };
  const signerName =
    spec.signerName ??
    (spec.person.firstName ? `${spec.person.firstName} ${spec.person.lastName}` : spec.person.businessName!);
  const loa = await client.upload(`/v1/port-in-orders/${order.id}/documents`, {
    kind: 'loa',
    loaTemplate: 'standard',
    signerName,
  });
  if (loa.status !== 201) throw describeResponse('LOA upload', loa);
  // Yesterday in the order's zone: always within 30 days and never in the future.
  const issuedOn = addDays(localDate(Date.now(), order.timeZone), -1);
  const bill = await client.upload(`/v1/port-in-orders/${order.id}/documents`, { kind: 'bill', issuedOn });
  if (bill.status !== 201) throw describeResponse('bill upload', bill);
  const submitted = await client.post(`/v1/port-in-orders/${order.id}/submit`);
  if (submitted.status !== 202) throw describeResponse('submit', submitted);
  return order.id;
}

/** Support approves the review; the carrier submission is on its way when this returns. */
export async function approve(stack: Stack, orderId: string): Promise<void> {
  const res = await api(stack.apiUrl, KEYS.supportKey).post(`/v1/port-in-orders/${orderId}/review`, {
    decision: 'approve',
  });
  if (res.status !== 200) throw describeResponse('review', res);
}

export async function submitAndApprove(stack: Stack, spec: OrderSpec): Promise<string> {
  const orderId = await createAndSubmit(stack, spec);
  await approve(stack, orderId);
  return orderId;
}

export interface OrderView {
  id: string;
  status: string;
  numbers: {
    phoneNumber: string;
    status: string;
    focDate?: string;
    activated: boolean;
    rejection?: { code: string; resubmitBy?: string };
    cancellation?: { by: string; feeCents: number };
    attempt: number;
  }[];
  fees: { phoneNumber: string; feeCents: number; reason: string }[];
  totalFeesCents: number;
  waitingFor: { what: string; until?: string }[];
}

export async function getOrder(stack: Stack, orderId: string): Promise<OrderView> {
  const res = await api(stack.apiUrl, KEYS.supportKey).get(`/v1/port-in-orders/${orderId}`);
  if (res.status !== 200) throw describeResponse('get order', res);
  return res.body as OrderView;
}

/** Polls GET /v1/port-in-orders/{id} until `ok` holds (throws with the last view otherwise). */
export function waitForOrder(
  stack: Stack,
  orderId: string,
  ok: (order: OrderView) => boolean,
  timeoutMs = 30_000,
): Promise<OrderView> {
  return eventually(() => getOrder(stack, orderId), ok, timeoutMs);
}

export const firstNumber = (order: OrderView) => order.numbers[0];

/** The order's transitions, oldest first (GET /v1/port-in-orders/{id}/events). */
export async function orderEvents(
  stack: Stack,
  orderId: string,
): Promise<{ type: string; detail?: string }[]> {
  const res = await api(stack.apiUrl, KEYS.supportKey).get(`/v1/port-in-orders/${orderId}/events`);
  if (res.status !== 200) throw describeResponse('events', res);
  return res.body.data;
}

/**
 * Until the workflow's first task has run (its `order.submitted` transition is in the store). A
 * review rejection delivered before that is undone by the workflow (see the bug test in
 * test/e2e/rejection-codes.test.ts), so tests that reject wait for this first.
 */
export async function waitForWorkflowStart(stack: Stack, orderId: string): Promise<void> {
  await eventually(
    () => orderEvents(stack, orderId),
    (events) => events.some((e) => e.type === 'order.submitted'),
    30_000,
  );
}

/** The simulated carrier answers the order's port request (accepted, FOC = the requested date) once it has it. */
export async function answerWhenSubmitted(stack: Stack, orderId: string): Promise<void> {
  await eventually(
    () =>
      simulatorControl(stack, `/port-requests/${orderId}/answer`).then(
        () => true,
        () => false,
      ),
    (answered) => answered,
    30_000,
  );
}

/** `POST {simulatorUrl}/control/...`: play the losing carrier's side. */
export async function simulatorControl(stack: Stack, path: string, body: object = {}): Promise<unknown> {
  const res = await request(stack.simulatorUrl).post(`/control${path}`).send(body);
  if (res.status !== 200) throw describeResponse(`simulator control ${path}`, res);
  return res.body;
}

/** `GET {simulatorUrl}/port-requests/:orderId`: what the carrier side recorded. */
export async function simulatorPortRequest(
  stack: Pick<Stack, 'simulatorUrl'>,
  orderId: string,
): Promise<{
  numbers: { phoneNumber: string; state: string; focDate?: string; reasonCode?: string }[];
  submissions: { carrierRequestId: string; attempt: number; phoneNumbers: string[] }[];
}> {
  const res = await request(stack.simulatorUrl).get(`/port-requests/${orderId}`);
  if (res.status !== 200) throw describeResponse('simulator port request', res);
  return res.body;
}

/** Whitespace-normalised plain-text body, so phrases match whatever the line breaks. */
export const plainText = (message: CaughtMessage): string => message.text.replace(/\s+/g, ' ');

/** The first email to `to` whose subject matches. */
export function waitForMail(
  stack: Stack,
  to: string,
  subject: RegExp,
  timeoutMs = 15_000,
): Promise<CaughtMessage> {
  return stack.mail.waitFor((m) => m.to.includes(to) && subject.test(m.subject), timeoutMs);
}

/** Every email caught so far for `to`. */
export const mailsTo = (stack: Stack, to: string): CaughtMessage[] =>
  stack.mail.messages().filter((m) => m.to.includes(to));

// ---- the simulator's seeded records (carrier-simulator/seed.ts), as order inputs ----

/** Order inputs for a seeded record: the holder (a business signs through its first authorized contact). */
function recordInput(id: string) {
  const record = SEED_RECORDS.find((r) => r.id === id);
  if (!record) throw new Error(`no seeded record ${id}`);
  const { accountHolder, authorizedContacts, serviceAddress, accountNumber, pin, btn } = record;
  const person: Party = accountHolder.businessName
    ? { businessName: accountHolder.businessName, ...authorizedContacts[0] }
    : { firstName: accountHolder.firstName, lastName: accountHolder.lastName };
  return {
    person,
    address: serviceAddress as Address,
    accountNumber,
    ...(pin ? { pin } : {}),
    ...(btn ? { btn } : {}),
  };
}

export const RECORDS = {
  usHappy: recordInput('us-happy'),
  usInactive: recordInput('us-inactive'),
  usResold: recordInput('us-resold'),
  usUnpaid: recordInput('us-unpaid'),
  usPending: recordInput('us-pending'),
  usWrongBtn: recordInput('us-wrong-btn'),
  usBusinessContacts: recordInput('us-business-contacts'),
  usServiceAccounts: recordInput('us-service-accounts'),
  caWireless: recordInput('ca-wireless'),
  auInactive: recordInput('au-inactive'),
  auHappy: recordInput('au-happy'),
};
