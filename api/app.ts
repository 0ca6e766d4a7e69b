/** The Express application: /v1 API, carrier events, health and readiness. */
import express from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from './openapi';
import type { Client } from '@temporalio/client';
import type { CarrierGateway } from '../carrier/gateway';
import type { FieldCipher } from '../security/field-crypto';
import type { Store } from '../store/connection';
import { authenticate, canSee, principalOf } from './auth';
import { idempotency } from './idempotency';
import { createLogger, createMetrics, perKeyRateLimit, requestLogging, type Metrics } from './observability';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import type { OrderPolicy } from '../workflows/messages';
import { errorHandler, HttpProblem, sendProblem } from './problems';
import { carrierEventsRouter } from './routes/carrier-events';
import { ordersRouter } from './routes/orders';
import { webhooksRouter } from './routes/webhooks';
import { normalizePhoneNumber } from '../domain/phone-numbers';

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
}

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
  app.use(helmet());

  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      deps.store.connection.db!.admin().ping(),
      deps.temporal.workflowService.getSystemInfo({}),
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

  app.use(express.json({ limit: '1mb' }));
  app.use('/v1', perKeyRateLimit(deps.rateLimitPerMinute), authenticate(deps.store), idempotency(deps.store));
  app.use(
    '/v1/port-in-orders',
    ordersRouter({ ...deps, metrics, autoApproveCleanOrders: deps.autoApproveCleanOrders ?? false }),
  );

  app.use('/v1', webhooksRouter(deps));

  app.post('/v1/portability-checks', async (req, res) => {
    const raw: unknown = req.body?.phoneNumbers;
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > 100)
      throw new HttpProblem(422, 'invalid_request', 'phoneNumbers must be a list of 1 to 100 numbers', [
        { code: 'invalid', field: 'phoneNumbers', message: '1 to 100 phone numbers' },
      ]);
    const normalized = raw.map((n) => normalizePhoneNumber(String(n)));
    const valid = normalized.flatMap((n) => (n.ok ? [n.e164] : []));
    const [lookups, active] = await Promise.all([
      deps.carrier.lookupNumbers(valid),
      deps.store.models.ActiveNumber.find({ _id: { $in: valid } }).lean(),
    ]);
    res.json({
      data: raw.map((input, i) => {
        const n = normalized[i];
        if (!n.ok) return { input, portable: false, reason: 'invalid_phone_number' };
        const lookup = lookups.find((l) => l.phoneNumber === n.e164);
        const reason = !['US', 'CA', 'AU'].includes(n.country ?? '')
          ? 'country_not_portable'
          : active.some((a) => a._id === n.e164)
            ? 'already_active'
            : lookup && !lookup.portableAtCarrier
              ? 'unportable_at_carrier'
              : undefined;
        return {
          input,
          phoneNumber: n.e164,
          country: n.country,
          lineType: lookup?.lineType,
          losingCarrier: lookup?.losingCarrier,
          portable: !reason,
          ...(reason ? { reason } : {}),
        };
      }),
    });
  });

  app.get('/v1/active-numbers', async (req, res) => {
    const p = principalOf(req);
    const accountId =
      p.role === 'customer' ? p.accountId : req.query.accountId ? String(req.query.accountId) : undefined;
    const filter = { state: 'active', ...(accountId ? { accountId } : {}) };
    const numbers = await deps.store.models.ActiveNumber.find(filter).sort({ _id: 1 }).limit(500).lean();
    res.json({
      data: numbers
        .filter((n) => canSee(p, n.accountId))
        .map((n) => ({
          phoneNumber: n._id,
          accountId: n.accountId,
          orderId: n.orderId,
          configuration: n.configuration,
          completedAt: n.completedAt,
        })),
    });
  });

  app.use((_req, res) => sendProblem(res, new HttpProblem(404, 'not_found', 'no such route')));
  app.use(errorHandler);
  return app;
}
