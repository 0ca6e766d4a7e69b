import request from 'supertest';
import express from 'express';
import { DOCUMENTED_ROUTES, openApiDocument } from '../../../api/openapi';
import { createApp } from '../../../api/app';
import { createLogger } from '../../../api/observability';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

// The app over stub services: every key is a support key and no order exists, so a documented route
// answers something of its own (a 404 for the order, a 4xx/5xx from a stub) while a missing route
// answers the app's 'no such route'.
const none = () => ({ lean: async () => null, sort: () => ({ limit: () => ({ lean: async () => [] }) }) });
const app: express.Express = createApp({
  store: {
    models: {
      ApiKey: { findById: () => ({ lean: async () => ({ role: 'support', name: 'stub' }) }) },
      Order: { findById: none, find: none },
      ActiveNumber: { find: none },
    },
  } as never,
  temporal: {} as never,
  cipher: {} as never,
  carrier: {} as never,
  carrierWebhookSecret: 'test',
  logger: createLogger('silent'),
});

test('the spec is OpenAPI 3.1 with the request schemas from api/schemas.ts', () => {
  const doc = openApiDocument() as Doc;
  expect(doc.openapi).toBe('3.1.0');
  const create = doc.paths['/v1/port-in-orders'].post as {
    requestBody: { content: Record<string, { schema: { properties: object } }> };
  };
  expect(Object.keys(create.requestBody.content['application/json'].schema.properties)).toEqual(
    expect.arrayContaining(['phoneNumbers', 'serviceAddress', 'losingCarrier', 'configuration']),
  );
  expect(Object.keys(doc.components.schemas)).toEqual(
    expect.arrayContaining(['Problem', 'PortInOrder', 'ChangeQuote']),
  );
});

test.each(DOCUMENTED_ROUTES.map((r) => [r.method.toUpperCase(), r.path]))(
  '%s %s is documented and exists',
  async (method, path) => {
    const doc = openApiDocument() as Doc;
    expect(doc.paths[path]?.[method.toLowerCase()]).toBeDefined();
    const url = path.replace('{id}', 'pio_test');
    const res = await request(app)[method.toLowerCase() as 'get'](url).set('Authorization', 'Bearer any');
    expect(res.body?.title).not.toBe('no such route');
  },
);

test('an undocumented path answers "no such route"', async () => {
  const res = await request(app).get('/v1/nowhere').set('Authorization', 'Bearer any');
  expect(res.status).toBe(404);
  expect(res.body.title).toBe('no such route');
});

test('Swagger UI is served at /docs', async () => {
  const res = await request(app).get('/docs/');
  expect(res.status).toBe(200);
  expect(res.text).toContain('swagger-ui');
});
