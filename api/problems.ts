/** RFC 9457 problem details with a stable `code`, and the error type routes throw to produce them. */
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
  const unavailable =
    /ECONNREFUSED|ServiceError|UNAVAILABLE|Mongo(ServerSelection|Network|NetworkTimeout|PoolCleared|NotConnected|TopologyClosed)Error|buffering timed out/i.test(
      `${(err as Error).name} ${(err as Error).message}`,
    );
  if (unavailable) {
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
