/**
 * Comments on an order (issue #14 item 5): the thread between the customer and support, support's
 * internal notes that customers never see, each comment on the timeline, and the other side told
 * exactly once (support's comment: email and `port_in_order.comment_added` webhook; the customer's:
 * an ops alert). Refusals (bad input, wrong role, a draft, a finished order, another tenant) change
 * nothing stored.
 */
import { isDeepStrictEqual } from 'node:util';
import { api, eventually } from '../support/api-client';
import { createDraft, submittedOrder } from '../support/order-fixtures';
import { mailsTo, orderEvents, waitForMail, waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';
import { insertComment, readComments } from '../../store/comments';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(120_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const otherCustomer = () => api(stack.apiUrl, KEYS.secondCustomerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);
const ops = () => api(stack.apiUrl, KEYS.opsKey);

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  const registered = await customer().put('/v1/webhook-endpoint').send({ url: receiver.url });
  expect(registered.status).toBe(200);
  receiver.secret = registered.body.secret;
});
afterAll(() => receiver?.close());

const commentsPath = (id: string) => `/v1/port-in-orders/${id}/comments`;
const db = () => stack.store.connection.db!;

/** What a refused comment must leave alone: the order, its comments and its comment counter. */
async function stored(id: string) {
  return {
    order: await stack.store.models.Order.collection.findOne({ _id: id as never }),
    comments: await db()
      .collection('port_in_order_comments')
      .find({ orderId: id })
      .sort({ seq: 1 })
      .toArray(),
  };
}

/** Waits until the workflow's read-model writes have settled (two reads a second apart agree). */
async function settled(id: string) {
  await eventually(
    async () => {
      const first = await stored(id);
      await new Promise((r) => setTimeout(r, 1_000));
      return isDeepStrictEqual(first, await stored(id));
    },
    (same) => same,
  );
}

async function expectRefusedUnchanged(
  id: string,
  refusals: [string, () => PromiseLike<{ status: number; body: { code?: string } }>, number, string?][],
) {
  await settled(id);
  for (const [name, act, status, code] of refusals) {
    const before = await stored(id);
    const res = await act();
    expect({ name, status: res.status, ...(code ? { code: res.body.code } : {}) }).toEqual({
      name,
      status,
      ...(code ? { code } : {}),
    });
    expect({ name, after: await stored(id) }).toEqual({ name, after: before });
  }
}

const notificationIds = async (orderId: string) =>
  (await stack.store.models.Notification.find({ orderId }).lean()).map((n) => String(n._id)).sort();

