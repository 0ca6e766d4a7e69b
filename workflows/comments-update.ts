/**
 * Comments on the order (issue #14): the API stores each comment (its text never enters the
 * history) and tells the workflow with this update, which puts it on the timeline and tells the
 * other side once: support's comment is a customer notice (email and webhook, keyed by the comment's
 * seq), the customer's an ops alert; an internal note tells no one. Rules in domain/comments.ts.
 */
import { patched, setHandler } from '@temporalio/workflow';
import { COMMENT_TIMELINE, commentRecipient, commentRefusal } from '../domain/comments';
import { addCommentUpdate, REFUSALS } from './messages';
import type { OrderRun } from './order-run';
import { PATCHES } from './patches';
import { refuse } from './refusals';

/** Registers the comment update. Must run before the workflow's first await. */
export function handleComments(run: OrderRun): void {
  const { input } = run;
  setHandler(
    addCommentUpdate,
    ({ actor, seq, internal }) => {
      const author = actor.role === 'customer' ? 'customer' : 'support';
      const type = internal ? COMMENT_TIMELINE.internalNote : COMMENT_TIMELINE.added;
      run.transition(type, [], undefined, `comment ${seq} by ${author}`);
      // A new update, so no recorded history delivers one; the marker still dates the notices it queues.
      if (patched(PATCHES.orderComments)) {
        const to = commentRecipient(author, internal);
        if (to === 'customer')
          run.outbox.notice({ kind: 'comment_added', phoneNumbers: input.phoneNumbers, seq }, seq);
        if (to === 'support')
          run.outbox.alert(
            'customer_comment',
            `the customer added comment ${seq} to order ${input.orderId}: read and answer it with GET and POST /v1/port-in-orders/${input.orderId}/comments`,
          );
      }
      return { seq };
    },
    {
      validator: ({ actor, seq, internal }) => {
        const refusal = commentRefusal(actor?.role, internal === true);
        if (refusal) refuse(REFUSALS.roleNotAllowed, refusal.message);
        if (!Number.isInteger(seq) || seq < 1) refuse(REFUSALS.wrongState, `not a stored comment: ${seq}`);
      },
    },
  );
}
