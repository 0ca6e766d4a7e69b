/**
 * The codec endpoint over stub services (no Temporal needed: it only uses the client's codecs):
 * the codec-server protocol, staff-only access, CORS for the Temporal UI.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { createApp } from '../../../api/app';
import type { CodecEndpointOptions } from '../../../api/routes/codec';
import { createLogger } from '../../../api/observability';
import { createPayloadCodec, parseKeyRing } from '../../../security/payload-codec';
import { hashApiKey } from '../../../store/connection';

const ROLES: Record<string, string> = { ops: 'ops', support: 'support', customer: 'customer' };
const KEYS = Object.fromEntries(Object.keys(ROLES).map((role) => [hashApiKey(`${role}-key`), role]));
const UI = 'http://localhost:8233';
const codec = createPayloadCodec(parseKeyRing(`k1:${randomBytes(32).toString('base64')}`));

function appWith(options: CodecEndpointOptions = { corsOrigins: [UI], allowAnonymous: false }) {
  return createApp({
    store: {
      models: {
        ApiKey: {
          findById: (id: string) => ({
            lean: async () => (KEYS[id] ? { role: KEYS[id], name: KEYS[id] } : null),
          }),
        },
      },
    } as never,
    temporal: { options: { loadedDataConverter: { payloadCodecs: [codec] } } } as never,
    cipher: {} as never,
    carrier: {} as never,
    carrierWebhookSecret: 'test',
    logger: createLogger('silent'),
    codecEndpoint: options,
  });
}
const app = appWith();

const json = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});
const input = { orderId: 'pio_1', phoneNumbers: ['+12125550147'] };
const sealed = async () => json((await codec.encode([defaultPayloadConverter.toPayload(input)]))[0]);
const decodeAs = (role: string | undefined, body: object, target = app) => {
  const r = request(target).post('/codec/decode').set('X-Namespace', 'default');
  return (role ? r.set('Authorization', `Bearer ${role}-key`) : r).send(body);
};
const valueOf = (p: { metadata: Record<string, string>; data: string }) =>
  defaultPayloadConverter.fromPayload({
    metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data, 'base64'),
  });

test.each(['ops', 'support'])(
  '%s decodes encrypted payloads; plain ones come back as they were',
  async (role) => {
    const plain = json(defaultPayloadConverter.toPayload('hello'));
    const res = await decodeAs(role, { payloads: [await sealed(), plain] });
    expect(res.status).toBe(200);
    expect(res.body.payloads).toHaveLength(2);
    expect(valueOf(res.body.payloads[0])).toEqual(input);
    expect(res.body.payloads[1]).toEqual(plain);
  },
);

test('encode then decode through the endpoint is the identity', async () => {
  const plain = json(defaultPayloadConverter.toPayload(input));
  const encoded = await request(app)
    .post('/codec/encode')
    .set('Authorization', 'Bearer ops-key')
    .send({ payloads: [plain] });
  expect(encoded.status).toBe(200);
  expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe(
    'binary/encrypted',
  );
  const decoded = await decodeAs('ops', encoded.body);
  expect(decoded.body.payloads).toEqual([plain]);
});

test('without a key: 401; an unknown key: 401', async () => {
  const body = { payloads: [await sealed()] };
  expect((await decodeAs(undefined, body)).status).toBe(401);
  const unknown = await decodeAs('nobody', body);
  expect(unknown.status).toBe(401);
  expect(unknown.headers['content-type']).toMatch(/problem\+json/);
});

// 403, not the 404 the API uses for other accounts' orders: the endpoint is documented and the
// same for everyone, so its existence leaks nothing; the answer says which roles it needs.
test("a customer's key is refused with 403 and never sees the payload", async () => {
  const res = await decodeAs('customer', { payloads: [await sealed()] });
  expect(res.status).toBe(403);
  expect(res.body.title).toContain('ops, support');
  expect(JSON.stringify(res.body)).not.toContain('12125550147');
});

test('a payload under an unknown key id, or a malformed body, is a 422 naming the payload', async () => {
  const other = createPayloadCodec(parseKeyRing(`k9:${randomBytes(32).toString('base64')}`));
  const foreign = json((await other.encode([defaultPayloadConverter.toPayload(input)]))[0]);
  const res = await decodeAs('ops', { payloads: [await sealed(), foreign] });
  expect(res.status).toBe(422);
  expect(res.body.errors).toEqual([
    expect.objectContaining({
      code: 'unknown_key_id',
      field: 'payloads.1',
      message: expect.stringContaining('"k9"'),
    }),
  ]);
  const bad = await decodeAs('ops', { payloads: [{ data: 'not base64!' }], extra: 1 });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['payloads.0.data']);
});

describe('CORS for the Temporal UI', () => {
  test('a preflight from the UI origin is answered without a key', async () => {
    const res = await request(app)
      .options('/codec/decode')
      .set('Origin', UI)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toBe('Authorization, Content-Type, X-Namespace');
  });

  test('other origins get no CORS grant', async () => {
    const res = await request(app)
      .options('/codec/decode')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the answer to the UI carries the grant, refusals included (so the UI can read them)', async () => {
    const ok = await decodeAs('ops', { payloads: [await sealed()] }).set('Origin', UI);
    expect(ok.headers['access-control-allow-origin']).toBe(UI);
    const refused = await decodeAs(undefined, { payloads: [] }).set('Origin', UI);
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(UI);
  });
});

test('local development (CODEC_ALLOW_ANONYMOUS): no key is served, a customer key is still refused', async () => {
  const local = appWith({ corsOrigins: [UI], allowAnonymous: true });
  const res = await decodeAs(undefined, { payloads: [await sealed()] }, local);
  expect(res.status).toBe(200);
  expect(valueOf(res.body.payloads[0])).toEqual(input);
  expect((await decodeAs('customer', { payloads: [] }, local)).status).toBe(403);
});

// The Temporal CLI encodes a query's arguments (none) before `workflow query`: an empty list, which
// its proto3 JSON writes as `{}`. Both spellings are an empty answer, never a 422.
describe('empty payload lists (Temporal CLI --codec-endpoint)', () => {
  test.each(['decode', 'encode'])('%s: {"payloads": []} and {} answer {"payloads": []}', async (step) => {
    for (const body of [{ payloads: [] }, {}]) {
      const res = await request(app)
        .post(`/codec/${step}`)
        .set('Authorization', 'Bearer ops-key')
        .set('X-Namespace', 'default')
        .send(body);
      expect({ body, status: res.status, answer: res.body }).toEqual({
        body,
        status: 200,
        answer: { payloads: [] },
      });
    }
  });

  test('an empty list still needs a staff key outside local mode', async () => {
    for (const body of [{ payloads: [] }, {}]) {
      expect((await decodeAs(undefined, body)).status).toBe(401);
      expect((await decodeAs('customer', body)).status).toBe(403);
    }
    const local = appWith({ corsOrigins: [UI], allowAnonymous: true });
    const res = await decodeAs(undefined, {}, local);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { payloads: [] } });
  });
});
