/** RFC 9457 problem details with a stable `code`, and the error type routes throw to produce them. */
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import type { ErrorRequestHandler, Response } from 'express';
import { problemTypeUri } from './problem-type';

export interface ProblemDetail {
  code: string;
  field?: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: ProblemDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendProblem(res: Response, p: HttpProblem): void {
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: problemTypeUri(p.code),
      title: p.message,
      status: p.status,
      code: p.code,
      ...(p.errors.length ? { errors: p.errors } : {}),
      ...p.extra,
    });
}

/**
 * Gathers the 422s of a request's independent checks, so one answer names every problem. A single
 * source keeps its own code (`invalid_phone_number`, `unknown_account`, ...); several become one
 * `invalid_request` listing each source's errors.
 */
export class ProblemCollector {
  private readonly found: HttpProblem[] = [];

  /** Runs `check`; a 422 it throws is kept (answer undefined), anything else goes on. */
  collect<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (err) {
      if (!(err instanceof HttpProblem) || err.status !== 422) throw err;
      this.found.push(err);
      return undefined;
    }
  }

  /** One problem; `code` is the answer's code if it is the only one (default: the problem's own). */
  add(problem: ProblemDetail & { field: string }, code = problem.code): void {
    this.found.push(new HttpProblem(422, code, problem.message, [problem]));
  }

  get empty(): boolean {
    return this.found.length === 0;
  }

  throwIfAny(): void {
    if (this.found.length === 1) throw this.found[0];
    if (this.found.length > 1)
      throw new HttpProblem(
        422,
        'invalid_request',
        'the request has problems; see errors',
        this.found.flatMap((p) => (p.errors.length ? p.errors : [{ code: p.code, message: p.message }])),
      );
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'not_found', `${what} not found`);

/**
 * body-parser's errors (JSON, text and raw parsers) by their `type`: each is the client's doing, so a
 * 4xx naming what was wrong, never the 500 of an unexpected error.
 */
const BODY_PARSER_PROBLEMS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'malformed_json', 'the request body is not valid JSON'],
  'entity.too.large': [413, 'body_too_large', 'the request body is larger than this endpoint accepts'],
  'charset.unsupported': [415, 'unsupported_charset', 'the request body must be UTF-8 encoded'],
  'encoding.unsupported': [415, 'unsupported_content_encoding', 'the Content-Encoding is not supported'],
  'request.aborted': [400, 'request_aborted', 'the request body ended before its announced length'],
  'request.size.invalid': [400, 'malformed_body', 'the request body does not match its Content-Length'],
  'entity.verify.failed': [400, 'malformed_body', 'the request body was refused'],
};

/** A client error raised by a parser (http-errors): a 4xx status, and a message meant to be shown. */
export function clientErrorProblem(err: unknown): HttpProblem | undefined {
  const e = (err ?? {}) as { type?: unknown; status?: unknown; expose?: unknown; message?: unknown };
  const known = typeof e.type === 'string' ? BODY_PARSER_PROBLEMS[e.type] : undefined;
  if (known) return new HttpProblem(...known);
  // A body whose Content-Encoding (gzip, deflate, br) does not hold: zlib's error, wrapped by the parser.
  if (typeof (e as { code?: unknown }).code === 'string' && /^Z_/.test((e as { code: string }).code))
    return new HttpProblem(
      400,
      'malformed_body',
      'the request body cannot be decompressed as its Content-Encoding says',
    );
  // The router could not decode a percent-escape in the path (`/v1/port-in-orders/%FF`).
  if (err instanceof URIError)
    return new HttpProblem(400, 'malformed_path', 'the request path has an invalid percent-encoding');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true)
    return new HttpProblem(
      e.status,
      'bad_request',
      typeof e.message === 'string' ? e.message : 'bad request',
    );
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  // Too late for a problem document: Express closes the connection.
  if (res.headersSent) return next(err);
  if (err instanceof HttpProblem) return sendProblem(res, err);
  const clientError = clientErrorProblem(err);
  if (clientError) return sendProblem(res, clientError);
  if (isDependencyUnavailable(err)) {
    res.setHeader('Retry-After', '5');
    return sendProblem(
      res,
      new HttpProblem(
        503,
        'dependency_unavailable',
        'a backing service (Temporal or the store) is unavailable; retry shortly',
      ),
    );
  }
  (req as { log?: { error: (o: unknown, m: string) => void } }).log?.error({ err }, 'unhandled error');
  sendProblem(res, new HttpProblem(500, 'internal_error', 'internal error'));
};

/**
 * gRPC codes of a Temporal call that say "the server could not answer now" (down, overloaded, too
 * slow): worth a retry, so a 503. Any other code (INVALID_ARGUMENT, NOT_FOUND, ...) is our bug, not an
 * outage: a 500 that gets logged, never a 503 inviting the client to retry the same thing forever.
 */
const RETRYABLE_GRPC_CODES = new Set([
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  14, // UNAVAILABLE
]);
const STORE_OR_NETWORK_DOWN =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Mongo(ServerSelection|Network|NetworkTimeout|PoolCleared|NotConnected|TopologyClosed)Error|buffering timed out/i;

export function isDependencyUnavailable(err: unknown): boolean {
  const grpc = err instanceof ServiceError ? err.cause : err;
  if (isGrpcServiceError(grpc)) return RETRYABLE_GRPC_CODES.has(grpc.code);
  // A Temporal ServiceError without a gRPC status never reached the server (connection failures).
  if (err instanceof ServiceError) return true;
  return err instanceof Error && STORE_OR_NETWORK_DOWN.test(`${err.name} ${err.message}`);
}
