/**
 * Comments through the workflow (issue #14 item 5): each is a timeline entry, support's comment is
 * one customer notice (email and webhook, keyed by its seq), the customer's one ops alert, an internal
 * note tells no one; a customer's note and any ops comment are refused without a trace.
 */
import { addCommentUpdate, REFUSALS, type Actor } from '../../workflows/messages';
import { customer, eventually, expectRefusal, support, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('comments');
const ops: Actor = { role: 'ops', id: 'ops-1' };

test('each comment is on the timeline and told to the other side once; notes to no one', async () => {
  await t.withOrder({}, async (order) => {
    await order.statusWhen((s) => s.status === 'in_review');
    const comment = (actor: Actor, seq: number, internal = false) =>
      order.handle.executeUpdate(addCommentUpdate, {
        args: [{ actor, seq, internal }],
        updateId: `comment-${seq}`,
      });

    expect(await comment(customer, 1)).toEqual({ seq: 1 });
    expect(await comment(support, 2)).toEqual({ seq: 2 });
    expect(await comment(support, 3, true)).toEqual({ seq: 3 });
    // A retried call (same update id) is answered again, not applied again.
    expect(await comment(support, 2)).toEqual({ seq: 2 });

    await expectRefusal(comment(customer, 4, true), REFUSALS.roleNotAllowed);
    await expectRefusal(comment(ops, 5), REFUSALS.roleNotAllowed);

    const status = await order.statusWhen(
      (s) => s.transitions.filter((t) => t.type.startsWith('comment.')).length === 3,
    );
    expect(
      status.transitions.filter((t) => t.type.startsWith('comment.')).map((t) => [t.type, t.detail]),
    ).toEqual([
      ['comment.added', 'comment 1 by customer'],
      ['comment.added', 'comment 2 by support'],
      ['comment.internal_note_added', 'comment 3 by support'],
    ]);
    await eventually(async () => {
      expect(order.fake.notices('comment_added')).toHaveLength(1);
      expect(
        order.fake.named('sendCustomerWebhook').filter((w) => w.notice.kind === 'comment_added'),
      ).toHaveLength(1);
      expect(order.fake.named('alertOps').filter((a) => a.reason === 'customer_comment')).toHaveLength(1);
    });
    expect(order.fake.notices('comment_added')).toEqual([
      { kind: 'comment_added', phoneNumbers: order.numbers, seq: 2 },
    ]);
    expect(
      order.fake.named('emailCustomer').find((e) => e.notice.kind === 'comment_added')?.idempotencyKey,
    ).toBe(`${order.input.orderId}:notify:comment_added:2`);
  });
}, 60_000);
