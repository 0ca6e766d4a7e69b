/**
 * Encryption at rest for carrier secrets (port PIN, account number): AES-256-GCM with a key from
 * PORTIN_FIELD_KEY (32 bytes, base64 or hex). Ciphertexts are 'v1:<iv>:<tag>:<data>' (base64 parts).
 * Secrets are only ever shown masked.
 */
import { createCipheriv, createDecipheriv, randomBytes, createHash, hkdfSync } from 'node:crypto';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /**
   * A cipher for one other purpose (a signing link, a list cursor), under its own key derived from
   * this one (HKDF-SHA256, the purpose as its label): what one seals the other cannot open, so a
   * token handed to a browser never opens as a sealed PIN or account number, nor the reverse. The
   * derived key is as secret as this one, and as development-only when this one is the development
   * key (production refuses that: config/development-material.ts).
   */
  derive(purpose: string): FieldCipher;
}

export function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new Error('PORTIN_FIELD_KEY must be 32 bytes, given as 64 hex characters or base64');
  return key;
}

/** A development key derived from a fixed phrase; `config` refuses it when NODE_ENV=production. */
export const DEV_FIELD_KEY = createHash('sha256')
  .update('port-in-orchestrator local development key')
  .digest('hex');

export function createFieldCipher(rawKey: string): FieldCipher {
  return cipherWithKey(parseKey(rawKey));
}

/** HKDF-SHA256 of `key` with `purpose` as its info: one 32-byte key per purpose. */
const derivedKey = (key: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `port-in field key: ${purpose}`, 32));

function cipherWithKey(key: Buffer): FieldCipher {
  const derived = new Map<string, FieldCipher>();
  return {
    derive(purpose) {
      if (!purpose) throw new Error('a derived key needs a purpose');
      let cipher = derived.get(purpose);
      if (!cipher) derived.set(purpose, (cipher = cipherWithKey(derivedKey(key, purpose))));
      return cipher;
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        data.toString('base64'),
      ].join(':');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed field');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** '••••6789': the last four characters only, never the whole secret. */
export function mask(secret: string | undefined): string | undefined {
  if (!secret) return undefined;
  const tail = secret.length > 4 ? secret.slice(-4) : '';
  return `${'•'.repeat(4)}${tail}`;
}
