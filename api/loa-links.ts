/**
 * The signing link's token: the request id, the order and the expiry, sealed (AES-256-GCM, which
 * authenticates as well as hides) with the field key of the configuration. Production refuses to
 * start with the development field key (config/development-material.ts), so a link cannot be forged
 * from the published key there; any change to a token fails its authentication tag.
 */
import type { FieldCipher } from '../security/field-crypto';

export interface LinkClaims {
  /** The signature request's id (single use is kept in the store). */
  r: string;
  o: string;
  /** Expiry, epoch ms. */
  e: number;
}

export const sealLink = (cipher: FieldCipher, claims: LinkClaims): string =>
  Buffer.from(cipher.encrypt(JSON.stringify(claims)), 'utf8').toString('base64url');

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
    const claims = JSON.parse(cipher.decrypt(sealed)) as LinkClaims;
    return typeof claims.r === 'string' && typeof claims.o === 'string' && Number.isFinite(claims.e)
      ? claims
      : undefined;
  } catch {
    return undefined;
  }
}
