/**
 * The console's typed API client: openapi-fetch over the types generated from the API's own OpenAPI
 * document (api-types.ts, scripts/console-types.ts), with the caller's key on every request. Errors
 * come back as ApiError carrying the RFC 9457 problem, whose `errors` the forms show by field.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types';
import { toProblem, type Problem } from './lib/problems';

export type Schemas = components['schemas'];
export type Order = Schemas['PortInOrder'];
export type OrderNumber = Schemas['PortInNumber'];
/** What the caller may do to a number now, as the API answers it (`actions` of each number). */
export type NumberAction = OrderNumber['actions'][number];
export type Comment = Schemas['Comment'];
export type Requirements = Schemas['Requirements'];
export type PortDateOptions = Schemas['PortDateOptions'];
export type ChangeQuote = Schemas['ChangeQuote'];
export type OrderDocument = Schemas['OrderDocument'];
export type Me = Schemas['Me'];
export type Role = Me['role'];

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export interface Api {
  client: Client<paths>;
  /** multipart/form-data POST (document upload): openapi-fetch sends JSON, so this one is by hand. */
  postForm<T>(path: string, form: FormData): Promise<T>;
  /** A binary answer (the LOA's PDF), for the browser to save. */
  getBlob(path: string): Promise<Blob>;
}

export function createApi(key: string, onUnauthorized: () => void): Api {
  const authorization = `Bearer ${key}`;
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use({
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  });
  return {
    client,
    async postForm<T>(path: string, form: FormData): Promise<T> {
      const response = await fetch(new URL(path, window.location.origin), {
        method: 'POST',
        headers: { Authorization: authorization },
        body: form,
      }).catch((err: unknown) => {
        throw new ApiError(toProblem(0, `network error: ${String(err)}`));
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text for the problem's title
      }
      if (response.status === 401) onUnauthorized();
      if (!response.ok) throw new ApiError(toProblem(response.status, body));
      return body as T;
    },
    async getBlob(path: string): Promise<Blob> {
      const response = await fetch(new URL(path, window.location.origin), {
        headers: { Authorization: authorization },
        cache: 'no-store',
      }).catch((err: unknown) => {
        throw new ApiError(toProblem(0, `network error: ${String(err)}`));
      });
      if (response.status === 401) onUnauthorized();
      if (!response.ok) {
        const text = await response.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: kept as text for the problem's title
        }
        throw new ApiError(toProblem(response.status, body));
      }
      return response.blob();
    },
  };
}

/**
 * The data of an openapi-fetch call, or an ApiError with the problem it answered. A network failure
 * is a problem too (status 0), so every caller has one error shape to show.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(toProblem(0, `network error: ${String(err)}`));
  }
  if (!result.response.ok || result.error !== undefined)
    throw new ApiError(toProblem(result.response.status, result.error));
  return result.data as NonNullable<T>;
}

/** Any thrown value as a Problem (an ApiError's, or a generic one for a bug in the page). */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) return err.problem;
  return toProblem(0, err instanceof Error ? err.message : String(err));
}
