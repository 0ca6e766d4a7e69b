/**
 * CarrierGateway over HTTP/JSON (the carrier simulator speaks this; so could a thin proxy in front
 * of a real carrier). Maps HTTP outcomes onto the gateway's error contract:
 * 2xx → result; 4xx → CarrierRequestRefused (except 408/429, which are "try again later");
 * 5xx, timeouts and network errors → plain Error so Temporal retries the activity.
 * Request bodies carry the PIN and account number: they are sent, never logged or put in errors.
 */
import { z } from 'zod';
import { REJECTION_CODES } from '../domain/rejection-codes';
import {
  CarrierRequestRefused,
  type CapabilityTestResult,
  type CarrierGateway,
  type CarrierNumberStatus,
  type CarrierPortRequest,
} from './gateway';
import type { NumberLookup } from '../domain/order';

export interface HttpCarrierGatewayOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /** Per request; a timeout is a transient failure (retried). Default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** The most numbers the carrier's LNP look-up takes in one request (the simulator's limit too). */
export const LOOKUP_BATCH_MAX = 500;

const isoDate = z.iso.date();
const submitResponse = z.object({ carrierRequestId: z.string().min(1) });
const numberStatuses = z.array(
  z.object({
    phoneNumber: z.string(),
    state: z.enum(['pending', 'accepted', 'rejected', 'canceled', 'ported']),
    focDate: isoDate.optional(),
    reasonCode: z.enum(REJECTION_CODES).optional(),
  }),
);
const portDateResponse = z.object({ focDate: isoDate });
const lookups = z.array(
  z.object({
    phoneNumber: z.string(),
    country: z.string().optional(),
    lineType: z.enum(['landline', 'wireless', 'voip', 'toll_free']).optional(),
    losingCarrier: z.string().optional(),
    portableAtCarrier: z.boolean(),
  }),
);
const capabilityResults = z.array(
  z.object({ phoneNumber: z.string(), voice: z.boolean().optional(), sms: z.boolean().optional() }),
);
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/** Statuses in the 4xx range that mean "not now" rather than "no". */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

export function createHttpCarrierGateway(options: HttpCarrierGatewayOptions): CarrierGateway {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    const what = `${method} ${path}`;

    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // Network error or timeout: transient. The cause is kept; it never contains the request body.
      throw new Error(`carrier ${what} failed: ${describe(error)}`, { cause: error });
    }

    const text = await response.text();
    if (response.status >= 400 && response.status < 500 && !RETRYABLE_CLIENT_STATUSES.has(response.status)) {
      const parsed = errorBody.safeParse(safeJson(text));
      const code = parsed.success ? parsed.data.error.code : `http_${response.status}`;
      const message = parsed.success && parsed.data.error.message ? parsed.data.error.message : code;
      throw new CarrierRequestRefused(code, `carrier refused ${what}: ${message}`, response.status);
    }
    if (!response.ok) throw new Error(`carrier ${what} failed with HTTP ${response.status}`);

    const parsed = schema.safeParse(text === '' ? undefined : safeJson(text));
    if (!parsed.success) {
      throw new Error(`carrier ${what} returned an unexpected body: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  }

  const orderPath = (orderId: string) => `/port-requests/${encodeURIComponent(orderId)}`;

  return {
    submitPortRequest(req: CarrierPortRequest) {
      return call('POST', '/port-requests', submitResponse, req, req.idempotencyKey);
    },
    queryPortRequest(orderId: string): Promise<CarrierNumberStatus[]> {
      return call('GET', orderPath(orderId), z.object({ numbers: numberStatuses }), undefined).then(
        (r) => r.numbers,
      );
    },
    async cancelPortRequest(req) {
      await call('POST', `${orderPath(req.orderId)}/cancel`, z.unknown(), req, req.idempotencyKey);
    },
    changePortDate(req) {
      return call('POST', `${orderPath(req.orderId)}/port-date`, portDateResponse, req, req.idempotencyKey);
    },
    async lookupNumbers(phoneNumbers: string[]): Promise<NumberLookup[]> {
      // The carrier answers at most LOOKUP_BATCH_MAX numbers per call: larger lists go in batches,
      // one after another (a burst of parallel calls would meet its rate limit instead).
      const answers: NumberLookup[] = [];
      for (let i = 0; i < phoneNumbers.length; i += LOOKUP_BATCH_MAX)
        answers.push(
          ...(await call('POST', '/lnp-lookups', lookups, {
            phoneNumbers: phoneNumbers.slice(i, i + LOOKUP_BATCH_MAX),
          })),
        );
      return answers;
    },
    testCapabilities(req): Promise<CapabilityTestResult[]> {
      return call('POST', '/capability-tests', capabilityResults, req, req.idempotencyKey);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Duck-typed: fetch's errors (DOMException, undici's TypeError) may come from another realm. */
function describe(error: unknown): string {
  const e = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  const message = e.message ?? String(error);
  return e.cause?.code ? `${message} (${e.cause.code})` : message;
}
