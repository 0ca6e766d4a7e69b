/**
 * RFC 9457 problems from the API, sorted to the form fields they name. The API names a field as a
 * dotted path into the request or the order (`serviceAddress.postalCode`, `phoneNumbers[2]`,
 * `numbers[0]`, `losingCarrier.pin`); a form shows a problem under the field whose path is the same
 * or a parent of it, and whatever no field claims in a summary, so no problem is ever hidden.
 */
export interface FieldProblem {
  code: string;
  field?: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors: FieldProblem[];
}

/** Reads a problem+json body (or anything else) into a Problem; never throws. */
export function toProblem(status: number, body: unknown): Problem {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const errors = Array.isArray(b.errors)
    ? b.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({
          code: text(e.code) ?? 'error',
          ...(text(e.field) ? { field: text(e.field) } : {}),
          message: text(e.message) ?? text(e.code) ?? 'invalid',
        }))
    : [];
  return {
    status,
    code: text(b.code) ?? (status === 0 ? 'network_error' : `http_${status}`),
    title: text(b.title) ?? (typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`),
    ...(text(b.detail) ? { detail: text(b.detail) } : {}),
    errors,
  };
}

/** One spelling per field: the order's `numbers[i]` are the request's `phoneNumbers[i]`. */
export function normalizeField(field: string): string {
  return field.replace(/^numbers(?=\[|$)/, 'phoneNumbers');
}

/** Does a problem at `field` belong under the form control `key` (the same path or below it)? */
export function fieldMatches(field: string, key: string): boolean {
  const f = normalizeField(field);
  const k = normalizeField(key);
  return f === k || f.startsWith(`${k}.`) || f.startsWith(`${k}[`);
}

/** The problems a form control shows: the messages of every problem at its path or below. */
export function messagesFor(problems: readonly FieldProblem[], key: string): string[] {
  return problems.filter((p) => p.field !== undefined && fieldMatches(p.field, key)).map((p) => p.message);
}

/** The problems no control of the form claims (shown in the form's summary). */
export function unclaimed(problems: readonly FieldProblem[], keys: readonly string[]): FieldProblem[] {
  return problems.filter((p) => p.field === undefined || !keys.some((k) => fieldMatches(p.field!, k)));
}

/** A problem as one line for a person: its detail, else its title. */
export function problemSummary(problem: Problem): string {
  return problem.detail ?? problem.title;
}
