/**
 * Customer webhook delivery: the same events as the emails, as JSON signed with the Standard
 * Webhooks scheme. One call is one attempt and reports its outcome instead of throwing, because
 * the caller (a Temporal activity) owns the retry policy and decides when a failure is worth a retry.
 */
import { signedHeaders } from '../security/standard-webhooks';

export const WEBHOOK_EVENT_TYPES = [
  'port_in_order.status_changed',
  'port_in_number.status_changed',
  'port_in_order.foc_date_set',
  'port_in_order.rejected',
  'port_in_order.canceled',
  'port_in_order.completed',
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
  fetchImpl?: typeof fetch;
}

export interface WebhookDeliveryResult {
  /** True only for a 2xx answer. */
  ok: boolean;
  /** Present when the receiver answered. */
  statusCode?: number;
  error?: string;
  durationMs: number;
}

const USER_AGENT = 'port-in-orchestrator-webhooks/1';
// Enough of a failing receiver's answer to diagnose it, without storing arbitrary payloads.
const MAX_ERROR_BODY_CHARS = 200;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

// Duck-typed rather than `instanceof Error`: fetch's errors can come from another realm (e.g. under Jest).
function errorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : undefined;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = errorLike(error);
  if (!e) return String(error);
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  // fetch reports network failures as "fetch failed" with the real reason (e.g. ECONNREFUSED) in `cause`.
  // An AggregateError cause (several addresses tried) has an empty message but still a code.
  const cause = errorLike(e.cause);
  const reason = cause ? String(cause.message || cause.code || '') : '';
  const message = String(e.message ?? error);
  return reason ? `${message}: ${reason}` : message;
}

export async function deliverWebhook(request: WebhookDeliveryRequest): Promise<WebhookDeliveryResult> {
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
  const fetchImpl = request.fetchImpl ?? fetch;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetchImpl(request.url, {
      method: 'POST',
      headers,
      body,
      // A redirect is not a delivery: following it would post signed data to an address nobody registered.
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return { ok: true, statusCode: response.status, durationMs: elapsed() };
    }
    const text = await response.text().catch(() => '');
    const snippet = text.slice(0, MAX_ERROR_BODY_CHARS).trim();
    return {
      ok: false,
      statusCode: response.status,
      error: `receiver answered HTTP ${response.status}${snippet ? `: ${snippet}` : ''}`,
      durationMs: elapsed(),
    };
  } catch (error) {
    return { ok: false, error: describeFailure(error, request.timeoutMs), durationMs: elapsed() };
  }
}
