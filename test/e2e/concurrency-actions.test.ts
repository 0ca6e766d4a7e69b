/**
 * "At most one" for the actions that go through the order's workflow, twenty requests at the same
 * instant through the real API: the workflow applies its updates one at a time, so one review
 * decision and one cancellation win, the others get the workflow's refusal as a 409, and each
 * number is charged once.
 */
import { api } from '../support/api-client';
import { submittedOrder } from '../support/order-fixtures';
import { waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(120_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);
const RACERS = 20;

const atOnce = <T>(make: () => PromiseLike<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: RACERS }, () => make()));

test('twenty review decisions at once: one is taken, the others are 409 wrong_state', async () => {
  const id = await submittedOrder(customer(), '+12125550731');
  await waitForWorkflowStart(stack, id);
  const answers = await atOnce(() =>
    support().post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' }),
  );
  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  for (const a of answers.filter((a) => a.status !== 200))
    expect({ status: a.status, code: a.body.code }).toEqual({ status: 409, code: 'wrong_state' });
});

test('twenty cancellations at once: one cancels, the others are refused, each number charged once', async () => {
  const phone = '+12125550732';
  const id = await submittedOrder(customer(), phone);
  await waitForWorkflowStart(stack, id);
  const answers = await atOnce(() => support().post(`/v1/port-in-orders/${id}/cancel`, {}));
  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  for (const a of answers.filter((a) => a.status !== 200))
    expect({ status: a.status, code: a.body.code }).toEqual({
      status: 409,
      code: expect.stringMatching(/^(number_closed|order_closed|wrong_state|nothing_to_cancel)$/),
    });
  const charges = await stack.store.models.Charge.find({ orderId: id }).lean();
  expect(charges.filter((c) => c.phoneNumber === phone).length).toBeLessThanOrEqual(1);
});
