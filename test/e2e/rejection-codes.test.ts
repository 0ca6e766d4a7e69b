/**
 * Every rejection code of rulebook section 7, end to end: an order built from the carrier
 * simulator's seeded records (carrier-simulator/SCENARIOS.md) is submitted, reviewed and sent to the
 * simulator, which answers on its own (autoAnswer); the number ends `rejected` with that code and
 * the customer gets, over SMTP, an email naming the reason and its remedy. All orders run at once
 * in one stack; each code is then checked by its own test.
 *
 * `unportable` cannot come from the simulator: its seeded number (+17205550150) is refused by our
 * own intake (the LNP look-up says it is not portable: prevention, rulebook section 7), so the code
 * is checked through the staff review's rejection, which takes the same path to the customer.
 */
import { REJECTION_REASONS, type RejectionCode } from '../../domain/rejection-codes';
import type { CaughtMessage } from '../../notifications/smtp-catcher';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { DEFAULT_POLICY, reviewUpdate, statusQuery, workflowIdFor } from '../../workflows/messages';
import { portInOrderWorkflow } from '../../workflows/port-in-order';
import { api, eventually, orderBody } from '../support/api-client';
import {
  RECORDS,
  createAndSubmit,
  firstNumber,
  plainText,
  simulatorPortRequest,
  submitAndApprove,
  waitForMail,
  waitForOrder,
  waitForWorkflowStart,
  type OrderSpec,
  type OrderView,
} from '../support/scenarios';
import { KEYS, startStack, type Stack } from '../support/stack';

interface Scenario {
  code: RejectionCode;
  /** What makes the carrier reject it (for the test name). */
  how: string;
  spec: Omit<OrderSpec, 'notificationEmail'>;
  /** `review`: support rejects the order with the code instead of the carrier. */
  via?: 'carrier' | 'review';
}

const US = 'US' as const;
const SCENARIOS: Scenario[] = [
  {
    code: 'unsatisfactory_business_relationship',
    how: 'us-unpaid with its own details ($84.50 unpaid)',
    spec: { country: US, phoneNumbers: ['+12065550130'], ...RECORDS.usUnpaid },
  },
  {
    code: 'data_mismatch',
    how: 'us-happy with another name and another street',
    spec: {
      country: US,
      phoneNumbers: ['+12175550100'],
      ...RECORDS.usHappy,
      pin: undefined,
      person: { firstName: 'Jane', lastName: 'Doe' },
      address: { ...RECORDS.usHappy.address, line1: '9 Elm Street' },
    },
  },
  {
    code: 'name_mismatch',
    how: 'us-happy with another name (Jane Doe)',
    spec: {
      country: US,
      phoneNumbers: ['+12175550101'],
      ...RECORDS.usHappy,
      pin: undefined,
      person: { firstName: 'Jane', lastName: 'Doe' },
    },
  },
  {
    code: 'address_mismatch',
    how: 'us-happy with ZIP 62702',
    spec: {
      country: US,
      phoneNumbers: ['+12175550102'],
      ...RECORDS.usHappy,
      pin: undefined,
      address: { ...RECORDS.usHappy.address, postalCode: '62702' },
    },
  },
  {
    code: 'number_inactive',
    how: 'us-inactive +13125550111 with its own details',
    spec: { country: US, phoneNumbers: ['+13125550111'], ...RECORDS.usInactive },
  },
  {
    code: 'number_inactive',
    how: 'au-inactive +61355501235, an AU order placed by support',
    spec: { country: 'AU', phoneNumbers: ['+61355501235'], ...RECORDS.auInactive, asSupport: true },
  },
  {
    code: 'unauthorized_contact',
    how: 'Harbor Dental Group signed by Tom Baker instead of Priya Shah',
    spec: {
      country: US,
      phoneNumbers: ['+14095550170'],
      ...RECORDS.usBusinessContacts,
      person: { businessName: 'Harbor Dental Group LLC', firstName: 'Tom', lastName: 'Baker' },
    },
  },
  {
    code: 'wrong_wireless_pin',
    how: 'us-happy wireless +12175550103 with PIN 0000',
    spec: { country: US, phoneNumbers: ['+12175550103'], ...RECORDS.usHappy, pin: '0000' },
  },
  {
    code: 'incorrect_account_number',
    how: 'us-inactive +13125550110 with account number LSC-00000',
    spec: { country: US, phoneNumbers: ['+13125550110'], ...RECORDS.usInactive, accountNumber: 'LSC-00000' },
  },
  {
    code: 'invalid_btn',
    how: 'us-wrong-btn with BTN +15035550161 (a ported line, not the main line)',
    spec: { country: US, phoneNumbers: ['+15035550161'], ...RECORDS.usWrongBtn, btn: '+15035550161' },
  },
  {
    code: 'unportable',
    how: 'support rejects the review as unportable',
    spec: {
      country: US,
      phoneNumbers: ['+12125550170'],
      person: { firstName: 'Ada', lastName: 'Lovelace' },
      address: orderBody().serviceAddress as OrderSpec['address'],
      accountNumber: '987654321',
    },
    via: 'review',
  },
  {
    code: 'resold_account',
    how: 'us-resold with its own details',
    spec: { country: US, phoneNumbers: ['+16175550120'], ...RECORDS.usResold },
  },
  {
    code: 'pending_service_request',
    how: 'us-pending +14045550141 with its own details',
    spec: { country: US, phoneNumbers: ['+14045550141'], ...RECORDS.usPending },
  },
  {
    code: 'incorrect_service_account_number',
    how: 'us-service-accounts +12065550180 quoting the master account EBV-900000',
    spec: {
      country: US,
      phoneNumbers: ['+12065550180'],
      ...RECORDS.usServiceAccounts,
      accountNumber: 'EBV-900000',
    },
  },
];

