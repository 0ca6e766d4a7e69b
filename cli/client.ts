/** The API over HTTP with the global fetch: bearer key, JSON bodies, problem+json errors. */
import { randomUUID } from 'node:crypto';
import { ApiError, CliError, type Problem } from './errors';
import type { ResolvedConfig } from './config';

// Updates wait for the workflow to answer (a cancellation also calls the carrier), so allow time.
const TIMEOUT_MS = 60_000;

export type Query = Record<string, string | number | undefined>;

export class ApiClient {
  /**
   * One key per invocation, sent on its POSTs: the API answers a repeat of the same key with the first
   * response instead of acting twice (api/idempotency.ts). Running the command again is a new intent.
   */
  readonly idempotencyKey = randomUUID();

  constructor(private readonly config: ResolvedConfig) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    return this.request<T>('GET', qs ? `${path}?${qs}` : path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** A file the API streams (a document): its bytes, type and the name the API suggests. */
  async download(path: string): Promise<{ bytes: Buffer; contentType: string; filename?: string }> {
    const res = await this.send('GET', path, undefined, '*/*');
    if (!res.ok) throw new ApiError(res.status, parseProblem(await res.text(), res.status));
    const disposition = res.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]*)"/.exec(disposition)?.[1];
    return {
      bytes: Buffer.from(await res.arrayBuffer()),
      contentType: res.headers.get('content-type') ?? 'application/octet-stream',
      ...(filename ? { filename } : {}),
    };
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, parseProblem(text, res.status));
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(`the API answered ${res.status} with a body that is not JSON`);
    }
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    accept = 'application/json, application/problem+json',
  ): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.config.apiKey}`,
      accept,
      'user-agent': 'portctl',
    };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = this.idempotencyKey;
    }
    let res: Response;
    try {
      res = await fetch(`${this.config.apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      // Origin only: a URL may carry user:password, and the key is in the headers, never in the message.
      const origin = new URL(this.config.apiUrl).origin;
      const { cause } = err as { cause?: { code?: string; message?: string } };
      const why = (err as Error).name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000}s` : undefined;
      throw new CliError(
        `cannot reach the API at ${origin}: ${why ?? cause?.code ?? cause?.message ?? (err as Error).message}`,
      );
    }
    return res;
  }
}

/** problem+json when it is one; otherwise (a proxy's HTML page) a short excerpt as the title. */
function parseProblem(text: string, status: number): Problem {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Problem;
  } catch {
    // fall through
  }
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return { status, title: excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}` };
}
