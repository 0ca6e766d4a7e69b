/**
 * GET /v1/review-queue: the orders waiting for staff review, oldest submission first, with the
 * moment the 24 h review promise runs out and the NeedsAttention flag (issue #13: the console's
 * support queue). Support and ops read it; customers have no queue (403 before anything is read).
 * Read by `_id` from the queue's slots, never by a scan (store/review-queue.ts).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { FieldCipher } from '../../security/field-crypto';
import type { Store } from '../../store/connection';
import { readReviewQueue, reviewDueAt } from '../../store/review-queue';
import { DEFAULT_POLICY, type OrderPolicy } from '../../workflows/messages';
import { allow } from '../auth';
import { CURSOR_MAX_LENGTH, CURSOR_PATTERN, parseQuery } from '../list-queries';
import { positionCursor, readPosition } from '../pagination';
import { pageSchema } from '../responses';

/** Slots read for one page at most: a long run of decided orders answers a short page with a cursor. */
const QUEUE_READ_BUDGET = 250;

export const reviewQueueQuerySchema = z.object({
  cursor: z
    .string()
    .min(1)
    .max(CURSOR_MAX_LENGTH)
    .regex(CURSOR_PATTERN, 'must be a `nextCursor` as the API issued it')
    .optional()
    .meta({ description: 'the `nextCursor` of the previous page (opaque)' }),
  limit: z
    .preprocess((v, ctx) => {
      if (typeof v === 'string' && !/^\d+$/.test(v))
        ctx.addIssue({ code: 'custom', message: 'must be a whole number written in digits' });
      else if (Array.isArray(v)) ctx.addIssue({ code: 'custom', message: 'must be given once' });
      return v;
    }, z.coerce.number().int().min(1).max(100))
    .default(25)
    .meta({ description: 'page size, 1 to 100 (default 25)' }),
});

export const reviewQueueItemSchema = z
  .object({
    id: z.string().meta({ description: 'the order’s id' }),
    accountId: z.string().meta({ description: 'the customer account the order belongs to' }),
    customerReference: z.string().optional().meta({ description: 'the customer’s own reference' }),
    country: z.enum(['US', 'CA', 'AU']).meta({ description: 'the order’s country' }),
    phoneNumbers: z.array(z.string()).meta({ description: 'the order’s numbers (E.164)' }),
    review: z
      .enum(['pending', 'escalated'])
      .meta({ description: '`escalated`: the 24 h review promise has passed and ops were alerted' }),
    needsAttention: z.boolean().meta({ description: 'the order’s NeedsAttention flag (docs/rules.md §7)' }),
    submittedAt: z
      .string()
      .meta({ description: 'when the order was submitted (RFC 3339): the queue’s order' }),
    reviewDueAt: z.string().meta({
      description: 'when the 24 h review promise runs out (RFC 3339); in the past once escalated',
    }),
  })
  .strict()
  .meta({ id: 'ReviewQueueItem', description: 'an order waiting for staff review' });

export const reviewQueuePageSchema = pageSchema(reviewQueueItemSchema);

export function reviewQueueRouter(deps: {
  store: Store;
  cipher: FieldCipher;
  policyOverrides?: Partial<OrderPolicy>;
}): Router {
  const router = Router();
  const slaMs = deps.policyOverrides?.reviewSlaMs ?? DEFAULT_POLICY.reviewSlaMs;
  router.get('/review-queue', allow('support', 'ops'), async (req, res) => {
    const { cursor, limit } = parseQuery(reviewQueueQuerySchema, req.query);
    const scope = { list: 'review-queue' };
    const page = await readReviewQueue(deps.store, {
      from: readPosition(deps.cipher, scope, cursor),
      limit,
      budget: QUEUE_READ_BUDGET,
    });
    res.json(
      reviewQueuePageSchema.parse({
        data: page.items.map(({ order }) => ({
          id: order._id,
          accountId: order.accountId,
          ...(order.customerReference ? { customerReference: order.customerReference } : {}),
          country: order.country,
          phoneNumbers: order.phoneNumbers ?? [],
          review: order.review === 'escalated' ? 'escalated' : 'pending',
          needsAttention: order.needsAttention ?? false,
          submittedAt: new Date(order.submittedAt!).toISOString(),
          // Every order of the queue waits for its review, so it has a deadline (store/review-queue.ts).
          reviewDueAt: reviewDueAt(order, slaMs)!.toISOString(),
        })),
        nextCursor: positionCursor(deps.cipher, scope, page.next),
      }),
    );
  });
  return router;
}
