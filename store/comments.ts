/**
 * Comments on orders, in a collection of their own keyed `orderId:seq`, and the per-order counter
 * that hands out the seq. Every read is by _id (the counter, then each comment), never a scan of
 * the growing collection (docs/store.md).
 */
import { Schema, type Connection } from 'mongoose';
import type { CommentAuthor } from '../domain/comments';
import { isDuplicateKey, type Store } from './connection';

const commentSchema = new Schema(
  {
    _id: { type: String, required: true }, // orderId:seq
    orderId: { type: String, required: true },
    seq: { type: Number, required: true },
    author: { type: String, enum: ['customer', 'support'], required: true },
    /** The API key's name that wrote it (shown to staff only). */
    authorName: String,
    internal: { type: Boolean, required: true },
    body: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

/** The last seq handed out per order: `$inc` on one _id, so concurrent comments never share one. */
const counterSchema = new Schema({
  _id: { type: String, required: true },
  seq: { type: Number, default: 0 },
});

export interface StoredComment {
  _id: string;
  orderId: string;
  seq: number;
  author: CommentAuthor;
  authorName?: string;
  internal: boolean;
  body: string;
  createdAt: Date;
}

function models(conn: Connection) {
  return {
    Comment: conn.models.OrderComment ?? conn.model('OrderComment', commentSchema, 'port_in_order_comments'),
    Counter:
      conn.models.OrderCommentCounter ??
      conn.model('OrderCommentCounter', counterSchema, 'port_in_order_comment_counters'),
  };
}

export const commentId = (orderId: string, seq: number) => `${orderId}:${seq}`;

/** Claims the order's next comment seq atomically (the first claim creates the counter). */
export async function claimCommentSeq(store: Store, orderId: string): Promise<number> {
  const { Counter } = models(store.connection);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const counter = await Counter.findOneAndUpdate(
        { _id: orderId },
        { $inc: { seq: 1 } },
        { upsert: true, new: true },
      ).lean();
      return (counter as unknown as { seq: number }).seq;
    } catch (err) {
      // Two first comments at once: one upsert inserts, the other hits the duplicate key; again.
      if (!isDuplicateKey(err) || attempt >= 3) throw err;
    }
  }
}

export async function insertComment(
  store: Store,
  comment: Omit<StoredComment, '_id' | 'createdAt'>,
): Promise<StoredComment> {
  const { Comment } = models(store.connection);
  const doc = await Comment.create({ _id: commentId(comment.orderId, comment.seq), ...comment });
  return doc.toObject() as unknown as StoredComment;
}

/** Takes back a comment the workflow refused: a refused action leaves nothing behind. */
export async function deleteComment(store: Store, orderId: string, seq: number): Promise<void> {
  await models(store.connection).Comment.deleteOne({ _id: commentId(orderId, seq) });
}

/** The order's comments in seq order: the counter, then one _id read per seq (gaps are refused ones). */
export async function readComments(store: Store, orderId: string): Promise<StoredComment[]> {
  const { Comment, Counter } = models(store.connection);
  const counter = (await Counter.findById(orderId).lean()) as { seq?: number } | null;
  const seqs = Array.from({ length: counter?.seq ?? 0 }, (_, i) => i + 1);
  const found = await Promise.all(seqs.map((seq) => Comment.findById(commentId(orderId, seq)).lean()));
  return found.filter((c) => c !== null) as unknown as StoredComment[];
}
