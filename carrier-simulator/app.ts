/**
 * The carrier simulator as an express app plus its timers and event delivery: a stand-in for the
 * downstream carrier partner and the losing carriers behind it. See SCENARIOS.md for the records
 * it knows and the outcome each produces.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { z } from 'zod';
import { controlApi } from './control-api';
import { SimulatorError } from './errors';
import { createEventOutbox, type DeliveryPolicy } from './event-outbox';
import { DEFAULT_FOC_LEAD_BUSINESS_DAYS } from './foc';
import { carrierApi } from './http-api';
import { KeyedLock } from './keyed-lock';
import { silentLogger, type SimulatorLogger } from './logger';
import { createLosingCarrier, type LosingCarrier } from './losing-carrier';
import type { SimulatorStore } from './store';
import { Timers } from './timers';

export interface SimulatorOptions {
  store: SimulatorStore;
  /** The API's POST /v1/carrier/events. */
  eventsUrl: string;
  /** Standard Webhooks secret shared with the API ('whsec_<base64>' or plain text). */
  webhookSecret: string;
  delays: {
    /** From submission to the carrier's answer (accept / reject). */
    answerMs: number;
    /** From acceptance to the port when the FOC date is today or past; added to the FOC release time otherwise. */
    portMs: number;
  };
  /** Business days between receipt and the earliest FOC date (default 3). */
  focLeadBusinessDays?: number;
  /** False: requests are only recorded; events come only from control calls. */
  autoAnswer: boolean;
  /** The simulator's clock (epoch ms); FOC dates and "today" are read from it. */
  now?: () => number;
  logger?: SimulatorLogger;
  /** When set, every call but GET /healthz needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Event delivery retries (defaults in event-outbox.ts). */
  delivery?: Partial<DeliveryPolicy>;
}

export interface RunningSimulator {
  port: number;
  url: string;
  /** Stops listening, then stops the simulator's timers and deliveries. Safe to call twice. */
  close(): Promise<void>;
}

export interface Simulator {
  app: Express;
  carrier: LosingCarrier;
  /** Re-arms timers and deliveries left by a previous run, then listens (port 0: any free port). */
  start(port: number, host?: string): Promise<RunningSimulator>;
  /** Stops timers and deliveries (the store is the caller's to close). */
  close(): Promise<void>;
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const timers = new Timers(now);
  const lock = new KeyedLock();
  const outbox = createEventOutbox({
    store: options.store,
    eventsUrl: options.eventsUrl,
    webhookSecret: options.webhookSecret,
    timers,
    logger,
    policy: options.delivery,
  });
  const carrier = createLosingCarrier({
    store: options.store,
    outbox,
    timers,
    lock,
    now,
    answerMs: options.delays.answerMs,
    portMs: options.delays.portMs,
    focLeadBusinessDays: options.focLeadBusinessDays ?? DEFAULT_FOC_LEAD_BUSINESS_DAYS,
    autoAnswer: options.autoAnswer,
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(requestLog(logger));
  if (options.apiKey) app.use(bearerAuth(options.apiKey));
  app.use(express.json({ limit: '256kb' }));
  app.use(carrierApi({ carrier, store: options.store, lock, now }));
  app.use('/control', controlApi({ carrier, store: options.store }));
  app.use((_req, _res, next) => next(new SimulatorError(404, 'not_found', 'no such endpoint')));
  app.use(errorHandler(logger));

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      timers.clearAll();
      await outbox.close();
    })();
    return closing;
  };

  return {
    app,
    carrier,
    close,
    async start(port, host = '127.0.0.1') {
      await carrier.resume();
      await outbox.resume();
      const server = createServer(app);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const bound = (server.address() as AddressInfo).port;
      logger.info({ port: bound }, 'carrier simulator listening');
      let stopping: Promise<void> | undefined;
      return {
        port: bound,
        url: `http://${host}:${bound}`,
        close() {
          stopping ??= new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }).then(close);
          return stopping;
        },
      };
    },
  };
}

/** Logs method, path, status and duration; never bodies (they carry PINs and account numbers). */
function requestLog(logger: SimulatorLogger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, path: req.path, status: res.statusCode, ms }, 'request');
    });
    next();
  };
}

function bearerAuth(apiKey: string): RequestHandler {
  const expected = Buffer.from(`Bearer ${apiKey}`);
  return (req, _res, next) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    next(new SimulatorError(401, 'unauthorized', 'missing or wrong API key'));
  };
}

function errorHandler(logger: SimulatorLogger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof SimulatorError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    if (error instanceof z.ZodError) {
      res.status(400).json({ error: { code: 'invalid_request', message: z.prettifyError(error) } });
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // body-parser: malformed JSON, body too large, ...
      res.status(status).json({ error: { code: 'invalid_request', message: 'malformed request body' } });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'carrier simulator request failed');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
}
