/**
 * Checks an HTTP response against the OpenAPI document the API serves: the route and status must be
 * documented (explicitly: a `default` response does not count), the content type must be one the spec lists, and a JSON
 * body must validate (Ajv, JSON Schema 2020-12, formats checked) against the response schema.
 * The e2e API client runs it on every response, so the spec cannot drift from the handlers.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../api/openapi';

interface ResponseSpec {
  content?: Record<string, { schema?: object }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, ResponseSpec> }>>;
}

export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  text?: string;
}

const DOC_ID = 'openapi.json';
const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function createResponseValidator(doc: object = openApiDocument()) {
  const spec = doc as OpenApiDoc;
  // The whole document is added once: `#/components/...` references resolve inside it, and each
  // response schema is compiled on first use by its JSON pointer.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    literal: !template.includes('{'),
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  const templateFor = (path: string): string | undefined => {
    const matches = templates.filter((t) => t.pattern.test(path));
    return (matches.find((t) => t.literal) ?? matches[0])?.template;
  };

  /** The problems of this response with the spec (empty: it conforms). */
  function check(method: string, url: string, res: ObservedResponse): string[] {
    const path = decodeURI(url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]);
    const template = templateFor(path);
    if (!template) return [`${path} is not a documented path`];
    return checkOperation(method, template, res);
  }

  /** The problems of this response to `method` on the documented path `template`. */
  function checkOperation(method: string, template: string, res: ObservedResponse): string[] {
    const operations = spec.paths[template];
    if (!operations) return [`${template} is not a documented path`];
    const operation = operations[method.toLowerCase()];
    // A method the path does not serve cannot be documented as an operation: the answer must be a 405
    // naming the methods it does serve.
    if (!operation)
      return res.status === 405 && res.headers.allow
        ? []
        : [`${method.toUpperCase()} ${template} is not documented (and the answer is no 405 with Allow)`];
    // Only explicit statuses (or a range like 4XX) count: a catch-all `default` would document anything.
    const statusKey = [String(res.status), `${String(res.status)[0]}XX`].find((k) => operation.responses[k]);
    if (!statusKey) return [`status ${res.status} is not documented for ${method.toUpperCase()} ${template}`];
    const content = operation.responses[statusKey].content;
    const contentType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const hasBody = (res.text ?? '') !== '';
    if (!content)
      return hasBody ? [`status ${res.status} is documented without a body, got ${contentType}`] : [];
    if (!content[contentType])
      return [`content type "${contentType}" is not documented (${Object.keys(content).join(', ')})`];
    const schema = content[contentType].schema;
    if (!schema || !/json/.test(contentType)) return [];
    const ref = `${DOC_ID}#/${pointer('paths', template, method.toLowerCase(), 'responses', statusKey, 'content', contentType, 'schema')}`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.getSchema(ref);
      if (!validate) return [`cannot compile the response schema at ${ref}`];
      compiled.set(ref, validate);
    }
    if (validate(res.body)) return [];
    return (validate.errors ?? []).map(describe);
  }

  /** Throws an error naming the route, the status and every mismatch; returns quietly otherwise. */
  function assertConforms(method: string, url: string, res: ObservedResponse): void {
    const problems = check(method, url, res);
    if (problems.length)
      throw new Error(
        `response does not match the OpenAPI spec: ${method.toUpperCase()} ${url} → ${res.status}\n` +
          problems.map((p) => `  - ${p}`).join('\n') +
          `\n  body: ${(res.text ?? '').slice(0, 1500)}`,
      );
  }

  return { check, checkOperation, assertConforms };
}

const describe = (e: ErrorObject): string =>
  `${e.instancePath || '(body)'} ${e.message}${
    e.keyword === 'additionalProperties'
      ? `: ${(e.params as { additionalProperty: string }).additionalProperty}`
      : ''
  }${e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})` : ''}`;

let shared: ReturnType<typeof createResponseValidator> | undefined;
/** One validator per test process: compiling the schemas once is enough. */
export const specValidator = () => (shared ??= createResponseValidator());
