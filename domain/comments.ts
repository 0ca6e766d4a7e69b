/**
 * Comments on an order (issue #14): a thread between the customer and support, plus internal notes
 * support keeps for itself. One rule set, shared by the API (who may write and read what) and the
 * workflow (which side is told, what the timeline shows).
 */
import type { ActorRole } from './fees';

export const COMMENT_MAX_LENGTH = 5_000;

export type CommentAuthor = 'customer' | 'support';

/** Timeline entry types of a comment; an internal note's entry is staff-only like the note itself. */
export const COMMENT_TIMELINE = {
  added: 'comment.added',
  internalNote: 'comment.internal_note_added',
} as const;

export interface CommentRefusal {
  code: 'role_not_allowed';
  message: string;
}

/** Why `role` may not write this comment, or undefined when it may. Ops read only; customers never write notes. */
export function commentRefusal(role: ActorRole, internal: boolean): CommentRefusal | undefined {
  if (role !== 'customer' && role !== 'support')
    return { code: 'role_not_allowed', message: 'only the customer and support write comments' };
  if (internal && role !== 'support')
    return { code: 'role_not_allowed', message: 'only support staff write internal notes' };
  return undefined;
}

/** Internal notes are for staff (support and ops) only; everything else is the shared thread. */
export const commentVisibleTo = (role: ActorRole, comment: { internal: boolean }): boolean =>
  !comment.internal || role !== 'customer';

/** A timeline entry the role may see: staff see every entry, customers none of the internal notes'. */
export const timelineEntryVisibleTo = (role: ActorRole, type: string): boolean =>
  role !== 'customer' || type !== COMMENT_TIMELINE.internalNote;

/**
 * Who is told of a new comment: the other side of the thread. A customer's comment is for support
 * (an ops alert), support's is for the customer (email and webhook); an internal note tells no one.
 */
export function commentRecipient(author: CommentAuthor, internal: boolean): 'customer' | 'support' | 'none' {
  if (internal) return 'none';
  return author === 'customer' ? 'support' : 'customer';
}
