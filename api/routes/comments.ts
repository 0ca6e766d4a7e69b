/**
 * /v1/port-in-orders/{id}/comments: the order's thread between the customer and support, and
 * support's internal notes (never shown to customers). A comment is stored first (its text never
 * goes to Temporal), then the workflow's `addComment` update puts it on the timeline and tells the
 * other side once; a refused update takes the comment back, so a refusal leaves nothing stored.
 */
import { Router, type Request } from 'express';
import type { Client } from '@temporalio/client';
import { commentRefusal, commentVisibleTo } from '../../domain/comments';
import type { Store } from '../../store/connection';
import type { StoredOrder } from '../../store/draft';
import {
  commentId,
  deleteComment,
  insertComment,
  readComments,
  type StoredComment,
} from '../../store/comments';
import { addCommentUpdate, workflowIdFor } from '../../workflows/messages';
import { allow, canSee, principalOf, type Role } from '../auth';
import { createCommentSchema } from '../comment-schemas';
import { rememberRouteBase, type Metrics } from '../observability';
import { HttpProblem, notFound } from '../problems';
import { parse } from '../schemas';
import { runUpdate } from '../workflow-update';

export interface CommentRouteDeps {
  store: Store;
  temporal: Client;
  metrics?: Metrics;
}

const commentView = (c: StoredComment, role: Role) => ({
  id: commentId(c.orderId, c.seq),
  orderId: c.orderId,
  seq: c.seq,
  author: c.author,
  ...(role !== 'customer' && c.authorName ? { authorName: c.authorName } : {}),
  internal: c.internal,
  body: c.body,
  createdAt: new Date(c.createdAt).toISOString(),
});

export function commentsRouter(deps: CommentRouteDeps): Router {
  const { store, temporal } = deps;
  const router = Router();
  router.use(rememberRouteBase);

  const loadVisible = async (req: Request) => {
    const order = (await store.models.Order.findById(String(req.params.id), {
      accountId: 1,
      status: 1,
    }).lean()) as Pick<StoredOrder, '_id' | 'accountId' | 'status'> | null;
    if (!order || !canSee(principalOf(req), order.accountId)) throw notFound('port-in order');
    return order;
  };

  router.get('/:id/comments', async (req, res) => {
    const order = await loadVisible(req);
    const { role } = principalOf(req);
    const comments = await readComments(store, order._id);
    res.json({ data: comments.filter((c) => commentVisibleTo(role, c)).map((c) => commentView(c, role)) });
  });

  router.post('/:id/comments', allow('customer', 'support'), async (req, res) => {
    const body = parse(createCommentSchema, req.body);
    const order = await loadVisible(req);
    const p = principalOf(req);
    const internal = body.internal === true;
    const refusal = commentRefusal(p.role, internal);
    if (refusal) throw new HttpProblem(403, refusal.code, refusal.message);
    // The workflow tells the other side: before submission there is none to go through.
    if (order.status === 'draft')
      throw new HttpProblem(409, 'not_submitted', 'comments open once the order is submitted');
    const author = p.role === 'customer' ? 'customer' : 'support';
    const comment = await insertComment(store, {
      orderId: order._id,
      author,
      authorName: p.keyName,
      internal,
      body: body.body,
    });
    const { seq } = comment;
    try {
      await runUpdate(deps.metrics, () =>
        temporal.workflow.getHandle(workflowIdFor(order._id)).executeUpdate(addCommentUpdate, {
          // One update per comment: a retried call is answered, not applied twice.
          updateId: `comment-${order._id}-${seq}`,
          args: [{ actor: { role: p.role, id: p.keyName }, seq, internal }],
        }),
      );
    } catch (err) {
      // Refused (the order has finished): nothing stays. An outage is not a refusal: the update may
      // still be applied, and its notice points at the stored comment.
      if (err instanceof HttpProblem) await deleteComment(store, order._id, seq);
      throw err;
    }
    res.status(201).json(commentView(comment, p.role));
  });

  return router;
}