test('the thread: each side is told once, internal notes stay with staff, all on the timeline', async () => {
  const email = 'comments-thread@example.test';
  const id = await submittedOrder(customer(), '+12125550611', { notificationEmail: email });
  await waitForWorkflowStart(stack, id);

  // The customer asks: support hears of it as an ops alert, the customer is not emailed about it.
  const asked = await customer().post(commentsPath(id), { body: 'When will the port happen?' });
  expect(asked.status).toBe(201);
  expect(asked.body).toMatchObject({ id: `${id}:1`, seq: 1, author: 'customer', internal: false });
  expect(asked.body.authorName).toBeUndefined();
  await eventually(
    () =>
      stack.store.models.Notification.find({ orderId: id, channel: 'ops', kind: 'customer_comment' }).lean(),
    (alerts) => alerts.length === 1,
    30_000,
  );

  // Support answers: the customer gets an email and a webhook event.
  const answered = await support().post(commentsPath(id), { body: 'Within five business days.' });
  expect(answered.status).toBe(201);
  expect(answered.body).toMatchObject({ seq: 2, author: 'support', internal: false });
  expect(answered.body.authorName).toEqual(expect.any(String));
  const mail = await waitForMail(stack, email, /a new comment from our support team/, 30_000);
  expect(mail.text).toContain(`/v1/port-in-orders/${id}/comments`);
  const hook = await receiver.waitFor(
    (e) => e.type === 'port_in_order.comment_added' && e.data.orderId === id && e.data.seq === 2,
    30_000,
  );
  expect(hook.verified).toBe(true);

  // An internal note: no one is told, and customers never see it.
  const note = await support().post(commentsPath(id), { body: 'Carrier is slow this week.', internal: true });
  expect(note.status).toBe(201);
  expect(note.body).toMatchObject({ seq: 3, internal: true });
  // A later support comment: the outbox sends in order, so once its email is out, a notice of the
  // note (had there been one) would have been sent before it.
  expect((await support().post(commentsPath(id), { body: 'Update: FOC expected Friday.' })).status).toBe(201);
  await eventually(
    () => Promise.resolve(mailsTo(stack, email).filter((m) => /new comment/.test(m.subject))),
    (mails) => mails.length >= 2,
    30_000,
  );
  await receiver.waitFor((e) => e.type === 'port_in_order.comment_added' && e.data.seq === 4, 30_000);
  await settled(id);

  // Exactly once each: two emails (2 and 4), one webhook per event, none for the note.
  expect(mailsTo(stack, email).filter((m) => /new comment/.test(m.subject))).toHaveLength(2);
  const hooks = receiver.events.filter(
    (e) => e.type === 'port_in_order.comment_added' && e.data.orderId === id,
  );
  expect(hooks.map((e) => e.data.seq).sort()).toEqual([2, 4]);
  expect(new Set(hooks.map((e) => e.id)).size).toBe(2);
  const ledger = await notificationIds(id);
  expect(ledger.filter((n) => n.includes(':comment_added:'))).toEqual([
    `${id}:notify:comment_added:2:email`,
    `${id}:notify:comment_added:2:webhook`,
    `${id}:notify:comment_added:4:email`,
    `${id}:notify:comment_added:4:webhook`,
  ]);
  expect(
    await stack.store.models.Notification.countDocuments({ orderId: id, kind: 'customer_comment' }),
  ).toBe(1);

  // Visibility per role: the customer's thread omits the note; support and ops see everything.
  const seqs = (res: { body: { data: { seq: number }[] } }) => res.body.data.map((c) => c.seq);
  expect(seqs(await customer().get(commentsPath(id)).expect(200))).toEqual([1, 2, 4]);
  expect(seqs(await support().get(commentsPath(id)).expect(200))).toEqual([1, 2, 3, 4]);
  expect(seqs(await ops().get(commentsPath(id)).expect(200))).toEqual([1, 2, 3, 4]);
  const customerThread = await customer().get(commentsPath(id));
  expect(JSON.stringify(customerThread.body)).not.toContain('Carrier is slow');
  expect(customerThread.body.data.map((c: { body: string }) => c.body)).toEqual([
    'When will the port happen?',
    'Within five business days.',
    'Update: FOC expected Friday.',
  ]);

  // The timeline: each comment is an entry; the note's is staff-only.
  const timeline = await orderEvents(stack, id);
  expect(timeline.filter((e) => e.type.startsWith('comment.')).map((e) => [e.type, e.detail])).toEqual([
    ['comment.added', 'comment 1 by customer'],
    ['comment.added', 'comment 2 by support'],
    ['comment.internal_note_added', 'comment 3 by support'],
    ['comment.added', 'comment 4 by support'],
  ]);
  const customerTimeline = await customer().get(`/v1/port-in-orders/${id}/events`).expect(200);
  const customerTypes = customerTimeline.body.data.map((e: { type: string }) => e.type);
  expect(customerTypes.filter((t: string) => t.startsWith('comment.'))).toEqual([
    'comment.added',
    'comment.added',
    'comment.added',
  ]);
});

