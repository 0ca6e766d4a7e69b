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

export function authenticate(store: Store): RequestHandler {
  return async (req, _res, next) => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      return next(
        new HttpProblem(401, 'unauthenticated', 'send an API key as "Authorization: Bearer <key>"'),
      );
    const key = await store.models.ApiKey.findById(hashApiKey(match[1])).lean();
    if (!key) return next(new HttpProblem(401, 'unauthenticated', 'unknown API key'));
    (req as Request & { principal: Principal }).principal = {
      role: key.role as Role,
      accountId: key.accountId ?? undefined,
      keyName: key.name,
    };
    next();
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
