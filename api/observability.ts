/**
 * Operations: JSON logs with request ids and secrets redacted, Prometheus metrics, and a rate limit
 * per API key.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { hashApiKey } from '../store/connection';

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

export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

const PROBE_PATHS = new Set(['/healthz', '/readyz']);

export function requestLogging(logger: pino.Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Bodies are never logged; the URL and status are enough to follow a request.
    serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }) },
    // Probes arrive every few seconds from every orchestrator: a line each would drown the log (and
    // cost more than the probe itself). A failing probe still shows in /metrics and in the probe's own log.
    autoLogging: { ignore: (req) => PROBE_PATHS.has(req.url ?? '') },
  });
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

/** Per API key (hashed), or per address for unauthenticated calls. */
export function perKeyRateLimit(
  limitPerMinute = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600),
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const auth = req.header('authorization');
      return auth ? `key:${hashApiKey(auth)}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res) => {
      res.status(429).type('application/problem+json').json({
        type: 'https://docs.port-in.example/problems/rate_limited',
        title: 'too many requests for this API key; retry after the Retry-After delay',
        status: 429,
        code: 'rate_limited',
      });
    },
  });
}