test('refusals change nothing: bad input, a customer note, ops, another tenant, a draft, a finished order', async () => {
  const id = await submittedOrder(customer(), '+12125550612', {
    notificationEmail: 'comments-refused@example.test',
  });
  await waitForWorkflowStart(stack, id);
  expect((await customer().post(commentsPath(id), { body: 'First.' })).status).toBe(201);

  await expectRefusedUnchanged(id, [
    ['an empty body', () => customer().post(commentsPath(id), { body: '   ' }), 422, 'invalid_request'],
    ['no body at all', () => customer().post(commentsPath(id), {}), 422, 'invalid_request'],
    ['too long', () => customer().post(commentsPath(id), { body: 'x'.repeat(5_001) }), 422],
    [
      'every problem at once',
      () => support().post(commentsPath(id), { body: 42, internal: 'yes', extra: 1 }),
      422,
      'invalid_request',
    ],
    [
      'not JSON',
      () => customer().post(commentsPath(id)).set('Content-Type', 'application/json').send('{'),
      400,
    ],
    [
      'a customer writing an internal note',
      () => customer().post(commentsPath(id), { body: 'secret', internal: true }),
      403,
      'role_not_allowed',
    ],
    ['ops writing', () => ops().post(commentsPath(id), { body: 'ops here' }), 403, 'forbidden'],
    [
      'another tenant writing',
      () => otherCustomer().post(commentsPath(id), { body: 'hi' }),
      404,
      'not_found',
    ],
    ['an unknown order', () => support().post(commentsPath('pio_nope'), { body: 'hi' }), 404, 'not_found'],
  ]);
  expect((await otherCustomer().get(commentsPath(id))).status).toBe(404);

  // Every problem of the body named at once.
  const bad = await support().post(commentsPath(id), { body: 42, internal: 'yes', extra: 1 });
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    '(body)',
    'body',
    'internal',
  ]);

  // A draft: no workflow to tell the other side through yet.
  const draft = await createDraft(customer(), '+12125550613');
  await expectRefusedUnchanged(draft, [
    [
      'a comment on a draft',
      () => customer().post(commentsPath(draft), { body: 'hi' }),
      409,
      'not_submitted',
    ],
  ]);
  expect((await customer().get(commentsPath(draft))).body).toEqual({ data: [] });

  // A finished order: the workflow refuses, so the stored comment is taken back.
  expect((await customer().post(`/v1/port-in-orders/${id}/cancel`, {})).status).toBe(200);
  await eventually(
    async () => (await stack.client.workflow.getHandle(`port-in-order-${id}`).describe()).status.name,
    (status) => status === 'COMPLETED',
    30_000,
  );
  await expectRefusedUnchanged(id, [
    [
      'a comment on a finished order',
      () => support().post(commentsPath(id), { body: 'late' }),
      409,
      'order_closed',
    ],
  ]);
  expect((await support().get(commentsPath(id))).body.data.map((c: { body: string }) => c.body)).toEqual([
    'First.',
  ]);
});

test('concurrent comments each get their own seq; a retry with the same Idempotency-Key is one comment', async () => {
  const id = await submittedOrder(customer(), '+12125550614', {
    notificationEmail: 'comments-race@example.test',
  });
  await waitForWorkflowStart(stack, id);
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      support().post(commentsPath(id), { body: `note ${i}`, internal: true }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
  expect(answers.map((a) => a.body.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  const retry = () =>
    customer().post(commentsPath(id)).set('Idempotency-Key', 'comment-retry-1').send({ body: 'once' });
  const [first, second] = [await retry(), await retry()];
  expect([first.status, second.status]).toEqual([201, 201]);
  expect(second.body.id).toBe(first.body.id);
  const thread = await support().get(commentsPath(id));
  expect(thread.body.data.filter((c: { body: string }) => c.body === 'once')).toHaveLength(1);
});

test('the store hands out each seq once when many comments arrive at the same instant', async () => {
  // FerretDB v1 applies an update (a `$inc` too) as read, change, write back: only an insert is
  // atomic, so forty writers at once must still end with forty distinct seqs and forty comments.
  const orderId = 'pio_store_race_comments';
  const written = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      insertComment(stack.store, { orderId, author: 'support', internal: true, body: `race ${i}` }),
    ),
  );
  const seqs = written.map((c) => c.seq).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect((await readComments(stack.store, orderId)).map((c) => c.seq)).toEqual(seqs);
});
