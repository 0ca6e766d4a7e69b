/** RFC 9457 problem details with a stable `code`, and the error type routes throw to produce them. */
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import type { ErrorRequestHandler, Response } from 'express';

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
      type: `https://docs.port-in.example/problems/${p.code}`,
      title: p.message,
      status: p.status,
      code: p.code,
      ...(p.errors.length ? { errors: p.errors } : {}),
      ...p.extra,
    });
}

export const notFound = (what: string) => new HttpProblem(404, 'not_found', `${what} not found`);

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) return sendProblem(res, err);
  if ((err as { type?: string }).type === 'entity.parse.failed')
    return sendProblem(res, new HttpProblem(400, 'malformed_json', 'the request body is not valid JSON'));
  if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE')
    return sendProblem(res, new HttpProblem(413, 'document_too_large', 'documents are limited to 10 MB'));
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
