/**
 * Read-your-writes for the actions answered through a workflow update: the answer carries the order
 * as it now stands, and a GET made right after shows at least that state. The read model is written
 * by the workflow's persist activity a moment after the update answers, so without the API's own
 * guarded write a GET right after "approved" showed `in_review` (repeated below to make that race
 * visible). The guard is tested too: an older snapshot never moves the stored order backwards.
 */
import { catchUpOrder } from '../../store/order-catch-up';
import { statusQuery, workflowIdFor } from '../../workflows/messages';
import { api } from '../support/api-client';
import { submittedOrder } from '../support/order-fixtures';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(240_000);

// The carrier stays silent: each order stays where the action left it.
const stack = useStack({ autoAnswer: false });
const support = () => api(stack.apiUrl, KEYS.supportKey);
const customer = () => api(stack.apiUrl, KEYS.customerKey);

const statuses = (order: { numbers: { status: string }[] }) => order.numbers.map((n) => n.status);

test('review approve: the answer carries the approved order, and a GET right after shows it (5 orders)', async () => {
  for (let i = 0; i < 5; i += 1) {
    const id = await submittedOrder(customer(), `+1212555018${i}`);
    const approved = await support().post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.review).toBe('approved');
    // Approved means on its way to the carrier: the answer already says so.
    expect(approved.body.order).toMatchObject({ id, review: 'approved', status: 'in_progress' });
    expect(statuses(approved.body.order)).toEqual(['submitted_to_carrier']);

    const got = await customer().get(`/v1/port-in-orders/${id}`);
    expect(got.status).toBe(200);
    expect({ attempt: i, review: got.body.review, status: got.body.status }).toEqual({
      attempt: i,
      review: 'approved',
      status: 'in_progress',
    });
    expect(statuses(got.body)).toEqual(['submitted_to_carrier']);
    // The timeline shows the approval too (entries are written before the order names their seq).
    const events = await customer().get(`/v1/port-in-orders/${id}/events`);
    expect(events.body.data.map((e: { type: string }) => e.type)).toContain('review.approved');
  }
});

test('cancel: the answer carries the canceled order, and a GET right after shows it (3 orders)', async () => {
  for (let i = 0; i < 3; i += 1) {
    const id = await submittedOrder(customer(), `+1212555019${i}`);
    const canceled = await customer().post(`/v1/port-in-orders/${id}/cancel`, {});
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ currency: 'USD', totalCents: 0 });
    expect(canceled.body.order).toMatchObject({ id, status: 'canceled' });
    const got = await customer().get(`/v1/port-in-orders/${id}`);
    expect({ attempt: i, status: got.body.status, numbers: statuses(got.body) }).toEqual({
      attempt: i,
      status: 'canceled',
      numbers: ['canceled'],
    });
  }
});

test('an older snapshot never moves the stored order backwards', async () => {
  const id = await submittedOrder(customer(), '+12125550195');
  expect((await support().post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' })).status).toBe(200);
  const handle = stack.client.workflow.getHandle(workflowIdFor(id));
  const approvedSnapshot = await handle.query(statusQuery);
  expect(approvedSnapshot.status).toBe('in_progress');

  const canceled = await support().post(`/v1/port-in-orders/${id}/cancel`, {});
  expect(canceled.status).toBe(200);
  expect(canceled.body.order.status).toBe('canceled');
  const before = await stack.store.models.Order.findById(id).lean();

  // The snapshot taken after the approval is older than what is stored: nothing is written.
  expect(await catchUpOrder(stack.store, approvedSnapshot)).toBe(false);
  const after = await stack.store.models.Order.findById(id).lean();
  expect(after).toEqual(before);
  expect(after?.status).toBe('canceled');
  expect((await customer().get(`/v1/port-in-orders/${id}`)).body.status).toBe('canceled');
});
