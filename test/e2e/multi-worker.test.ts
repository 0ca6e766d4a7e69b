/**
 * Several workers on one task queue share the load and never double a side effect: on the real
 * dev server, two workers (separate connections and identities, like two replicas) run six orders
 * at once — submission, carrier acceptance (the simulator answers on its own), a paid port-date
 * change on half of them, the port, activation, capability tests and completion. Then each order's
 * history says which worker ran what, and the store, the carrier and the mailbox show every number
 * activated once, every fee charged once and every email sent once.
 */
import { addBusinessDays, localDate } from '../../domain/calendar';
import { workflowIdFor } from '../../workflows/messages';
import { api, orderBody } from '../support/api-client';
import {
  firstNumber,
  simulatorControl,
  submitAndApprove,
  waitForOrder,
  type OrderSpec,
} from '../support/scenarios';
import { expectEachSideEffectOnce, repeated } from '../support/side-effects';
import { KEYS, useStack } from '../support/stack';

const ORDERS = 6;
const WORKERS = 2;

const stack = useStack({ autoAnswer: true, workers: WORKERS });

interface Outcome {
  orderId: string;
  phoneNumber: string;
  email: string;
  datePaid: boolean;
}

/** A number of the simulator's generic carrier: accepted when the request is complete. */
const spec = (i: number, requestedPortDate: string): OrderSpec => ({
  country: 'US',
  phoneNumbers: [`+1212555018${i}`],
  person: { firstName: 'Ada', lastName: 'Lovelace' },
  address: orderBody().serviceAddress as OrderSpec['address'],
  accountNumber: '987654321',
  notificationEmail: `multi-worker-${i}@example.test`,
  requestedPortDate,
});

/** One order from draft to completed; even-numbered ones move their port date first (a $13 fee). */
async function runOrder(i: number): Promise<Outcome> {
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const requested = addBusinessDays(localDate(Date.now(), 'America/New_York'), 10, 'US');
  const order = spec(i, requested);
  const orderId = await submitAndApprove(stack, order);
  const accepted = await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'accepted', 60_000);
  expect(firstNumber(accepted).focDate).toBe(requested);

  const datePaid = i % 2 === 0;
  if (datePaid) {
    const moved = addBusinessDays(requested, 2, 'US');
    const res = await customer.post(`/v1/port-in-orders/${orderId}/port-date`, { portDate: moved });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ focDate: moved, totalCents: 13_00 });
    await waitForOrder(stack, orderId, (o) => firstNumber(o).focDate === moved, 60_000);
  }

  // The losing carrier releases the number now: port, activation, capability tests, completion.
  await simulatorControl(stack, `/port-requests/${orderId}/complete`);
  await waitForOrder(stack, orderId, (o) => o.status === 'completed', 90_000);
  // The workflow ends once its notices (the completion email) have gone out.
  const result = await stack.client.workflow.getHandle(workflowIdFor(orderId)).result();
  expect(result.status).toBe('completed');
  return { orderId, phoneNumber: order.phoneNumbers[0], email: order.notificationEmail, datePaid };
}

/** Who ran each workflow task and activity of an order, from its history's `identity` fields. */
async function identitiesOf(orderId: string) {
  const history = await stack.client.workflow.getHandle(workflowIdFor(orderId)).fetchHistory();
  const workflowTasks: string[] = [];
  const activities: string[] = [];
  for (const event of history.events ?? []) {
    const wft = event.workflowTaskCompletedEventAttributes?.identity;
    if (wft) workflowTasks.push(wft);
    const activity = event.activityTaskStartedEventAttributes?.identity;
    if (activity) activities.push(activity);
  }
  return { workflowTasks, activities };
}

const tally = (names: string[]) =>
  names.reduce<Record<string, number>>((acc, n) => ({ ...acc, [n]: (acc[n] ?? 0) + 1 }), {});

test('two workers on one task queue: six orders complete, the work is shared, no side effect twice', async () => {
  expect(stack.workerIdentities).toHaveLength(WORKERS);
  const outcomes = await Promise.all(Array.from({ length: ORDERS }, (_, i) => runOrder(i)));

  // Every order completed (checked in runOrder), and both workers took part: each ran activities
  // (workflow tasks stick to the worker that cached the order, so they may fall to one worker).
  const perOrder = await Promise.all(outcomes.map((o) => identitiesOf(o.orderId)));
  const workflowTasks = tally(perOrder.flatMap((p) => p.workflowTasks));
  const activities = tally(perOrder.flatMap((p) => p.activities));
  const workers = [...stack.workerIdentities].sort();
  const shares = { workflowTasks, activities };
  expect({ ranActivities: Object.keys(activities).sort(), shares }).toEqual({
    ranActivities: workers,
    shares,
  });
  expect(Object.keys(workflowTasks).every((w) => workers.includes(w))).toBe(true);

  // The side effects both this test and the cluster tests check (test/support/side-effects.ts).
  const mails = stack.mail.messages();
  await expectEachSideEffectOnce(stack, outcomes, mails);
  for (const o of outcomes) {
    // Charged once: the port-date change fee on the orders that moved their date, nothing on the others.
    const charges = await stack.store.models.Charge.find({ orderId: o.orderId }).lean();
    expect(
      charges.map((c) => ({ phoneNumber: c.phoneNumber, reason: c.reason, amountCents: c.amountCents })),
    ).toEqual(
      o.datePaid ? [{ phoneNumber: o.phoneNumber, reason: 'port_date_change', amountCents: 13_00 }] : [],
    );
    // And no subject twice in the customer's mailbox.
    const subjects = mails.filter((m) => m.to.includes(o.email)).map((m) => m.subject);
    expect({ order: o.orderId, subjects: repeated(subjects) }).toEqual({ order: o.orderId, subjects: [] });
  }
}, 240_000);
