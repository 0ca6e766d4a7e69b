/**
 * Submit's own rules at write time, for writes whose values no submit judges again: a configuration
 * (a submitted order's is applied at activation as stored; a draft's is judged the same way, so the
 * route means one thing whatever the order's state) and a resubmission's corrections (written into
 * a submitted order the workflow resubmits as it stands). The rules are domain/validation.ts's,
 * asked for the written fields only (`problemsOfFields`); one 422 names every problem, the schema's
 * and the rules', each field once (the rule's stable code wins over the schema's).
 */
import type { z } from 'zod';
import { problemsOfFields } from '../domain/validation';
import type { StoredOrder } from '../store/draft';
import { withPaths } from './draft-changes';
import { HttpProblem, type ProblemDetail } from './problems';
import { configurationSchema, parse, resubmitSchema } from './schemas';
import { draftForRules } from './submission-check';

type Rename = (field: string) => string;

/** The schema's answer for `body`, or its refusal kept to be answered with the rules' problems. */
function parsed<T>(schema: z.ZodType<T>, body: unknown): { value?: T; refused: ProblemDetail[] } {
  try {
    return { value: parse(schema, body), refused: [] };
  } catch (err) {
    if (!(err instanceof HttpProblem) || err.status !== 422) throw err;
    return { refused: err.errors };
  }
}

/** Throws one 422 with every problem, a field named once; returns when there is none. */
function refuseIfAny(schema: ProblemDetail[], rules: ProblemDetail[]): void {
  const named = new Set(rules.map((p) => p.field));
  const errors = [...rules, ...schema.filter((p) => !named.has(p.field))];
  if (errors.length === 0) return;
  const only = errors.length === 1 && rules.length === 1 ? errors[0] : undefined;
  throw new HttpProblem(
    422,
    only?.code ?? 'invalid_request',
    only?.message ?? 'the request has problems; see errors',
    errors,
  );
}

const ruleProblems = (draft: unknown, fields: string[], rename: Rename): ProblemDetail[] =>
  problemsOfFields(draft, fields).map((p) => ({ code: p.code, field: rename(p.field), message: p.message }));

/** The body of PUT …/configuration, valid by the schema and by submit's configuration rules. */
export function checkedConfiguration(order: StoredOrder, body: unknown): z.infer<typeof configurationSchema> {
  const { value, refused } = parsed(configurationSchema, body);
  // Judged on the order's draft with this configuration: the rules read the country from the draft.
  const draft = { ...draftForRules(order), configuration: body };
  const rules = ruleProblems(draft, ['configuration'], (f) => f.replace(/^configuration\.?/, '') || '(body)');
  refuseIfAny(refused, rules);
  return value!;
}

/**
 * The body of POST …/resubmit, its corrections valid by the schema and by submit's rules for the
 * fields they correct, judged on the order as it will be once they are written.
 */
export function checkedResubmission(order: StoredOrder, body: unknown): z.infer<typeof resubmitSchema> {
  const { value, refused } = parsed(resubmitSchema, body ?? {});
  const raw = (value?.corrections ?? (body as { corrections?: unknown } | null)?.corrections) as unknown;
  const corrections = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const set: Record<string, unknown> = {};
  const fields: string[] = [];
  if (Object.hasOwn(corrections, 'btn')) {
    set['losingCarrier.btn'] = corrections.btn;
    fields.push('losingCarrier.btn');
  }
  const person = corrections.authorizedPerson;
  if (typeof person === 'object' && person !== null) {
    // Only the fields a correction may name (the schema refuses any other key).
    for (const k of ['firstName', 'lastName', 'businessName'])
      if (Object.hasOwn(person, k)) set[`authorizedPerson.${k}`] = (person as Record<string, unknown>)[k];
    fields.push('authorizedPerson');
  }
  const draft = withPaths(draftForRules(order) as object, set);
  const rules = ruleProblems(draft, fields, (f) =>
    f === 'losingCarrier.btn' ? 'corrections.btn' : `corrections.${f}`,
  );
  refuseIfAny(refused, rules);
  return value!;
}
