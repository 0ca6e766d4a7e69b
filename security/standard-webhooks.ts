/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, sent as `webhook-signature: v1,<base64>` with `webhook-id` and
 * `webhook-timestamp` (seconds). Used for carrier events into the API and customer webhooks out of it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_SECONDS = 5 * 60;

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function secretBytes(secret: string): Buffer {
  // Secrets may be given as 'whsec_<base64>' (the scheme's format) or as plain text.
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
}

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretBytes(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export function signedHeaders(secret: string, id: string, body: string, nowMs = Date.now()): SignedHeaders {
  const ts = Math.floor(nowMs / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(ts),
    'webhook-signature': sign(secret, id, ts, body),
  };
}

export type VerifyFailure = 'missing_headers' | 'stale_timestamp' | 'bad_signature';

/** Verifies a delivery; returns the failure, or undefined when the signature is valid and fresh. */
export function verify(
  secret: string,
  headers: Partial<Record<keyof SignedHeaders, string | undefined>>,
  body: string,
  nowMs = Date.now(),
): VerifyFailure | undefined {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !ts || !signatures || !/^\d+$/.test(ts)) return 'missing_headers';
  const timestamp = Number(ts);
  if (Math.abs(nowMs / 1000 - timestamp) > TOLERANCE_SECONDS) return 'stale_timestamp';
  const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64');
  // The header may carry several space-separated signatures (secret rotation); any valid one passes.
  for (const candidate of signatures.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
  }
  return 'bad_signature';
}
