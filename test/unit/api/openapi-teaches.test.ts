/**
 * The OpenAPI document teaches (issue #12, item 7): every operation has a tag, a summary, a
 * description and its roles; every parameter, schema and property says what it means; every request
 * body has an example, and every example (request, parameter, response) is valid against its own
 * schema. A route or field added without them fails here, so /docs cannot silently regress.
 * Whether the examples also succeed against the running service is test/e2e/openapi-examples.test.ts.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../../api/openapi';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  description?: string;
  example?: unknown;
  schema?: Json;
}
interface Media {
  schema?: Json;
  example?: unknown;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  [extension: `x-${string}`]: unknown;
}
interface Doc {
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

const doc = openApiDocument() as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
);

/** Each property without a description (a `$ref` is described by its component), with where it is. */
function undescribed(schema: unknown, where: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Json;
  const out: string[] = [];
  for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    if (!property.description && !property.$ref) out.push(`${where}.${name}`);
    out.push(...undescribed(property, `${where}.${name}`));
  }
  if (s.items) out.push(...undescribed(s.items, `${where}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const [i, branch] of ((s[key] ?? []) as unknown[]).entries())
      out.push(...undescribed(branch, `${where}|${i}`));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.push(...undescribed(s.additionalProperties, `${where}{}`));
  return out;
}

test('the document has operations to check (a guard against walking nothing)', () => {
  expect(operations.length).toBeGreaterThan(20);
  expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(10);
});

test('every operation has a declared tag, a summary, a description and the roles that may call it', () => {
  const declared = new Set((doc.tags ?? []).map((t) => t.name));
  const missing = operations.flatMap(({ name, op }) => [
    ...(op.tags?.length ? [] : [`${name}: no tag`]),
    ...(op.tags ?? []).filter((t) => !declared.has(t)).map((t) => `${name}: tag "${t}" not declared`),
    ...(op.summary ? [] : [`${name}: no summary`]),
    ...(op.description ? [] : [`${name}: no description`]),
    ...(Array.isArray(op['x-roles']) && (op['x-roles'] as unknown[]).length ? [] : [`${name}: no x-roles`]),
  ]);
  expect(missing).toEqual([]);
  expect((doc.tags ?? []).filter((t) => !t.description)).toEqual([]);
});

test('every operation on an order says the state the order must be in (x-order-status)', () => {
  const missing = operations
    .filter(({ path }) => path.startsWith('/v1/port-in-orders/{id}'))
    .filter(({ op }) => typeof op['x-order-status'] !== 'string')
    .map(({ name }) => name);
  expect(missing).toEqual([]);
});

test('every parameter, schema and property is described', () => {
  const missing = [
    ...Object.entries(doc.components.schemas).flatMap(([name, schema]) => [
      ...(schema.description ? [] : [`component ${name}`]),
      ...undescribed(schema, name),
    ]),
    ...operations.flatMap(({ name, op }) => [
      ...(op.parameters ?? []).filter((p) => !p.description).map((p) => `${name} ${p.in} ${p.name}`),
      ...Object.values(op.requestBody?.content ?? {}).flatMap((m) => undescribed(m.schema, `${name} body`)),
      ...Object.entries(op.responses).flatMap(([status, r]) =>
        Object.values(r.content ?? {}).flatMap((m) => undescribed(m.schema, `${name} ${status}`)),
      ),
    ]),
  ];
  expect(missing).toEqual([]);
});

test('every request body has an example', () => {
  const missing = operations.flatMap(({ name, op }) =>
    Object.entries(op.requestBody?.content ?? {})
      .filter(([, media]) => media.example === undefined)
      .map(([type]) => `${name} ${type}`),
  );
  expect(missing).toEqual([]);
});

describe('every example is valid against its own schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi.json');
  const pointer = (...parts: string[]) =>
    parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const examples = operations.flatMap(({ name, path, op }) => {
    const method = name.split(' ')[0].toLowerCase();
    const at = (...rest: string[]) => `openapi.json#/${pointer('paths', path, method, ...rest)}`;
    return [
      ...Object.entries(op.requestBody?.content ?? {})
        .filter(([, m]) => m.example !== undefined)
        // A form's file is chosen in Swagger UI, not given by the example.
        .map(([type, m]) => [
          `${name} request ${type}`,
          at('requestBody', 'content', type, 'schema'),
          type === 'multipart/form-data' ? { file: '(the file)', ...(m.example as object) } : m.example,
        ]),
      ...(op.parameters ?? [])
        .map((p, i) => [p, i] as const)
        .filter(([p]) => p.example !== undefined)
        .map(([p, i]) => [`${name} parameter ${p.name}`, at('parameters', String(i), 'schema'), p.example]),
      ...Object.entries(op.responses).flatMap(([status, r]) =>
        Object.entries(r.content ?? {})
          .filter(([, m]) => m.example !== undefined)
          .map(([type, m]) => [
            `${name} ${status} ${type}`,
            at('responses', status, 'content', type, 'schema'),
            m.example,
          ]),
      ),
    ] as [string, string, unknown][];
  });

  test('there are examples', () => expect(examples.length).toBeGreaterThan(10));
  test.each(examples)('%s', (_name, ref, example) => {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    expect(validate(example) ? [] : validate.errors).toEqual([]);
  });
});
