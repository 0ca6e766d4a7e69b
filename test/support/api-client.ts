/** Small helpers for driving the API like a client and playing the carrier through its signed endpoint. */
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { signedHeaders } from '../../security/standard-webhooks';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const api = (baseUrl: string, key: string) => ({
  get: (path: string) => request(baseUrl).get(path).set('Authorization', `Bearer ${key}`),
  post: (path: string, body?: object) =>
    request(baseUrl)
      .post(path)
      .set('Authorization', `Bearer ${key}`)
      .send(body ?? {}),
  patch: (path: string) => request(baseUrl).patch(path).set('Authorization', `Bearer ${key}`),
  put: (path: string) => request(baseUrl).put(path).set('Authorization', `Bearer ${key}`),
  upload: (path: string, fields: Record<string, string>, file: Buffer = PDF, name = 'doc.pdf') => {
    let r = request(baseUrl).post(path).set('Authorization', `Bearer ${key}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file, name);
  },
});

export async function carrierEvent(
  baseUrl: string,
  secret: string,
  body: Record<string, unknown>,
  id = `evt_${randomUUID()}`,
) {
  const raw = JSON.stringify({ occurredAt: new Date().toISOString(), ...body });
  return request(baseUrl)
    .post('/v1/carrier/events')
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
