/** The Express application: /v1 API, carrier events, health and readiness. */
import express from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from './openapi';
import type { Client } from '@temporalio/client';
import type { CarrierGateway } from '../carrier/gateway';
import type { FieldCipher } from '../security/field-crypto';
import type { Store } from '../store/connection';
import { authenticate } from './auth';
import { idempotency } from './idempotency';
import { createLogger, createMetrics, perKeyRateLimit, requestLogging, type Metrics } from './observability';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import type { OrderPolicy } from '../workflows/messages';
import { errorHandler, HttpProblem, sendProblem } from './problems';
import { precomputedHeaders } from './security-headers';
import { methodNotAllowed, refuseDeepBody, requireJsonOrMultipart } from './request-guards';
import { activeNumbersRouter } from './routes/active-numbers';
import { carrierEventsRouter } from './routes/carrier-events';
import { codecRouter, type CodecEndpointOptions } from './routes/codec';
import { commentsRouter } from './routes/comments';
import { loaRouter } from './routes/loa';
import { loaSigningRouter } from './routes/loa-signing';
import type { Mailer } from '../notifications/mailer';
import { ordersRouter } from './routes/orders';
import { documentsRouter } from './routes/documents';
import { portDateOptionsRouter } from './routes/port-date-options';
import { requirementsRouter } from './routes/requirements';
import { webhooksRouter } from './routes/webhooks';
import { portabilityChecksRouter } from './routes/portability-checks';
import { meRouter } from './routes/me';
import { reviewQueueRouter } from './routes/review-queue';
import { orderWorkflowRouter } from './routes/order-workflow';
import { consoleRouter } from './console-route';

export interface AppDeps {
  store: Store;
  temporal: Client;
  cipher: FieldCipher;
  carrier: CarrierGateway;
  carrierWebhookSecret: string;
  taskQueue?: string;
  autoApproveCleanOrders?: boolean;
  logger?: Logger;
  metrics?: Metrics;
  rateLimitPerMinute?: number;
  policyOverrides?: Partial<OrderPolicy>;
  codecEndpoint?: CodecEndpointOptions;
  /** Sends LOA signing links (issue #14); the API's public URL is what they point at. */
  mailer?: Mailer;
  publicUrl?: string;
}

const READINESS_TIMEOUT_MS = 2_000;
const withinMs = <T>(ms: number, work: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const metrics = deps.metrics ?? createMetrics();
  new Gauge({
    name: 'portin_orders',
    help: 'Port-in orders by status (read model)',
    labelNames: ['status'] as const,
    registers: [metrics.registry],
    async collect() {
      const counts = await deps.store.models.Order.aggregate<{ _id: string; n: number }>([
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]).catch(() => []);
      this.reset();
      for (const c of counts) this.set({ status: c._id }, c.n);
    },
  });
  app.use(requestLogging(deps.logger ?? createLogger()));
  app.use(metrics.middleware);
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Swagger UI needs inline styles; every other route keeps helmet's defaults.
  app.use(
    '/docs',
    helmet({ contentSecurityPolicy: false }),
    swaggerUi.serve,
    swaggerUi.setup(openApiDocument()),
  );
  app.get('/openapi.json', (_req, res) => res.json(openApiDocument()));
  app.use(precomputedHeaders(helmet()));
  app.use('/console', consoleRouter()); // the web console (issue 13): its own CSP, api/console-route.ts

  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    // Capped: a probe must answer quickly, and a dependency that slow is not ready anyway.
    const checks = await Promise.allSettled([
      withinMs(READINESS_TIMEOUT_MS, deps.store.connection.db!.admin().ping()),
      withinMs(READINESS_TIMEOUT_MS, deps.temporal.workflowService.getSystemInfo({})),
    ]);
    const ready = checks.every((c) => c.status === 'fulfilled');
    if (!ready) res.setHeader('Retry-After', '5');
    res.status(ready ? 200 : 503).json({
      store: checks[0].status === 'fulfilled' ? 'ok' : 'down',
      temporal: checks[1].status === 'fulfilled' ? 'ok' : 'down',
    });
  });

  // Carrier events need the raw body for the signature: mounted before the JSON parser.
  app.use(
    '/v1/carrier',
    carrierEventsRouter({ store: deps.store, temporal: deps.temporal, secret: deps.carrierWebhookSecret }),
  );

  // The LOA signing page: a browser form, its sealed link the only credential (routes/loa-signing.ts).
  app.use('/loa-signing', loaSigningRouter(deps));
  app.use('/codec', codecRouter({ ...deps, options: deps.codecEndpoint })); // own JSON parser and CORS
  // Before anything reads a body: its type, then its nesting depth (see request-guards.ts).
  app.use('/v1', requireJsonOrMultipart);
  app.use(express.json({ limit: '1mb' }), refuseDeepBody);
  app.use('/v1', perKeyRateLimit(deps.rateLimitPerMinute), authenticate(deps.store), idempotency(deps.store));
  app.use('/v1/port-in-orders', commentsRouter({ ...deps, metrics }));
  app.use('/v1/port-in-orders', loaRouter(deps));
  app.use(
    '/v1/port-in-orders',
    ordersRouter({ ...deps, metrics, autoApproveCleanOrders: deps.autoApproveCleanOrders ?? false }),
  );
  // Issue 14: the submit checklist, port-date options and documents back (read-only).
  app.use('/v1/port-in-orders', requirementsRouter(deps), portDateOptionsRouter(deps), documentsRouter(deps));

  app.use('/v1', webhooksRouter(deps));
  app.use('/v1', meRouter());
  app.use('/v1', reviewQueueRouter(deps), orderWorkflowRouter(deps)); // the support console (issue 13)

  app.use('/v1/portability-checks', portabilityChecksRouter(deps));

  app.use('/v1/active-numbers', activeNumbersRouter(deps));

  app.use(methodNotAllowed(app));
  app.use((_req, res) => sendProblem(res, new HttpProblem(404, 'not_found', 'no such route')));
  app.use(errorHandler);
  return app;
}
