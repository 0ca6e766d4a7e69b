import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { precomputedHeaders } from '../../../api/security-headers';

const served = (mount: (app: express.Express) => void) => {
  const app = express();
  mount(app);
  app.get('/x', (_req, res) => res.json({ ok: true }));
  return request(app).get('/x');
};
const securityHeaders = (headers: Record<string, string>) => {
  const { date: _d, etag: _e, 'content-length': _l, connection: _c, 'keep-alive': _k, ...rest } = headers;
  return rest;
};

test('the precomputed headers are exactly the ones helmet sets per request', async () => {
  const perRequest = await served((app) => app.use(helmet()));
  const precomputed = await served((app) => app.use(precomputedHeaders(helmet())));
  expect(securityHeaders(precomputed.headers as never)).toEqual(securityHeaders(perRequest.headers as never));
  expect(precomputed.headers['content-security-policy']).toContain("default-src 'self'");
  expect(precomputed.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(precomputed.headers['x-powered-by']).toBeUndefined();
});

test('a middleware that does not finish at once is refused rather than copied', () => {
  expect(() => precomputedHeaders((_req, _res, next) => setImmediate(next))).toThrow(/synchronously/);
});
