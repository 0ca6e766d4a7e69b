/**
 * Encryption of every payload the services hand to Temporal (workflow inputs, activity arguments and
 * results, signals, updates, queries, timer summaries, current details): AES-256-GCM, so the Temporal
 * server, its database and its UI hold ciphertext only. Each encrypted payload names the id of its
 * key, so keys rotate by id: new payloads use the active key, older ones still decode with any key
 * left on the ring. Payloads that are not encrypted pass through decode untouched, so histories
 * recorded before encryption still replay.
 *
 * A payload of 256 bytes or more is compressed (deflate) before it is sealed, when that makes it
 * smaller: a 100-number order repeats its number list in its input, signals, activity calls,
 * notices and result, and compressed its history stays close to a 1-number order's (README
 * "Performance"), far from Temporal's payload and history limits even at 1,000 numbers. The
 * compressed form is itself a payload (encoding `binary/deflate`, the original payload deflated as
 * its data), sealed like any other: the server sees the same envelope, and a process that predates
 * compression fails such a payload cleanly ("unknown encoding") instead of misreading it, so every
 * process must run this version before any of them writes compressed payloads. Compression only
 * reveals how repetitive a payload is through its length; payloads never hold carrier PINs,
 * account numbers or other secrets for that to leak.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/** The encoding of a compressed payload, inside the sealed envelope only. */
export const COMPRESSED_ENCODING = 'binary/deflate';
/** Smaller payloads (most: ids, statuses) are sealed as they are: too little to gain. */
export const COMPRESS_FROM_BYTES = 256;
/** A compressed payload never inflates past this (Temporal refuses payloads far smaller anyway). */
const MAX_INFLATED_BYTES = 64 * 2 ** 20;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface PayloadKeyRing {
  /** The key id new payloads are encrypted with. */
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Why a payload could not be decrypted; names the key id, never key material. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
  constructor(
    readonly code: 'unknown_key_id' | 'undecryptable' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/** A development key ring derived from a fixed phrase; `config` refuses it when NODE_ENV=production. */
export const DEV_PAYLOAD_KEYS = `dev:${createHash('sha256')
  .update('port-in-orchestrator local development payload key')
  .digest('base64')}`;

function parseKeyBytes(id: string, raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : Buffer.alloc(0);
  if (key.length !== 32)
    throw new Error(`PORTIN_PAYLOAD_KEYS: key "${id}" must be 32 bytes, as base64 or 64 hex characters`);
  return key;
}

/** Parses `k2:<base64>,k1:<base64>`: the first key is active, the others only decrypt. */
export function parseKeyRing(spec: string): PayloadKeyRing {
  const keys = new Map<string, Buffer>();
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    // Entries are named by position, not content: a malformed entry may be key material.
    if (!KEY_ID.test(id))
      throw new Error(
        `PORTIN_PAYLOAD_KEYS: entry ${index + 1} must be <key id>:<key> (id: letters, digits, . _ -)`,
      );
    if (keys.has(id)) throw new Error(`PORTIN_PAYLOAD_KEYS: key id "${id}" appears twice`);
    keys.set(id, parseKeyBytes(id, entry.slice(colon + 1)));
  }
  if (keys.size === 0) throw new Error('PORTIN_PAYLOAD_KEYS must name at least one key');
  return { activeKeyId: [...keys.keys()][0], keys };
}

/** True when any key on the ring is the public development key. */
export function usesDevPayloadKey(spec: string): boolean {
  const dev = parseKeyRing(DEV_PAYLOAD_KEYS).keys.get('dev')!;
  return [...parseKeyRing(spec).keys.values()].some((key) => key.equals(dev));
}

const text = (bytes: Uint8Array | null | undefined) =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/** The payload's bytes, compressed when that pays (see the top of this file). */
function compressed(payload: Payload): Uint8Array {
  const { Payload } = temporal.api.common.v1;
  const bytes = Payload.encode(payload).finish();
  if (bytes.length < COMPRESS_FROM_BYTES) return bytes;
  const wrapped = Payload.encode({
    metadata: { [METADATA_ENCODING_KEY]: Buffer.from(COMPRESSED_ENCODING) },
    data: deflateRawSync(bytes),
  }).finish();
  return wrapped.length < bytes.length ? wrapped : bytes;
}

function decompressed(payload: Payload, keyId: string): Payload {
  if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== COMPRESSED_ENCODING) return payload;
  let bytes: Buffer;
  try {
    bytes = inflateRawSync(payload.data ?? new Uint8Array(), { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw new PayloadDecryptionError('malformed', `compressed payload (key id "${keyId}") does not inflate`);
  }
  return temporal.api.common.v1.Payload.decode(bytes);
}

function encrypt(payload: Payload, keyId: string, key: Buffer): Payload {
  // The whole payload (metadata too) is sealed: even its encoding is not visible to the server.
  const plain = compressed(payload);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    metadata: {
      [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
      [KEY_ID_METADATA]: Buffer.from(keyId),
    },
    data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
  };
}

function decrypt(payload: Payload, ring: PayloadKeyRing): Payload {
  if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
  const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
  if (!keyId) throw new PayloadDecryptionError('malformed', `encrypted payload without ${KEY_ID_METADATA}`);
  const key = ring.keys.get(keyId);
  if (!key)
    throw new PayloadDecryptionError(
      'unknown_key_id',
      `payload encrypted with key id "${keyId}", which is not on the key ring (PORTIN_PAYLOAD_KEYS)`,
    );
  const data = Buffer.from(payload.data ?? []);
  if (data.length < IV_BYTES + TAG_BYTES)
    throw new PayloadDecryptionError('malformed', `encrypted payload (key id "${keyId}") is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([
      decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new PayloadDecryptionError(
      'undecryptable',
      `payload (key id "${keyId}") failed authentication: altered, or sealed with another key of that id`,
    );
  }
  return decompressed(temporal.api.common.v1.Payload.decode(plain), keyId);
}

export function createPayloadCodec(ring: PayloadKeyRing): PayloadCodec {
  const activeKey = ring.keys.get(ring.activeKeyId);
  if (!activeKey) throw new Error(`the active payload key "${ring.activeKeyId}" is not on the ring`);
  return {
    async encode(payloads) {
      return payloads.map((p) => encrypt(p, ring.activeKeyId, activeKey));
    },
    async decode(payloads) {
      return payloads.map((p) => decrypt(p, ring));
    },
  };
}
