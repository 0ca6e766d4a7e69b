/**
 * helmet's response headers, computed once. helmet() runs a chain of a dozen middlewares per request
 * and builds the Content-Security-Policy string each time; the headers it sets (with its defaults:
 * no directive depends on the request) are the same for every response, so they are taken from
 * helmet itself at start and set from a list. test/unit/api/security-headers.test.ts compares the
 * two on a real response.
 */
import type { RequestHandler } from 'express';

export function precomputedHeaders(middleware: RequestHandler): RequestHandler {
  const headers = new Map<string, string | number | readonly string[]>();
  const removed = new Set<string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.set(name, value);
      removed.delete(name.toLowerCase());
    },
    removeHeader: (name: string) => {
      headers.delete(name);
      removed.add(name.toLowerCase());
    },
  };
  let finished = false;
  void middleware({ method: 'GET', url: '/', headers: {} } as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  // A middleware that answers later (or never) could depend on the request: not precomputable.
  if (!finished) throw new Error('precomputedHeaders: the middleware did not finish synchronously');
  const set = [...headers];
  const unset = [...removed];
  return (_req, res, next) => {
    for (const name of unset) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