const emailFor = (s: Scenario, i: number) => `reject-${i}-${s.code.replace(/_/g, '-')}@example.test`;

let stack: Stack;
/** One run per scenario, started together in beforeAll; each test awaits its own. */
const runs: Promise<{ orderId: string; order: OrderView }>[] = [];

async function run(s: Scenario, notificationEmail: string) {
  const spec = { ...s.spec, notificationEmail };
  let orderId: string;
  if (s.via === 'review') {
    orderId = await createAndSubmit(stack, spec);
    await waitForWorkflowStart(stack, orderId); // works around the first-task bug tested below
    const res = await api(stack.apiUrl, KEYS.supportKey).post(`/v1/port-in-orders/${orderId}/review`, {
      decision: 'reject',
      reasonCode: s.code,
      note: 'e2e',
    });
    if (res.status !== 200) throw new Error(`review reject: ${res.status} ${JSON.stringify(res.body)}`);
  } else {
    orderId = await submitAndApprove(stack, spec);
  }
  // Settled either way: a wrongly accepted number fails the test below with the whole view.
  const order = await waitForOrder(
    stack,
    orderId,
    (o) => o.numbers.every((n) => !['in_review', 'submitted_to_carrier'].includes(n.status)),
    60_000,
  );
  return { orderId, order };
}

beforeAll(async () => {
  stack = await startStack({ autoAnswer: true });
  SCENARIOS.forEach((s, i) => {
    const p = run(s, emailFor(s, i));
    p.catch(() => undefined); // reported by the scenario's own test
    runs.push(p);
  });
}, 180_000);
afterAll(async () => {
  await Promise.allSettled(runs);
  await stack?.stop();
}, 60_000);

describe.each(SCENARIOS.map((s, i) => [s.code, s.how, s, i] as const))('%s (%s)', (code, _how, s, i) => {
  test('the number ends rejected with the code, and the customer is emailed the reason and remedy', async () => {
    const { orderId, order } = await runs[i];
    const reason = REJECTION_REASONS[code];

    expect(order.status).toBe('rejected');
    expect(firstNumber(order)).toMatchObject({ status: 'rejected', rejection: { code } });
    if (reason.resubmittable) expect(firstNumber(order).rejection?.resubmitBy).toEqual(expect.any(String));
    else expect(firstNumber(order).rejection?.resubmitBy).toBeUndefined();
    if (s.via !== 'review') {
      // The code is the simulator's own answer, not something we made up on the way.
      const atCarrier = await simulatorPortRequest(stack, orderId);
      expect(atCarrier.numbers[0]).toMatchObject({ state: 'rejected', reasonCode: code });
    }

    // A rejection at our review is told as the review's, never as the carrier's.
    const mail: CaughtMessage = await waitForMail(
      stack,
      emailFor(s, i),
      s.via === 'review' ? /not approved/ : /1 number rejected by your current carrier/,
      20_000,
    );
    expect(mail.subject).toContain(orderId);
    const text = plainText(mail);
    expect(text).toContain(s.spec.phoneNumbers[0]);
    expect(text).toContain(`Reason code: ${code}`);
    expect(text).toContain(`What it means: ${reason.meaning}`);
    expect(text).toContain(`What to do: ${reason.remedy}`);
    if (s.via === 'review') {
      expect(text).toContain('We reviewed your order and cannot submit it to your current carrier');
      expect(text).not.toMatch(/rejected by your current carrier/);
      if (!reason.resubmittable) {
        expect(text).toContain('Resubmission: Not possible: the number cannot be ported');
        expect(text).toMatch(/rent a new number/i);
      }
    } else if (reason.resubmittable) {
      expect(text).toContain('Resubmission: Yes, by');
      expect(text).toContain('How to resubmit');
    } else {
      expect(text).toContain('Resubmission: Not possible: this number cannot be ported');
      expect(text).toContain('there is no resubmission');
      expect(text).toMatch(/rent a new number/i);
      expect(text).not.toContain('How to resubmit');
    }
  }, 90_000);
});

