/**
 * Guards every request passes before a route sees it: the body's nesting depth, its media type, and
 * a 405 (with `Allow`) for a method the path does not serve. Each answers a 4xx problem, so hostile
 * or careless input never reaches code that could fail on it with a 5xx.
 */
import type { Express, RequestHandler } from 'express';
import { HttpProblem } from './problems';

/**
 * No request of this API nests deeper than a handful of levels; recursive code (JSON.stringify for
 * the Idempotency-Key fingerprint, logging, the store's casting) would overflow the stack on a
 * 50,000-deep body, so anything deeper than this is refused before it reaches any of them.
 */
export const MAX_BODY_DEPTH = 32;

/** Depth of a parsed JSON value (a scalar is 0), walked without recursion; stops once past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [v, depth] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) pending.push([child, level]);
  }
  return deepest;
}

/** Mounted right after a JSON parser: a body nested deeper than MAX_BODY_DEPTH is a 400. */
export const refuseDeepBody: RequestHandler = (req, _res, next) => {
  if (jsonDepth(req.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH)
    return next(
      new HttpProblem(
        400,
        'body_too_deep',
        `the request body nests deeper than ${MAX_BODY_DEPTH} levels; no request of this API needs that`,
      ),
    );
  next();
};

/**
 * Request bodies are JSON, or multipart for document uploads (the upload route checks it needs
 * multipart). Any other declared type would reach the routes as "no body" and get a misleading 422.
 */
export const requireJsonOrMultipart: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || req.is(['application/json', '+json', 'multipart/form-data'])) return next();
  next(
    new HttpProblem(
      415,
      'unsupported_media_type',
      'send the request body as application/json (documents: multipart/form-data)',
    ),
  );
};

/** Layers of Express's router, as far as this walk needs them. */
interface RouterLayer {
  match(path: string): { path: string } | false;
  route?: { _methods(): string[] };
  handle?: { stack?: RouterLayer[] };
}

/** Every method some route serves at `path`, found by walking the app's routers as Express would. */
export function allowedMethods(stack: RouterLayer[], path: string): Set<string> {
  const methods = new Set<string>();
  for (const layer of stack) {
    const matched = layer.match(path);
    if (!matched) continue;
    if (layer.route) for (const m of layer.route._methods()) methods.add(m);
    else if (Array.isArray(layer.handle?.stack))
      for (const m of allowedMethods(layer.handle.stack, path.slice(matched.path.length) || '/'))
        methods.add(m);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return methods;
}

/**
 * Mounted after every route: a path some route serves, asked with another method, is a 405 listing
 * the methods it does serve (derived from the routers themselves, so never a second list to keep).
 */
export function methodNotAllowed(app: Express): RequestHandler {
  return (req, res, next) => {
    const stack = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
    const methods = allowedMethods(stack, req.path);
    if (methods.size === 0 || methods.has(req.method)) return next();
    const allow = [...methods].sort().join(', ');
    res.setHeader('Allow', allow);
    next(new HttpProblem(405, 'method_not_allowed', `${req.method} is not served here; allowed: ${allow}`));
  };
}
