import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { loadConfig } from '../../../config';
import {
  COMPRESS_FROM_BYTES,
  COMPRESSED_ENCODING,
  DEV_PAYLOAD_KEYS,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  PayloadDecryptionError,
  createPayloadCodec,
  parseKeyRing,
  usesDevPayloadKey,
} from '../../../security/payload-codec';

const key = () => randomBytes(32).toString('base64');
const K1 = key();
const K2 = key();
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');
const order = { orderId: 'pio_1', phoneNumbers: ['+12125550147'], customerReference: 'Ada Lovelace' };
const plain = (): Payload => defaultPayloadConverter.toPayload(order);

async function failure(p: Promise<unknown>): Promise<PayloadDecryptionError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PayloadDecryptionError);
  return err as PayloadDecryptionError;
}

test('round trip: the decoded payload is the original, metadata included', async () => {
  const codec = createPayloadCodec(parseKeyRing(`k1:${K1}`));
  const [encoded] = await codec.encode([plain()]);
  const [decoded] = await codec.decode([encoded]);
  expect(text(decoded.metadata?.encoding)).toBe('json/plain');
  expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(order);
});

test('an encrypted payload names its encoding and key id, and holds no plain text', async () => {
  const codec = createPayloadCodec(parseKeyRing(`k2:${K2},k1:${K1}`));
  const [encoded] = await codec.encode([plain()]);
  expect(Object.keys(encoded.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA]);
  expect(text(encoded.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
  expect(text(encoded.metadata?.[KEY_ID_METADATA])).toBe('k2'); // the first key is the active one
  const raw = Buffer.from(encoded.data!).toString('latin1');
  for (const secret of ['+12125550147', 'Ada Lovelace', 'json/plain']) expect(raw).not.toContain(secret);
  // iv (12) + ciphertext + tag (16); a fresh iv every time
  const [again] = await codec.encode([plain()]);
  expect(Buffer.from(again.data!).equals(Buffer.from(encoded.data!))).toBe(false);
});

test('rotation: payloads sealed with an older key still decode once a new key is active', async () => {
  const before = createPayloadCodec(parseKeyRing(`k1:${K1}`));
  const after = createPayloadCodec(parseKeyRing(`k2:${K2},k1:${K1}`));
  const [old] = await before.encode([plain()]);
  const [fresh] = await after.encode([plain()]);
  expect(text(fresh.metadata?.[KEY_ID_METADATA])).toBe('k2');
  const decoded = await after.decode([old, fresh]);
  expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([order, order]);
});

test('an unknown key id fails, naming the id and never a key', async () => {
  const [sealed] = await createPayloadCodec(parseKeyRing(`k0:${K1}`)).encode([plain()]);
  const err = await failure(createPayloadCodec(parseKeyRing(`k2:${K2}`)).decode([sealed]));
  expect(err.code).toBe('unknown_key_id');
  expect(err.message).toContain('"k0"');
  for (const k of [K1, K2]) expect(err.message).not.toContain(k);
});

test('an altered ciphertext (or another key under the same id) fails authentication', async () => {
  const codec = createPayloadCodec(parseKeyRing(`k1:${K1}`));
  const [sealed] = await codec.encode([plain()]);
  const data = Buffer.from(sealed.data!);
  data[20] ^= 0x01;
  expect((await failure(codec.decode([{ ...sealed, data }]))).code).toBe('undecryptable');
  const impostor = createPayloadCodec(parseKeyRing(`k1:${K2}`));
  expect((await failure(impostor.decode([sealed]))).code).toBe('undecryptable');
  expect((await failure(codec.decode([{ ...sealed, data: data.subarray(0, 20) }]))).code).toBe('malformed');
});

describe('compression', () => {
  const { Payload: PayloadProto } = temporal.api.common.v1;
  const numbers = Array.from({ length: 100 }, (_, i) => `+1212200${String(i).padStart(4, '0')}`);
  const large = () => defaultPayloadConverter.toPayload({ ...order, phoneNumbers: numbers });
  const codec = () => createPayloadCodec(parseKeyRing(`k1:${K1}`));
  const sealedBytes = async (p: Payload) => (await codec().encode([p]))[0].data!.length;
  /** Seals `plain` under k1 exactly as the codec's envelope does, whatever the bytes are. */
  const sealRaw = (plainBytes: Uint8Array): Payload => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(K1, 'base64'), iv);
    const sealed = Buffer.concat([cipher.update(plainBytes), cipher.final()]);
    return {
      metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from('k1') },
      data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
    };
  };
  const compressedForm = (data: Uint8Array) =>
    PayloadProto.encode({ metadata: { encoding: Buffer.from(COMPRESSED_ENCODING) }, data }).finish();

  test('a large payload is sealed compressed, in the same envelope, and decodes to the original', async () => {
    const plainBytes = PayloadProto.encode(large()).finish().length;
    const [encoded] = await codec().encode([large()]);
    expect(Object.keys(encoded.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA]);
    expect(text(encoded.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    // 100 numbers of one block: a fraction of their plain size (iv and tag included).
    expect(encoded.data!.length).toBeLessThan(plainBytes / 4);
    const [decoded] = await codec().decode([encoded]);
    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ ...order, phoneNumbers: numbers });
  });

  test('a small payload, or one that does not shrink, is sealed as it is', async () => {
    const overhead = 12 + 16; // iv + tag
    const smallBytes = PayloadProto.encode(plain()).finish().length;
    expect(smallBytes).toBeLessThan(COMPRESS_FROM_BYTES);
    expect(await sealedBytes(plain())).toBe(smallBytes + overhead);
    const noise = { metadata: { encoding: Buffer.from('binary/plain') }, data: randomBytes(1_000) };
    expect(await sealedBytes(noise)).toBe(PayloadProto.encode(noise).finish().length + overhead);
    const [decoded] = await codec().decode(await codec().encode([noise]));
    expect(Buffer.from(decoded.data!).equals(noise.data)).toBe(true);
  });

  test('payloads sealed before compression (uncompressed, any size) still decode', async () => {
    const [decoded] = await codec().decode([sealRaw(PayloadProto.encode(large()).finish())]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ ...order, phoneNumbers: numbers });
  });

  test('a compressed payload that does not inflate, or inflates past 64 MB, fails as malformed', async () => {
    const broken = sealRaw(compressedForm(Buffer.from('not deflate')));
    expect((await failure(codec().decode([broken]))).code).toBe('malformed');
    const bomb = sealRaw(compressedForm(deflateRawSync(Buffer.alloc(65 * 2 ** 20))));
    expect((await failure(codec().decode([bomb]))).code).toBe('malformed');
  });
});

