/** Request and response schemas of the comment routes (issue #14), for validation and the OpenAPI document. */
import { z } from 'zod';
import { COMMENT_MAX_LENGTH } from '../domain/comments';

export const createCommentSchema = z
  .object({
    body: z.string().trim().min(1).max(COMMENT_MAX_LENGTH),
    internal: z.boolean().optional().meta({
      description: 'support only: an internal note, which customers never see and no one is told of',
    }),
  })
  .strict();

export const commentSchema = z
  .object({
    id: z.string().meta({ description: '`<orderId>:<seq>`' }),
    orderId: z.string(),
    seq: z.number().int().min(1),
    author: z.enum(['customer', 'support']),
    authorName: z.string().optional().meta({ description: 'the writing API key’s name (staff only)' }),
    internal: z.boolean(),
    body: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .meta({ id: 'Comment' });

export const commentListSchema = z.object({ data: z.array(commentSchema) }).strict();
