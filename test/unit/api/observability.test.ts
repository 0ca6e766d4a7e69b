import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { REDACTED_PATHS, createLogger } from '../../../api/observability';

const stubStore = {
  models: {
    ApiKey: { findById: () => ({ lean: async () => ({ role: 'support', name: 'stub' }) }) },
    Order: {
      findById: () => ({ lean: async () => null }),
      aggregate: async () => [{ _id: 'in_review', n: 3 }],
    },
  },
} as never;
const app = (rateLimitPerMinute?: number) =>
  createApp({
    store: stubStore,
    temporal: {} as never,
    cipher: {} as never,
    carrier: {} as never,
    carrierWebhookSecret: 'x',
    logger: createLogger('silent'),
    rateLimitPerMinute,
  });

test('log lines never carry API keys, signatures, PINs or account numbers', () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  logger.info(
    {
      req: { headers: { authorization: 'Bearer sk-secret-key', 'webhook-signature': 'v1,c2lnbmF0dXJl' } },
      body: { losingCarrier: { pin: '4321', accountNumber: '987654321' }, corrections: { pin: '1111' } },
    },
    'request',
  );
  const out = lines.join('');
  for (const secret of ['sk-secret-key', 'c2lnbmF0dXJl', '4321', '987654321', '1111'])
    expect(out).not.toContain(secret);
  expect(out).toContain('[redacted]');
});

test('/metrics exposes request latency by route and orders by status', async () => {
  const a = app();
  await request(a).get('/v1/port-in-orders/pio_x').set('Authorization', 'Bearer k');
  const res = await request(a).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.text).toMatch(
    /portin_http_request_duration_seconds_count\{method="GET",route="\/v1\/port-in-orders\/:id",status="404"\} 1/,
  );
  expect(res.text).toContain('portin_orders{status="in_review"} 3');
});

test('requests carry a request id', async () => {
  const res = await request(app()).get('/healthz').set('X-Request-Id', 'req-123');
  expect(res.headers['x-request-id']).toBe('req-123');
});

test('each API key is rate limited on its own, with a problem+json 429', async () => {
  const a = app(2);
  for (let i = 0; i < 2; i++)
    expect((await request(a).get('/v1/port-in-orders/pio_x').set('Authorization', 'Bearer one')).status).toBe(
      404,
    );
  const limited = await request(a).get('/v1/port-in-orders/pio_x').set('Authorization', 'Bearer one');
  expect(limited.status).toBe(429);
  expect(limited.body.code).toBe('rate_limited');
  expect((await request(a).get('/v1/port-in-orders/pio_x').set('Authorization', 'Bearer two')).status).toBe(
    404,
  );
});

test('probes are not logged; every other request is', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const a = createApp({
    store: stubStore,
    temporal: {} as never,
    cipher: {} as never,
    carrier: {} as never,
    carrierWebhookSecret: 'x',
    logger: pino({ level: 'info' }, sink),
  });
  await request(a).get('/healthz').expect(200);
  expect(lines).toEqual([]);
  await request(a).get('/v1/port-in-orders/pio_x').set('Authorization', 'Bearer k');
  expect(lines.map((l) => JSON.parse(l).req?.url)).toContain('/v1/port-in-orders/pio_x');
});