test('payloads that are not encrypted pass through decode untouched (histories from before)', async () => {
  const codec = createPayloadCodec(parseKeyRing(`k1:${K1}`));
  const unencrypted = [
    plain(),
    defaultPayloadConverter.toPayload(null),
    { metadata: {}, data: Buffer.from('x') },
  ];
  expect(await codec.decode(unencrypted)).toEqual(unencrypted);
});

describe('key ring (PORTIN_PAYLOAD_KEYS)', () => {
  test('hex or base64 keys, spaces tolerated, first is active', () => {
    const ring = parseKeyRing(` k2:${randomBytes(32).toString('hex')} , k1:${K1} `);
    expect(ring.activeKeyId).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
  });

  test.each([
    ['empty', '', 'at least one key'],
    ['no id', `${K1}`, 'entry 1'],
    ['twice the same id', `k1:${K1},k1:${K2}`, '"k1" appears twice'],
    ['a 16-byte key', `k1:${randomBytes(16).toString('base64')}`, '"k1" must be 32 bytes'],
    ['a bad id', 'bad id!:x', 'entry 1'],
  ])('%s is refused without echoing key material', (_label, spec, message) => {
    let error: Error | undefined;
    try {
      parseKeyRing(spec);
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain(K1);
  });

  test('the development key is recognised wherever it sits on the ring', () => {
    expect(usesDevPayloadKey(DEV_PAYLOAD_KEYS)).toBe(true);
    const devKey = DEV_PAYLOAD_KEYS.slice('dev:'.length);
    expect(usesDevPayloadKey(`k1:${K1},old:${devKey}`)).toBe(true);
    expect(usesDevPayloadKey(`k1:${K1}`)).toBe(false);
  });
});

describe('config', () => {
  // config/index.ts holds on to the process.env object: change its keys, never replace it.
  const NAMES = [
    'NODE_ENV',
    'PORTIN_FIELD_KEY',
    'PORTIN_PAYLOAD_KEYS',
    'CODEC_ALLOW_ANONYMOUS',
    'CODEC_CORS_ORIGINS',
    'CARRIER_WEBHOOK_SECRET',
    'SEED_DEMO_DATA',
  ];
  const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
  const production = (extra: Record<string, string>) => {
    for (const n of NAMES) delete process.env[n];
    Object.assign(
      process.env,
      {
        NODE_ENV: 'production',
        PORTIN_FIELD_KEY: randomBytes(32).toString('hex'),
        CARRIER_WEBHOOK_SECRET: 'whsec_cHJvZHVjdGlvbi1zZWNyZXQ=',
        SEED_DEMO_DATA: 'false',
      },
      extra,
    );
  };
  afterEach(() => {
    for (const n of NAMES)
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
  });

  test('production refuses the development payload key and anonymous codec requests', () => {
    production({});
    expect(() => loadConfig()).toThrow('PORTIN_PAYLOAD_KEYS is not set');
    production({ PORTIN_PAYLOAD_KEYS: `k1:${K1},${DEV_PAYLOAD_KEYS}` });
    expect(() => loadConfig()).toThrow('PORTIN_PAYLOAD_KEYS holds the public development key');
    production({ PORTIN_PAYLOAD_KEYS: `k1:${K1}`, CODEC_ALLOW_ANONYMOUS: 'true' });
    expect(() => loadConfig()).toThrow('CODEC_ALLOW_ANONYMOUS');
    production({ PORTIN_PAYLOAD_KEYS: `k1:${K1}`, CODEC_CORS_ORIGINS: 'https://temporal.example ,' });
    expect(loadConfig()).toMatchObject({
      payloadKeys: `k1:${K1}`,
      codecEndpoint: { corsOrigins: ['https://temporal.example'], allowAnonymous: false },
    });
  });
});
