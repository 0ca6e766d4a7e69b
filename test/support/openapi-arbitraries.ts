/**
 * fast-check arbitraries built from the JSON Schemas of an OpenAPI 3.1 document: values a schema
 * allows, and deliberate mutations that it most likely does not (a wrong type, a missing required
 * member, an extra key, a length or size just past a bound, a value outside an enum, strings that
 * break parsers). Whether a generated value is allowed is never assumed: the caller asks the
 * document (Ajv), so a mutation that happens to be valid is judged as valid.
 *
 * Covers what the document uses: $ref, objects (properties, required, additionalProperties), enum
 * and const, string formats (date, date-time, email, uri, uuid, binary), pattern, min/max length,
 * minimum/maximum (exclusive too), integer, arrays with min/maxItems, oneOf/anyOf/allOf, type lists
 * and `nullable`.
 */
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
}

/** Plausible values by name: `phoneNumbers` is the member itself, `phoneNumbers[]` an item of it. */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/** Strings that have broken parsers, stores and templates somewhere: valid JSON strings all. */
export const WEIRD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '[]',
  '{}',
  '%',
  '%00',
  '%ZZ',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '$where',
  '{"$gt":""}',
  'a.b',
  '$',
  '\\',
  '"',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%s%n%x',
  'e\u0301',
  'ǅ',
  '💥',
  '\u202eevil',
  '\ufeff',
  '\ud800', // a lone surrogate: JSON escapes it, UTF-8 cannot carry it
  '+1 (212) 555-0147 ext. 12',
  '+12125550147'.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
  'x'.repeat(256),
  'x'.repeat(10_001),
];

/** Values of every JSON type: one of them is the wrong type for any schema. */
export const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  'x',
  [],
  [null],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** Keys nobody declares, some meaningful to JavaScript or to the store. */
export const EXTRA_KEYS: readonly string[] = [
  'unexpected',
  '__proto__',
  'constructor',
  '$set',
  '$where',
  'a.b',
  '',
  '_id',
  'accountId',
  'status',
];

const MAX_DEPTH = 8;
/** Generated sizes stay small unless a bound is the point. */
const SMALL = 6;
/** Bounds larger than this are not filled to the brim (a 10 MB string helps nobody). */
const MAX_BOUNDARY = 10_001;

const typesOf = (s: JsonSchema): string[] => {
  const declared = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (declared.length) return s.nullable && !declared.includes('null') ? [...declared, 'null'] : declared;
  if (s.properties || s.additionalProperties !== undefined) return ['object'];
  if (s.items) return ['array'];
  return [];
};

const withDate = (from: Date, to: Date) =>
  fc.date({ min: from, max: to, noInvalidDate: true }).map((d) => d.toISOString());

/** An RFC 3339 date-time with some offset, not only `Z`. */
const dateTimeArb = fc
  .tuple(
    withDate(new Date('1990-01-01'), new Date('2060-01-01')),
    fc.constantFrom('Z', '+00:00', '+05:30', '-08:00', '+14:00'),
    fc.boolean(),
  )
  .map(([iso, offset, millis]) => `${millis ? iso.slice(0, 23) : iso.slice(0, 19)}${offset}`);

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  date: withDate(new Date('1990-01-01'), new Date('2060-01-01')).map((s) => s.slice(0, 10)),
  'date-time': dateTimeArb,
  email: fc.emailAddress(),
  uri: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  url: fc.webUrl(),
  uuid: fc.uuid(),
  binary: fc.string(),
};

