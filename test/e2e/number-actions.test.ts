/**
 * The API decides what may be done with each number: every number of the order view carries the
 * `actions` the caller's role may take on it now, and the actions themselves agree with them (an
 * action not offered is refused, an offered one is taken). Also the review's deadline as a value
 * (`reviewDueAt`): fixed at submit, the very instant the workflow waits until, the same in the
 * review queue.
 */
import { addBusinessDays, addDays, localDate } from '../../domain/calendar';
import { api } from '../support/api-client';
import { submittedOrder } from '../support/order-fixtures';
import {
  answerWhenSubmitted,
  simulatorControl,
  waitForOrder,
  waitForWorkflowStart,
} from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(240_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);
const ops = () => api(stack.apiUrl, KEYS.opsKey);
const ZONE = 'America/New_York';
const DAY_MS = 24 * 3_600_000;

/** The actions on the order's first number, as `client` reads the order. */
async function actionsAs(client: ReturnType<typeof api>, id: string): Promise<string[]> {
  const res = await client.get(`/v1/port-in-orders/${id}`);
  expect(res.status).toBe(200);
  return res.body.numbers[0].actions;
}

test('in review, at the carrier and inside 72 h: each role is offered what the workflow then takes or refuses', async () => {
  const id = await submittedOrder(customer(), '+12125550171');
  await waitForWorkflowStart(stack, id);

  // In review: customer and support may cancel, move the date and configure; ops only read.
  const inReview = await customer().get(`/v1/port-in-orders/${id}`);
  expect(inReview.body.numbers[0].actions).toEqual(['cancel', 'change_port_date', 'configure']);
  expect(await actionsAs(support(), id)).toEqual(['cancel', 'change_port_date', 'configure']);
  expect(await actionsAs(ops(), id)).toEqual([]);

  // The review's deadline: fixed at submit, 24 h after it, the instant the workflow waits until.
  const { reviewDueAt, submittedAt } = inReview.body;
  expect(Date.parse(reviewDueAt) - Date.parse(submittedAt)).toBe(DAY_MS);
  const snapshot = await waitForOrder(stack, id, (o) => o.waitingFor.length > 0);
  expect(snapshot.waitingFor).toContainEqual({ what: 'staff review decision', until: reviewDueAt });
  const queue = await support().get('/v1/review-queue');
  expect(queue.body.data.find((o: { id: string }) => o.id === id)?.reviewDueAt).toBe(reviewDueAt);

  // Approved: the action's answer carries the order with its actions, the review no longer due.
  const approved = await support().post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' });
  expect(approved.status).toBe(200);
  expect(approved.body.order.reviewDueAt).toBeUndefined();
  expect(approved.body.order.numbers[0].actions).toEqual(['cancel', 'change_port_date', 'configure']);

  // Accepted, then the carrier moves the FOC to tomorrow: activation is less than 48 h away.
  await answerWhenSubmitted(stack, id);
  await waitForOrder(stack, id, (o) => o.numbers[0]?.status === 'accepted');
  const tomorrow = addDays(localDate(Date.now(), ZONE), 1);
  await simulatorControl(stack, `/port-requests/${id}/move-foc`, { focDate: tomorrow });
  await waitForOrder(stack, id, (o) => o.numbers[0]?.focDate === tomorrow);

  // Inside 72 h only support may cancel or move the date; the customer's cancel is refused as offered.
  expect(await actionsAs(customer(), id)).toEqual(['configure']);
  expect(await actionsAs(support(), id)).toEqual(['cancel', 'change_port_date', 'configure']);
  const refused = await customer().post(`/v1/port-in-orders/${id}/cancel`, {});
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('customer_inside_72h');

  // Support's cancel goes through; the canceled number offers nothing more.
  const canceled = await support().post(`/v1/port-in-orders/${id}/cancel`, {});
  expect(canceled.status).toBe(200);
  expect(canceled.body.order.numbers[0].actions).toEqual([]);
  expect(await actionsAs(customer(), id)).toEqual([]);
});

test('rejected at review with a resubmittable reason: resubmit or give it up, never move its date nor configure', async () => {
  const id = await submittedOrder(customer(), '+12125550172');
  await waitForWorkflowStart(stack, id);
  const rejected = await support().post(`/v1/port-in-orders/${id}/review`, {
    decision: 'reject',
    reasonCode: 'name_mismatch',
  });
  expect(rejected.status).toBe(200);
  const order = await waitForOrder(stack, id, (o) => o.numbers[0]?.status === 'rejected');
  expect(order.numbers[0].rejection?.resubmitBy).toEqual(expect.any(String));
  // The order reads `rejected` (closed) until a resubmission: its configuration is closed too.
  expect(await actionsAs(customer(), id)).toEqual(['cancel', 'resubmit']);
  expect(await actionsAs(ops(), id)).toEqual([]);
  const configured = await customer()
    .put(`/v1/port-in-orders/${id}/configuration`)
    .send({ capabilities: 'voice' });
  expect(configured.status).toBe(409);

  // The port-date change not offered is refused; the resubmission offered is taken.
  const moved = await customer().post(`/v1/port-in-orders/${id}/port-date`, {
    portDate: addBusinessDays(localDate(Date.now(), ZONE), 10, 'US'),
  });
  expect(moved.status).toBe(409);
  const resubmitted = await customer().post(`/v1/port-in-orders/${id}/resubmit`, {
    corrections: { authorizedPerson: { firstName: 'Ada' } },
  });
  expect(resubmitted.status).toBe(200);
  expect(resubmitted.body.order.numbers[0].actions).not.toContain('resubmit');
});
