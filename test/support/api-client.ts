/** Small helpers for driving the API like a client and playing the carrier through its signed endpoint. */
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { signedHeaders } from '../../security/standard-webhooks';
import { specValidator } from './openapi-validator';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Every response the client gets must match the OpenAPI spec (test/support/openapi-validator.ts). */
const conforming = (method: string, path: string, test: request.Test): request.Test =>
  test.expect((res) => specValidator().assertConforms(method, path, res));

export const api = (baseUrl: string, key: string) => {
  const call = (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string) =>
    conforming(method, path, request(baseUrl)[method](path).set('Authorization', `Bearer ${key}`));
  return {
    get: (path: string) => call('get', path),
    post: (path: string, body?: object) => call('post', path).send(body ?? {}),
    patch: (path: string) => call('patch', path),
    put: (path: string) => call('put', path),
    delete: (path: string) => call('delete', path),
    upload: (path: string, fields: Record<string, string>, file: Buffer = PDF, name = 'doc.pdf') => {
      let r = call('post', path);
      for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
      return r.attach('file', file, name);
    },
  };
};

export async function carrierEvent(
  baseUrl: string,
  secret: string,
  body: Record<string, unknown>,
  id = `evt_${randomUUID()}`,
) {
  const raw = JSON.stringify({ occurredAt: new Date().toISOString(), ...body });
  return conforming('post', '/v1/carrier/events', request(baseUrl).post('/v1/carrier/events'))
    .set({ ...signedHeaders(secret, id, raw) })
    .set('Content-Type', 'application/json')
    .send(raw);
}

export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(
        `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`,
      );
    await new Promise((r) => setTimeout(r, 250));
    last = await probe();
  }
  return last;
}

export function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    country: 'US',
    phoneNumbers: ['+12125550147'],
    authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
    serviceAddress: {
      line1: '350 Fifth Avenue',
      city: 'New York',
      region: 'NY',
      postalCode: '10118',
      country: 'US',
    },
    losingCarrier: { name: 'Simulated Telco', accountNumber: '987654321', pin: '4321' },
    notificationEmail: 'ada@example.test',
    configuration: { capabilities: 'voice+sms', alias: 'Main line' },
    ...overrides,
  };
}
