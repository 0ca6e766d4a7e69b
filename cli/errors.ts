/** Errors the CLI reports itself, each with the exit code scripts can rely on. */

/** Exit codes: 0 ok, 1 the API (or the network, or the operator) said no, 2 the command line was wrong. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

/** A wrong command line or missing configuration: nothing was sent. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}

export interface ProblemDetail {
  code: string;
  field?: string;
  message: string;
}

/** The API's RFC 9457 body (api/problems.ts). Fields are optional: a proxy may answer instead. */
export interface Problem {
  title?: string;
  status?: number;
  code?: string;
  errors?: ProblemDetail[];
  [extra: string]: unknown;
}

/** A non-2xx answer from the API. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title ?? `HTTP ${status}`);
  }
}