test('unportable is final: the order ends at once and a resubmission is refused', async () => {
  const i = SCENARIOS.findIndex((s) => s.code === 'unportable');
  const { orderId } = await runs[i];
  // No resubmission window to wait out: the workflow finishes with the order rejected.
  const result = await stack.client.workflow.getHandle(workflowIdFor(orderId)).result();
  expect(result.status).toBe('rejected');
  const res = await api(stack.apiUrl, KEYS.customerKey).post(`/v1/port-in-orders/${orderId}/resubmit`, {
    corrections: { accountNumber: '123' },
  });
  expect(res.status).toBe(409);
  expect(['order_closed', 'not_resubmittable']).toContain(res.body.code);
}, 90_000);

test('the simulator’s unportable number never reaches the carrier: intake refuses it with the remedy', async () => {
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const created = await customer.post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: ['+17205550150'], notificationEmail: 'unportable-intake@example.test' }),
  );
  expect(created.status).toBe(201);
  const res = await customer.post(`/v1/port-in-orders/${created.body.orders[0].id}/submit`);
  expect(res.status).toBe(422);
  const problem = res.body.errors.find((e: { code: string }) => e.code === 'number_not_portable');
  expect(problem?.message).toContain(REJECTION_REASONS.unportable.remedy);
});

// BUG (workflows/port-in-order.ts, start of the workflow body: `transition('order.submitted',
// state.numbers, 'in_review')` after the handlers are registered): an update that reaches the
// workflow with its first task (support's review POSTed right after the submit, the worker busy) is
// dispatched when setHandler registers the handler, before that line. A review rejection is fully
// synchronous, so it marks the number rejected and queues the email, then `order.submitted` puts
// the number back to `in_review`. The order then hangs: review 'rejected', number 'in_review' with a
// rejection attached, no resubmission possible (not 'rejected') and no new review (already decided).
// Seen through the API as an intermittent failure of the `unportable` case above under load; made
// deterministic here with update-with-start. Flip to `test` once fixed.
test('a review rejection delivered with the workflow’s first task sticks', async () => {
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const created = await customer.post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: ['+12125550171'], notificationEmail: 'first-task@example.test' }),
  );
  const orderId: string = created.body.orders[0].id;
  const start = new WithStartWorkflowOperation(portInOrderWorkflow, {
    workflowId: workflowIdFor(orderId),
    taskQueue: stack.taskQueue,
    workflowIdConflictPolicy: 'FAIL',
    args: [
      {
        orderId,
        accountId: DEMO_ACCOUNT_ID,
        country: 'US',
        timeZone: 'America/New_York',
        losingCarrier: 'Simulated Telco',
        phoneNumbers: ['+12125550171'],
        capabilities: 'voice+sms',
        policy: DEFAULT_POLICY,
      },
    ],
  });
  const decided = await stack.client.workflow.executeUpdateWithStart(reviewUpdate, {
    args: [{ actor: { role: 'support', id: 'e2e' }, decision: 'reject', reasonCode: 'data_mismatch' }],
    startWorkflowOperation: start,
  });
  expect(decided).toEqual({ review: 'rejected' });
  const handle = await start.workflowHandle();
  const status = await eventually(
    () => handle.query(statusQuery),
    (s) => s.numbers[0].status !== 'in_review',
    5_000,
  );
  expect(status.numbers[0]).toMatchObject({ status: 'rejected', rejection: { code: 'data_mismatch' } });
}, 30_000);
