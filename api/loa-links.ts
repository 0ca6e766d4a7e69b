/**
 * The signing link's token: the request id, the order and the expiry, sealed (AES-256-GCM, which
 * authenticates as well as hides) under the link key: a key of its own, derived from the field key
 * for this one purpose (FieldCipher.derive), so a token never opens as a sealed PIN or account number
 * and no sealed secret opens as a token. Production refuses to start with the development field key
 * (config/development-material.ts), and with it the link key derived from it, so a link cannot be
 * forged from the published key there; any change to a token fails its authentication tag.
 */
import type { FieldCipher } from '../security/field-crypto';

export interface LinkClaims {
  /** The signature request's id (single use is kept in the store). */
  r: string;
  o: string;
  /** Expiry, epoch ms. */
  e: number;
}

/** The purpose the link key is derived for: changing it voids every link out. */
export const LINK_KEY_PURPOSE = 'loa signing link v1';

export const sealLink = (cipher: FieldCipher, claims: LinkClaims): string =>
  Buffer.from(cipher.derive(LINK_KEY_PURPOSE).encrypt(JSON.stringify(claims)), 'utf8').toString('base64url');

/** The claims of an intact token, or undefined for anything altered, truncated or made up. */
export function openLink(cipher: FieldCipher, token: string): LinkClaims | undefined {
  try {
    if (!/^[A-Za-z0-9_-]{20,2000}$/.test(token)) return undefined;
    const raw = Buffer.from(token, 'base64url');
    // Only the token's one spelling: base64 decoding ignores stray trailing characters.
    if (raw.toString('base64url') !== token) return undefined;
    // The same inside: each base64 part of the sealed value in its one spelling too.
    const sealed = raw.toString('utf8');
    const parts = sealed.split(':').slice(1);
    if (parts.some((p) => Buffer.from(p, 'base64').toString('base64') !== p)) return undefined;
    const claims = JSON.parse(cipher.derive(LINK_KEY_PURPOSE).decrypt(sealed)) as LinkClaims;
    return typeof claims.r === 'string' && typeof claims.o === 'string' && Number.isFinite(claims.e)
      ? claims
      : undefined;
  } catch {
    return undefined;
  }
}
