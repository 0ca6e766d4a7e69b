/**
 * Operations: JSON logs with request ids and secrets redacted, Prometheus metrics, and a rate limit
 * per API key.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import pino from 'pino';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { bearerKeyHash } from './auth';

/** Paths of anything secret that could reach a log line: keys, signatures, carrier PINs and account numbers. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["webhook-signature"]',
  'req.headers.cookie',
  '*.pin',
  '*.accountNumber',
  '*.losingCarrier.pin',
  '*.losingCarrier.accountNumber',
  '*.corrections.pin',
  '*.corrections.accountNumber',
];

/**
 * Lines are written asynchronously and in batches (up to 4 KB, or what gathered within 250 ms;
 * pino flushes synchronously at exit): a write per request was the largest single cost of a cheap
 * request.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }),
  );
}

const PROBE_PATHS = new Set(['/healthz', '/readyz']);

/**
 * One line per request when it finishes: its id (the caller's `X-Request-Id`, or a new one, echoed
 * back), method, URL, status and time. Bodies and headers are never logged. Probes arrive every few
 * seconds from every orchestrator: a line each would drown the log (and cost more than the probe
 * itself); a failing probe still shows in /metrics and in the probe's own log.
 *
 * Written by hand rather than with pino-http: that builds a child logger per request and
 * serialises every response header into each line, several times the cost of the line itself.
 */
export function requestLogging(logger: pino.Logger): RequestHandler {
  // Request lines hold only the id, method, URL and status (API keys travel in headers, never in a
  // URL): written through a logger on the same stream without the redaction pass every line of the
  // main logger pays for.
  const stream = (logger as unknown as Record<symbol, pino.DestinationStream>)[pino.symbols.streamSym];
  const lines = stream ? pino({ level: logger.level, base: logger.bindings() }, stream) : logger;
  return (req, res, next) => {
    const started = performance.now();
    const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    (req as typeof req & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    if (!PROBE_PATHS.has(req.url)) {
      // The URL as it arrived: routers rewrite req.url while the request passes through them.
      const line = { req: { id, method: req.method, url: req.originalUrl } };
      const done = () => {
        res.removeListener('close', done);
        res.removeListener('finish', done);
        const responseTime = Math.round(performance.now() - started);
        const fields = { ...line, res: { statusCode: res.statusCode }, responseTime };
        if (!res.writableFinished) lines.warn(fields, 'request aborted');
        else if (res.statusCode >= 500) lines.error(fields, 'request errored');
        else lines.info(fields, 'request completed');
      };
      res.once('finish', done);
      res.once('close', done);
    }
    next();
  };
}

/** Mounted first in each sub-router: Express resets req.baseUrl before 'finish', so remember it. */
export const rememberRouteBase: RequestHandler = (req, res, next) => {
  res.locals.routeBase = req.baseUrl;
  next();
};

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  workflowStarts: Counter;
  workflowMessageFailures: Counter<'kind'>;
  middleware: RequestHandler;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'portin_http_request_duration_seconds',
    help: 'API request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const workflowStarts = new Counter({
    name: 'portin_workflow_starts_total',
    help: 'Port-in workflows started',
    registers: [registry],
  });
  const workflowMessageFailures = new Counter({
    name: 'portin_workflow_message_failures_total',
    help: 'Signals and updates that failed or were refused',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.once('finish', () => {
      // The route pattern (not the URL) keeps label cardinality bounded.
      const base = (res.locals.routeBase as string | undefined) ?? req.baseUrl;
      const route = req.route?.path ? `${base}${req.route.path}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, httpDuration, workflowStarts, workflowMessageFailures, middleware };
}

const RATE_WINDOW_MS = 60_000;

/**
 * Per API key (hashed), or per address for unauthenticated calls: a fixed window per caller, with
 * the IETF draft-7 `RateLimit` / `RateLimit-Policy` headers and a problem+json 429 with
 * `Retry-After`. Kept here rather than express-rate-limit's middleware, which costs several awaits
 * and header validations per request for the same answer.
 */
export function perKeyRateLimit(
  limitPerMinute = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600),
): RequestHandler {
  const windows = new Map<string, { hits: number; resetAt: number }>();
  const policy = `${limitPerMinute};w=${RATE_WINDOW_MS / 1000}`;
  let sweepAt = Date.now() + RATE_WINDOW_MS;
  return (req, res, next) => {
    const now = Date.now();
    if (now >= sweepAt) {
      // Callers whose window ended are forgotten, so the map holds only this window's callers.
      for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
      sweepAt = now + RATE_WINDOW_MS;
    }
    const hashed = bearerKeyHash(req);
    const key = hashed ? `key:${hashed}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { hits: 0, resetAt: now + RATE_WINDOW_MS };
      windows.set(key, w);
    }
    w.hits += 1;
    const reset = Math.max(0, Math.ceil((w.resetAt - now) / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader(
      'RateLimit',
      `limit=${limitPerMinute}, remaining=${Math.max(limitPerMinute - w.hits, 0)}, reset=${reset}`,
    );
    if (w.hits <= limitPerMinute) return next();
    res.setHeader('Retry-After', String(reset));
    res.status(429).type('application/problem+json').json({
      type: 'https://docs.port-in.example/problems/rate_limited',
      title: 'too many requests for this API key; retry after the Retry-After delay',
      status: 429,
      code: 'rate_limited',
    });
  };
}
