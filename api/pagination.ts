/**
 * Keyset pagination for the list routes. A page is read in a total order (the sort keys end with the
 * unique `_id`, so equal timestamps never skip or repeat an item), and the next page starts strictly
 * after the last item returned. The cursor carries that item's sort values and a fingerprint of the
 * list's filters, sealed with the field cipher: clients cannot read or alter it, a tampered cursor is
 * a 400, and a cursor reused with other filters is a 400 instead of a silently different list.
 */
import { createHash } from 'node:crypto';
import type { FieldCipher } from '../security/field-crypto';
import { HttpProblem } from './problems';

export interface SortKey {
  field: string;
  direction: 1 | -1;
  /** Dates travel in the cursor as epoch milliseconds. */
  type: 'date' | 'string';
}

export interface PageRequest {
  sort: readonly SortKey[];
  /** Everything that selects the list (filters and the caller's account scope), never the cursor or limit. */
  scope: Record<string, unknown>;
  cursor?: string;
  limit: number;
}

interface CursorPayload {
  /** Fingerprint of the scope the cursor was issued for. */
  s: string;
  /** Sort values of the last item of the previous page. */
  k: (string | number)[];
}

const fingerprint = (scope: Record<string, unknown>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b))))
    .digest('base64url')
    .slice(0, 16);

/** Cursors are sealed under a key of their own (FieldCipher.derive): never a ciphertext of a secret. */
const cursorCipher = (cipher: FieldCipher) => cipher.derive('list cursor v1');

const invalidCursor = (message: string) =>
  new HttpProblem(400, 'invalid_cursor', message, [{ code: 'invalid_cursor', field: 'cursor', message }]);

function readCursor(cipher: FieldCipher, req: PageRequest): unknown[] | undefined {
  if (req.cursor === undefined) return undefined;
  let payload: CursorPayload;
  try {
    payload = JSON.parse(cursorCipher(cipher).decrypt(Buffer.from(req.cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor('the cursor is malformed or was altered; start again without it');
  }
  if (
    !Array.isArray(payload?.k) ||
    payload.k.length !== req.sort.length ||
    payload.k.some((v, i) => typeof v !== (req.sort[i].type === 'date' ? 'number' : 'string'))
  )
    throw invalidCursor('the cursor does not belong to this list');
  if (payload.s !== fingerprint(req.scope))
    throw invalidCursor(
      'the cursor was issued for other filters; send the same filters as for the first page',
    );
  return payload.k.map((v, i) => (req.sort[i].type === 'date' ? new Date(v as number) : v));
}

/** The Mongo sort of the page and the filter that starts it after the cursor (undefined: first page). */
export function pageQuery(
  cipher: FieldCipher,
  req: PageRequest,
): { sort: Record<string, 1 | -1>; after?: Record<string, unknown> } {
  const sort = Object.fromEntries(req.sort.map((k) => [k.field, k.direction]));
  const values = readCursor(cipher, req);
  if (!values) return { sort };
  // (a, b) after (a0, b0) in the sort order: a beyond a0, or a equal and b beyond b0.
  const $or = req.sort.map((key, i) => ({
    ...Object.fromEntries(req.sort.slice(0, i).map((k, j) => [k.field, values[j]])),
    [key.field]: { [key.direction === 1 ? '$gt' : '$lt']: values[i] },
  }));
  return { sort, after: { $or } };
}

/** Splits the `limit + 1` items read into the page and the cursor of the next page (null on the last). */
export function pageOf<T extends object>(
  cipher: FieldCipher,
  req: PageRequest,
  items: T[],
): { items: T[]; nextCursor: string | null } {
  const page = items.slice(0, req.limit);
  if (items.length <= req.limit || page.length === 0) return { items: page, nextCursor: null };
  const last = page[page.length - 1];
  const k = req.sort.map((key) => {
    const v = (last as Record<string, unknown>)[key.field];
    return key.type === 'date' ? new Date(v as Date).getTime() : String(v);
  });
  const sealed = cursorCipher(cipher).encrypt(
    JSON.stringify({ s: fingerprint(req.scope), k } satisfies CursorPayload),
  );
  return { items: page, nextCursor: Buffer.from(sealed, 'utf8').toString('base64url') };
}

/**
 * Cursors of the lists served from list slots (store/list-index.ts): the slot the next page starts
 * from, sealed with the scope's fingerprint like the keyset cursors above.
 */
const POSITION: readonly SortKey[] = [{ field: 'slot', direction: -1, type: 'date' }];

export function readPosition(
  cipher: FieldCipher,
  scope: Record<string, unknown>,
  cursor?: string,
): number | undefined {
  const values = readCursor(cipher, { sort: POSITION, scope, cursor, limit: 1 });
  if (!values) return undefined;
  const slot = (values[0] as Date).getTime();
  if (!Number.isSafeInteger(slot) || slot < 1) throw invalidCursor('the cursor does not belong to this list');
  return slot;
}

export function positionCursor(
  cipher: FieldCipher,
  scope: Record<string, unknown>,
  next: number | null,
): string | null {
  if (next === null) return null;
  const sealed = cursorCipher(cipher).encrypt(
    JSON.stringify({ s: fingerprint(scope), k: [next] } satisfies CursorPayload),
  );
  return Buffer.from(sealed, 'utf8').toString('base64url');
}
