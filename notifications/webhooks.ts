/**
 * Customer webhook delivery: the same events as the emails, as JSON signed with the Standard
 * Webhooks scheme. One call is one attempt and reports its outcome instead of throwing, because
 * the caller (a Temporal activity) owns the retry policy and decides when a failure is worth a retry.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import {
  checkOutboundUrl,
  type OutboundPolicy,
  type OutboundRefusal,
  type Resolve,
  type ResolvedAddress,
} from '../security/outbound-url';
import { signedHeaders } from '../security/standard-webhooks';

export const WEBHOOK_EVENT_TYPES = [
  'port_in_order.status_changed',
  'port_in_number.status_changed',
  'port_in_order.foc_date_set',
  'port_in_order.rejected',
  'port_in_order.canceled',
  'port_in_order.completed',
  'port_in_order.comment_added',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  type: WebhookEventType;
  /** ISO 8601. */
  createdAt: string;
  data: T;
}

export interface WebhookDeliveryRequest {
  url: string;
  /** The customer's signing secret ('whsec_<base64>' or plain text). */
  secret: string;
  /** Stable across retries: receivers deduplicate on it (it is sent as webhook-id). */
  eventId: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  timeoutMs: number;
  /** When the event happened; defaults to now. Pass it so every retry sends the same body. */
  createdAt?: string;
  /** Where outbound calls may go; defaults to the environment's (security/outbound-url.ts). */
  policy?: OutboundPolicy;
  /** Resolves the endpoint's host; the system resolver unless a test injects one. */
  resolve?: Resolve;
}

/**
 * What went wrong, as the delivery log records it. Never the receiver's body: an endpoint is any
 * URL a customer chose, and its answer is not ours to store or show back.
 */
export type WebhookErrorClass =
  | OutboundRefusal
  | 'timeout'
  | 'connection_refused'
  | 'connection_reset'
  | 'network_unreachable'
  | 'tls_error'
  | 'http_status'
  | 'network_error';

export interface WebhookDeliveryResult {
  /** True only for a 2xx answer. */
  ok: boolean;
  /** Present when the receiver answered. */
  statusCode?: number;
  errorClass?: WebhookErrorClass;
  /** `<errorClass>: <what happened>`, for the delivery log. */
  error?: string;
  /** False when trying again cannot help (a refused destination, an unusable URL). */
  retryable?: boolean;
  durationMs: number;
}

const USER_AGENT = 'port-in-orchestrator-webhooks/1';

const CONNECTION_ERRORS: Record<string, WebhookErrorClass> = {
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_reset',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'network_unreachable',
  ENETUNREACH: 'network_unreachable',
  EADDRNOTAVAIL: 'network_unreachable',
};
const TLS_ERROR = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** A failed connection's class, from its code: never its message, which may quote the target's certificate. */
function classify(error: unknown): { errorClass: WebhookErrorClass; detail: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return { errorClass: 'timeout', detail: 'no answer in time' };
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  const errorClass = CONNECTION_ERRORS[code] ?? (TLS_ERROR.test(code) ? 'tls_error' : 'network_error');
  return { errorClass, detail: code };
}

/**
 * Connects to the vetted addresses only: net asks `lookup` for the host's addresses and gets these
 * (all of them when it tries several, as with Happy Eyeballs), so no second DNS answer is used.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    if (all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else
      (callback as (e: null, a: string, f: number) => void)(null, addresses[0].address, addresses[0].family);
  };
}

/** One POST; resolves with the status as soon as the answer's head arrives (its body is not read). */
function post(
  url: URL,
  addresses: ResolvedAddress[],
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      // A connection of its own: a pooled socket may have been opened to another vetted address.
      agent: false,
      // The URL's host stays the Host header and, for https, the SNI name the certificate is checked against.
      lookup: pinnedLookup(addresses),
      signal: AbortSignal.timeout(timeoutMs),
    });
    request.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Delivers one event. The endpoint is checked first (security/outbound-url.ts), then called at the
 * addresses that check vetted; a redirect is not followed (it is only an answer: following it would
 * post signed data to an address nobody registered or checked).
 */
export async function deliverWebhook(request: WebhookDeliveryRequest): Promise<WebhookDeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (
    errorClass: WebhookErrorClass,
    detail: string,
    extra: Partial<WebhookDeliveryResult> = {},
  ) => ({
    ok: false,
    errorClass,
    error: `${errorClass}: ${detail}`,
    retryable: errorClass !== 'destination_not_allowed' && errorClass !== 'invalid_url',
    durationMs: elapsed(),
    ...extra,
  });

  let destination;
  try {
    destination = await checkOutboundUrl(request.url, { policy: request.policy, resolve: request.resolve });
  } catch (error) {
    return failed('destination_not_allowed', String((error as Error).message)); // a bad allowlist
  }
  if (!destination.ok) return failed(destination.refusal, destination.message);

  const event: WebhookEvent = {
    id: request.eventId,
    type: request.type,
    createdAt: request.createdAt ?? new Date().toISOString(),
    data: request.payload,
  };
  // Serialised once: the signature covers these exact bytes.
  const body = JSON.stringify(event);
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    ...signedHeaders(request.secret, request.eventId, body),
  };
  try {
    const statusCode = await post(destination.url, destination.addresses, headers, body, request.timeoutMs);
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode, durationMs: elapsed() };
    const redirect = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
    return failed('http_status', `receiver answered HTTP ${statusCode}${redirect}`, { statusCode });
  } catch (error) {
    const { errorClass, detail } = classify(error);
    return failed(errorClass, detail);
  }
}

/**
 * The error a Temporal activity throws for a failed delivery: retried by its policy, except a
 * refused destination or unusable URL, which fails at once (retrying would only be refused again).
 */
export function webhookDeliveryFailure(result: WebhookDeliveryResult): Error {
  const message = `webhook delivery failed: ${result.error ?? `HTTP ${result.statusCode}`}`;
  return result.retryable === false
    ? ApplicationFailure.nonRetryable(message, 'WebhookDestinationRefused')
    : new Error(message);
}
