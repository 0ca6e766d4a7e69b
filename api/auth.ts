/** Bearer API keys (stored hashed) → the acting role and, for customers, their account. */
import type { RequestHandler, Request } from 'express';
import type { Store } from '../store/connection';
import { hashApiKey } from '../store/connection';
import { HttpProblem } from './problems';

export type Role = 'customer' | 'support' | 'ops';
export interface Principal {
  role: Role;
  accountId?: string;
  keyName: string;
}

const keyHashes = new WeakMap<Request, string | null>();

/**
 * The hash of the request's `Authorization: Bearer <key>` (null without one), computed once per
 * request: the rate limit and the authentication both key on it.
 */
export function bearerKeyHash(req: Request): string | null {
  let hashed = keyHashes.get(req);
  if (hashed === undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    hashed = match ? hashApiKey(match[1]) : null;
    keyHashes.set(req, hashed);
  }
  return hashed;
}

/** How long a key looked up in the store is trusted without asking again: a revoked key stops working within it. */
const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX_ENTRIES = 10_000;

/**
 * Every /v1 request names its key, so its look-up is cached: one store read per key per TTL instead
 * of one per request. Unknown keys are not cached (a guessed key costs a read, never memory).
 */
export function authenticate(store: Store, ttlMs = KEY_CACHE_TTL_MS): RequestHandler {
  const known = new Map<string, { principal: Principal; until: number }>();
  const lookUp = async (hashed: string): Promise<Principal | undefined> => {
    const cached = known.get(hashed);
    if (cached && cached.until > Date.now()) return cached.principal;
    known.delete(hashed);
    const key = await store.models.ApiKey.findById(hashed).lean();
    if (!key) return undefined;
    const principal: Principal = {
      role: key.role as Role,
      accountId: key.accountId ?? undefined,
      keyName: key.name,
    };
    if (known.size >= KEY_CACHE_MAX_ENTRIES) known.delete(known.keys().next().value!);
    known.set(hashed, { principal, until: Date.now() + ttlMs });
    return principal;
  };
  return async (req, _res, next) => {
    const hashed = bearerKeyHash(req);
    if (!hashed)
      return next(
        new HttpProblem(401, 'unauthenticated', 'send an API key as "Authorization: Bearer <key>"'),
      );
    try {
      const principal = await lookUp(hashed);
      if (!principal) return next(new HttpProblem(401, 'unauthenticated', 'unknown API key'));
      (req as Request & { principal: Principal }).principal = principal;
      next();
    } catch (err) {
      next(err);
    }
  };
}

export const principalOf = (req: Request): Principal => (req as Request & { principal: Principal }).principal;

export function allow(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const p = principalOf(req);
    if (!roles.includes(p.role))
      return next(
        new HttpProblem(403, 'forbidden', `this action needs one of the roles: ${roles.join(', ')}`),
      );
    next();
  };
}

/** Customers see their own account only; anything else is a 404 so existence never leaks. */
export function canSee(p: Principal, accountId: string): boolean {
  return p.role !== 'customer' || p.accountId === accountId;
}
