/** How a failure reaches the operator: one clear stderr message and the exit code. */
import { ApiError, CliError, EXIT_FAILURE } from './errors';
import { clean, json } from './format';

/** Writes the error to stderr and returns the exit code. */
export function reportError(err: unknown, asJson: boolean): number {
  if (err instanceof ApiError) {
    // Scripts get the API's problem document as is; people get it spelled out.
    if (asJson) process.stderr.write(`${json(err.problem)}\n`);
    else process.stderr.write(`${describeProblem(err)}\n`);
    return err.exitCode;
  }
  if (err instanceof CliError) {
    process.stderr.write(`portctl: ${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(`portctl: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT_FAILURE;
}

function describeProblem(err: ApiError): string {
  const p = err.problem;
  const code = p.code ? `${clean(p.code)}, ` : '';
  const lines = [`error: ${clean(p.title ?? 'request failed')} (${code}HTTP ${err.status})`];
  for (const e of p.errors ?? [])
    lines.push(`  - ${e.field ? `${clean(e.field)}: ` : ''}${clean(e.message)} (${clean(e.code)})`);
  return lines.join('\n');
}
