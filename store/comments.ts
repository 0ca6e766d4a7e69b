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

/**
 * A recent top seq per order: a hint only, so neither writers nor readers start from 1. Only inserts
 * are atomic in FerretDB v1 (an update, `$inc` included, is read, changed and written back in Go:
 * two comments at once read the same counter), so the seq is claimed by inserting the comment itself.
 */
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

async function readHint(store: Store, orderId: string): Promise<number> {
  const counter = (await models(store.connection).Counter.findById(orderId).lean()) as {
    seq?: number;
  } | null;
  return counter?.seq ?? 0;
}

/** Raises the hint; a lost race (another writer's upsert, or a lower value written last) is harmless. */
async function raiseHint(store: Store, orderId: string, seq: number): Promise<void> {
  await models(store.connection)
    .Counter.updateOne({ _id: orderId }, { $max: { seq } }, { upsert: true })
    .catch((err: unknown) => (isDuplicateKey(err) ? undefined : Promise.reject(err)));
}

/**
 * Stores the comment under the order's next free seq: an insert keyed `orderId:seq` claims it, and of
 * two comments racing for one seq the loser takes the next (concurrent comments never share a seq).
 */
export async function insertComment(
  store: Store,
  comment: Omit<StoredComment, '_id' | 'createdAt' | 'seq'>,
): Promise<StoredComment> {
  const { Comment } = models(store.connection);
  for (let seq = (await readHint(store, comment.orderId)) + 1; ; seq += 1) {
    try {
      const doc = await Comment.create({ _id: commentId(comment.orderId, seq), seq, ...comment });
      await raiseHint(store, comment.orderId, seq);
      return doc.toObject() as unknown as StoredComment;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}

/** Takes back a comment the workflow refused: a refused action leaves nothing behind. */
export async function deleteComment(store: Store, orderId: string, seq: number): Promise<void> {
  await models(store.connection).Comment.deleteOne({ _id: commentId(orderId, seq) });
}

/**
 * The order's comments in seq order: one _id read per seq up to the hint, then on until the first
 * seq not taken (the hint may lag a racing writer). Gaps below the hint are refused comments.
 */
export async function readComments(store: Store, orderId: string): Promise<StoredComment[]> {
  const { Comment } = models(store.connection);
  const hint = await readHint(store, orderId);
  const seqs = Array.from({ length: hint }, (_, i) => i + 1);
  const found = (
    await Promise.all(seqs.map((seq) => Comment.findById(commentId(orderId, seq)).lean()))
  ).filter((c) => c !== null) as unknown as StoredComment[];
  for (let seq = hint + 1; ; seq += 1) {
    const next = await Comment.findById(commentId(orderId, seq)).lean();
    if (!next) return found;
    found.push(next as unknown as StoredComment);
  }
}
