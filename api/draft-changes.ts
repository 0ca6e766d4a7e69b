/**
 * One change of a draft, serialised with every other through the draft's revision claim
 * (store/draft-revisions.ts): read the order, let `plan` check it and say what to write (it throws
 * the refusal: gone, not a draft, bad input), claim the next revision, write guarded on the
 * revision read. Losing the claim means the draft moved meanwhile: read it again and plan again,
 * after a short random pause, so concurrent independent changes (two uploads, two edits of
 * different fields) all land, and one racing a submit or a delete gets that action's refusal on the
 * next read. A change that keeps losing is a 409 `concurrent_change`, with nothing written.
 */
import type { UpdateQuery } from 'mongoose';
import type { Store } from '../store/connection';
import type { StoredOrder } from '../store/draft';
import {
  atRevision,
  claimDraftRevision,
  draftRevisionOf,
  releaseDraftRevision,
  type DraftChange,
} from '../store/draft-revisions';
import { HttpProblem } from './problems';

/** What a change writes: an update of the order, or the order's deletion. */
export type PlannedChange = { update: UpdateQuery<unknown> } | { delete: true };

/** Rounds before giving up: each lost round means another change of this draft was written. */
const ROUNDS = 30;

const pause = () => new Promise((r) => setTimeout(r, 5 + Math.random() * 25));

/** Applies `plan` to the current draft; answers the order as written (null once deleted). */
export async function changeDraft(
  store: Store,
  change: DraftChange,
  read: () => Promise<StoredOrder>,
  plan: (order: StoredOrder) => PlannedChange | Promise<PlannedChange>,
): Promise<StoredOrder | null> {
  const { Order } = store.models;
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round > 0) await pause();
    const order = await read();
    const planned = await plan(order);
    const from = draftRevisionOf(order);
    const outcome = await claimDraftRevision(store, order._id, from, change);
    if ('lostTo' in outcome) continue;
    const { claimed } = outcome;
    const guard = { _id: order._id, status: 'draft', ...atRevision(from) };
    try {
      if ('delete' in planned) {
        if ((await Order.deleteOne(guard)).deletedCount === 1) return null;
      } else {
        const { $set, ...rest } = planned.update as { $set?: Record<string, unknown> };
        const written = await Order.findOneAndUpdate(
          guard,
          { ...rest, $set: { ...$set, draftRev: claimed.rev } },
          { new: true },
        ).lean();
        if (written) return written as unknown as StoredOrder;
      }
    } catch (err) {
      await releaseDraftRevision(store, claimed);
      throw err;
    }
    // Guard missed (a dead claim passed over, then written after all): nothing written, start over.
    await releaseDraftRevision(store, claimed);
  }
  throw new HttpProblem(
    409,
    'concurrent_change',
    'the draft kept changing while this request ran; read it again and retry',
  );
}

/** `target` with the dotted `paths` of an update's $set applied, for computing from the result. */
export function withPaths<T extends object>(target: T, paths: Record<string, unknown>): T {
  const copy = structuredClone(target) as Record<string, unknown>;
  for (const [path, value] of Object.entries(paths)) {
    const keys = path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys.at(-1)!] = value;
  }
  return copy as T;
}