export function schemaArbitraries(document: object, hints: Hints = {}) {
  const resolve = (schema: JsonSchema, seen = 0): JsonSchema => {
    if (!schema.$ref || seen > 20) return schema;
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown>)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
        document,
      );
    if (!target) throw new Error(`cannot resolve ${schema.$ref}`);
    const { $ref: _ref, ...siblings } = schema;
    return resolve({ ...(target as JsonSchema), ...siblings }, seen + 1);
  };

  const hinted = (name: string | undefined, generic: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => {
    const hint = name !== undefined ? hints[name] : undefined;
    return hint ? fc.oneof({ weight: 2, arbitrary: hint }, { weight: 1, arbitrary: generic }) : generic;
  };

  function stringArb(s: JsonSchema): fc.Arbitrary<string> {
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? min + 40;
    if (s.format && FORMATS[s.format] && !s.pattern)
      return FORMATS[s.format].filter((v) => v.length >= min && v.length <= max);
    if (s.pattern) {
      try {
        return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
      } catch {
        // A pattern fast-check cannot generate from: plain strings, judged by the document anyway.
      }
    }
    const lengths = { minLength: min, maxLength: Math.min(max, min + 40) };
    return fc.oneof(
      { weight: 4, arbitrary: fc.string(lengths) },
      { weight: 2, arbitrary: fc.string({ ...lengths, unit: 'grapheme' }) },
      // Exactly at a bound: still allowed.
      { weight: 1, arbitrary: fc.constant('x'.repeat(Math.min(max, MAX_BOUNDARY))) },
      { weight: 1, arbitrary: fc.constant('y'.repeat(min)) },
    );
  }

  function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
    const lo = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : s.minimum;
    const hi = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : s.maximum;
    const min = lo ?? (hi !== undefined ? hi - 1_000 : -1_000_000);
    const max = hi ?? min + 1_000_000;
    const inside = integer
      ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
  }

  const validCache = new Map<JsonSchema, Map<string, fc.Arbitrary<unknown>>>();
  /** Values the schema allows (hints aside: a hint may not fit, and is judged like any value). */
  function valid(raw: JsonSchema, name?: string, depth = 0): fc.Arbitrary<unknown> {
    const byName = validCache.get(raw) ?? new Map<string, fc.Arbitrary<unknown>>();
    validCache.set(raw, byName);
    const key = `${name ?? ''}@${depth > MAX_DEPTH ? 'deep' : 'ok'}`;
    const cached = byName.get(key);
    if (cached) return cached;
    const built = hinted(name, buildValid(resolve(raw), name, depth));
    byName.set(key, built);
    return built;
  }

  function buildValid(s: JsonSchema, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
    if (depth > MAX_DEPTH) return fc.constant(null);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const branches = s.oneOf ?? s.anyOf;
    if (branches) return fc.oneof(...branches.map((b) => valid(b, name, depth + 1)));
    if (s.allOf) return valid(mergeAll(s.allOf.map((b) => resolve(b))), name, depth + 1);
    const types = typesOf(s);
    if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
    return fc.oneof(...types.map((t) => validOfType(s, t, name, depth)));
  }

  function validOfType(s: JsonSchema, type: string, name: string | undefined, depth: number) {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number':
        return numberArb(s, type === 'integer');
      case 'string':
        return stringArb(s);
      case 'array': {
        const item = valid(s.items ?? {}, name !== undefined ? `${name}[]` : undefined, depth + 1);
        const minLength = s.minItems ?? 0;
        const maxLength = Math.min(s.maxItems ?? minLength + SMALL, minLength + SMALL);
        const arrays = [{ weight: 6, arbitrary: fc.array(item, { minLength, maxLength }) }];
        // Exactly the most the document allows.
        if (s.maxItems !== undefined && s.maxItems > maxLength && s.maxItems <= MAX_BOUNDARY)
          arrays.push({
            weight: 1,
            arbitrary: fc.array(item, { minLength: s.maxItems, maxLength: s.maxItems }),
          });
        return fc.oneof(...arrays);
      }
      case 'object':
        return objectArb(s, depth);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }

  function objectArb(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = s.properties ?? {};
    const required = (s.required ?? []).filter((k) => k in properties);
    const declared = fc.record(
      Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, valid(p, k, depth + 1)])),
      { requiredKeys: required },
    );
    const extra = s.additionalProperties;
    if (!extra || typeof extra !== 'object') return declared;
    // A map (`record` in zod): keys of its own, each value by the additional-properties schema.
    return fc
      .tuple(
        declared,
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valid(extra, undefined, depth + 1), {
          maxKeys: 3,
        }),
      )
      .map(([known, more]) => ({ ...more, ...known }));
  }

  /** Values that break the schema somewhere, at this level or below (most of the time). */
  function invalid(raw: JsonSchema, name?: string, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(raw);
    const odd = fc.constantFrom(...ODD_VALUES);
    if (depth > MAX_DEPTH) return odd;
    const options: fc.Arbitrary<unknown>[] = [odd];
    if (s.enum || s.const !== undefined)
      options.push(
        fc.constantFrom(
          ...[...(s.enum ?? [s.const])]
            .filter((v): v is string => typeof v === 'string')
            .flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}x`]),
          'unknown',
        ),
      );
    const branches = s.oneOf ?? s.anyOf;
    // Members of two branches mixed: a discriminator of one with the fields of another.
    if (branches && branches.length > 1)
      options.push(
        fc
          .tuple(...branches.map((b) => valid(b, name, depth + 1)))
          .map((values) => Object.assign({}, ...values.reverse().filter((v) => v && typeof v === 'object'))),
      );
    for (const type of typesOf(s)) options.push(...invalidOfType(s, type, name, depth));
    return fc.oneof(...options);
  }

  function invalidOfType(
    s: JsonSchema,
    type: string,
    name: string | undefined,
    depth: number,
  ): fc.Arbitrary<unknown>[] {
    switch (type) {
      case 'string': {
        const out: fc.Arbitrary<unknown>[] = [fc.constantFrom(...WEIRD_STRINGS)];
        if (s.minLength && s.minLength > 0) out.push(fc.constant('z'.repeat(s.minLength - 1)));
        if (s.maxLength !== undefined && s.maxLength < MAX_BOUNDARY)
          out.push(fc.constant('z'.repeat(s.maxLength + 1)));
        // A valid value with a character too many or a space in front: near misses of formats and patterns.
        if (s.format || s.pattern)
          out.push(stringArb({ ...s, minLength: undefined, maxLength: undefined }).map((v) => ` ${v}x`));
        return out;
      }
      case 'integer':
      case 'number': {
        const out: fc.Arbitrary<unknown>[] = [fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0)];
        const lo = s.minimum ?? s.exclusiveMinimum;
        const hi = s.maximum ?? s.exclusiveMaximum;
        if (lo !== undefined) out.push(fc.constant(s.exclusiveMinimum !== undefined ? lo : lo - 1));
        if (hi !== undefined) out.push(fc.constant(s.exclusiveMaximum !== undefined ? hi : hi + 1));
        if (type === 'integer') out.push(fc.constant((lo ?? 0) + 0.5));
        return out;
      }
      case 'array': {
        const itemName = name !== undefined ? `${name}[]` : undefined;
        const item = valid(s.items ?? {}, itemName, depth + 1);
        const out: fc.Arbitrary<unknown>[] = [
          // One item broken among valid ones.
          fc
            .tuple(fc.array(item, { maxLength: 3 }), invalid(s.items ?? {}, itemName, depth + 1))
            .map(([items, bad]) => [...items, bad]),
        ];
        if (s.minItems && s.minItems > 0)
          out.push(fc.array(item, { minLength: s.minItems - 1, maxLength: s.minItems - 1 }));
        if (s.maxItems !== undefined && s.maxItems < MAX_BOUNDARY)
          out.push(fc.array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
        return out;
      }
      case 'object': {
        const base = objectArb(s, depth);
        const properties = Object.entries(s.properties ?? {});
        const out: fc.Arbitrary<unknown>[] = [
          // An undeclared member (refused where the object is closed, ignored elsewhere).
          fc
            .tuple(base, fc.constantFrom(...EXTRA_KEYS), fc.constantFrom(...ODD_VALUES, 'x'))
            .map(([o, k, v]) => withOwnKey(o, k, v)),
        ];
        const required = (s.required ?? []).filter((k) => s.properties?.[k]);
        if (required.length)
          out.push(
            fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => {
              const { [k]: _dropped, ...rest } = o;
              return rest;
            }),
          );
        if (properties.length)
          out.push(
            fc
              .constantFrom(...properties)
              .chain(([k, p]) => fc.tuple(base, fc.constant(k), invalid(p, k, depth + 1)))
              .map(([o, k, v]) => withOwnKey(o, k, v)),
          );
        return out;
      }
      default:
        return [];
    }
  }

  /** Values as a client would mostly send them: allowed ones, with mutations mixed in. */
  function any(schema: JsonSchema, name?: string): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 3, arbitrary: valid(schema, name) },
      { weight: 2, arbitrary: invalid(schema, name) },
    );
  }

  return { resolve, valid, invalid, any };
}

/** Sets `key` as an own member, even `__proto__` (assignment would change the prototype instead). */
function withOwnKey(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...o };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function mergeAll(schemas: JsonSchema[]): JsonSchema {
  return schemas.reduce<JsonSchema>(
    (merged, s) => ({
      ...merged,
      ...s,
      properties: { ...merged.properties, ...s.properties },
      required: [...(merged.required ?? []), ...(s.required ?? [])],
    }),
    {},
  );
}
