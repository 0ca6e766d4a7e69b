/**
 * HTTP requests generated from the operations of an OpenAPI document (path, query and header
 * parameters, JSON or multipart bodies), mostly as the document allows them and partly mutated; a
 * judge that says whether the document allows a given request (Ajv on each part, as the server
 * would see it); and a sender with full control of the bytes (malformed escapes, raw bodies).
 */
import http from 'node:http';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { schemaArbitraries, WEIRD_STRINGS, type Hints, type JsonSchema } from './openapi-arbitraries';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
export interface Operation {
  method: string;
  template: string;
  /** `POST /v1/port-in-orders/{id}/cancel` */
  name: string;
  parameters: Parameter[];
  bodyTypes: string[];
  responses: Record<string, unknown>;
  security: boolean;
}
interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        responses: Record<string, unknown>;
        security?: unknown[];
      }
    >
  >;
}

export function operationsOf(document: object): Operation[] {
  const doc = document as OpenApiDoc;
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      name: `${method.toUpperCase()} ${template}`,
      parameters: op.parameters ?? [],
      bodyTypes: Object.keys(op.requestBody?.content ?? {}),
      responses: op.responses,
      security: (op.security ?? []).length > 0,
    })),
  );
}

export type Body =
  | { type: 'json'; value: unknown }
  | { type: 'raw'; contentType?: string; text: string }
  | { type: 'multipart'; fields: [string, string][]; file?: { name: string; bytes: Buffer } };

export interface FuzzRequest {
  operation: string;
  method: string;
  template: string;
  /** Each path parameter as sent: `raw` is put in the path as it is (a malformed escape, say). */
  pathParams: Record<string, { value: string } | { raw: string }>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: Body;
  /** Who sends it: a name for the report (the Authorization header is among `headers`). */
  caller: string;
}

export interface Caller {
  name: string;
  authorization?: string;
}

export interface RequestContext {
  hints: Hints;
  /** Values for path parameters by name (real ids most of the time, see the fuzz test). */
  pathValues: Record<string, fc.Arbitrary<string>>;
  callers: Caller[];
}

/** Percent-encodes every byte outside the unreserved set; lone surrogates become U+FFFD first. */
export const percentEncode = (s: string): string =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** Header values travel as latin-1 without control characters, and without surrounding spaces. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').replace(/^[\t ]+|[\t ]+$/g, '');

/** A query or header value as text: what a client would put there for this value. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

export function pathOf(req: FuzzRequest): string {
  const path = req.template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = req.pathParams[name];
    return p && 'raw' in p ? p.raw : percentEncode(p?.value ?? '');
  });
  const query = req.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** One part of a request (a path or query parameter, a header, the body): as allowed, and broken. */
interface Part<T> {
  positive: fc.Arbitrary<T>;
  negative: fc.Arbitrary<T>;
}

/**
 * Requests for one operation. Three in five are positive (every part as the document allows it: ids
 * real or not, optional parameters there or not); the others break exactly one part (a wrong type,
 * a missing member, a bound passed, a parameter given twice, a malformed escape, a body that is not
 * JSON), so a refusal can be traced to what was broken. Whether the document allows the result is
 * still judged by createRequestJudge: a mutation can land on something valid.
 * Hints named `<METHOD> <template> body` give whole plausible bodies for an operation.
 */
export function requestArbitrary(
  document: object,
  op: Operation,
  ctx: RequestContext,
): fc.Arbitrary<FuzzRequest> {
  const { valid, invalid } = schemaArbitraries(document, ctx.hints);
  const doc = document as OpenApiDoc;
  const bodySchema = (type: string) =>
    doc.paths[op.template][op.method.toLowerCase()].requestBody!.content[type].schema;

  type PathValue = FuzzRequest['pathParams'][string];
  const pathParts = op.parameters
    .filter((p) => p.in === 'path')
    .map((p): [string, Part<PathValue>] => [
      p.name,
      {
        positive: fc.oneof(
          {
            weight: 8,
            arbitrary: (ctx.pathValues[p.name] ?? valid(p.schema ?? {}, p.name)).map((value) => ({
              value: String(value),
            })),
          },
          { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map((value) => ({ value })) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...WEIRD_STRINGS.filter(Boolean)).map((value) => ({ value })),
          },
        ),
        // Not a string once decoded: malformed percent-escapes, bytes that are not UTF-8, dot segments.
        negative: fc.constantFrom('%', '%E0%A4%A', '%FF', '%C0%AF', '..', '.').map((raw) => ({ raw })),
      },
    ]);

  const paramParts = op.parameters
    .filter((p) => p.in === 'query' || p.in === 'header')
    .map((p): [Parameter, Part<string[]>] => {
      const schema = p.schema ?? {};
      // A hint may name the parameter's place too (`query:phoneNumbers`), apart from a body member.
      const name = ctx.hints[`${p.in}:${p.name}`] ? `${p.in}:${p.name}` : p.name;
      const one = valid(schema, name).map((v) => [asText(v)]);
      const absent = fc.constant<string[]>([]);
      const negatives = [{ weight: 5, arbitrary: invalid(schema, name).map((v) => [asText(v)]) }];
      if (p.in === 'query')
        negatives.push({
          weight: 1,
          arbitrary: fc.array(valid(schema, name).map(asText), { minLength: 2, maxLength: 3 }),
        });
      if (p.required) negatives.push({ weight: 2, arbitrary: absent });
      return [
        p,
        {
          positive: p.required
            ? one
            : fc.oneof({ weight: 1, arbitrary: absent }, { weight: 1, arbitrary: one }),
          negative: fc.oneof(...negatives),
        },
      ];
    });

  const bodyHint = `${op.name} body`;
  const bodyPart = ((): Part<Body | undefined> | undefined => {
    if (op.bodyTypes.includes('application/json')) {
      const schema = bodySchema('application/json');
      return {
        positive: fc.oneof(
          { weight: 12, arbitrary: valid(schema, bodyHint).map((value): Body => ({ type: 'json', value })) },
          // The document does not require a body: none is a request it allows.
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
        negative: fc.oneof(
          { weight: 8, arbitrary: invalid(schema).map((value): Body => ({ type: 'json', value })) },
          { weight: 2, arbitrary: fc.constantFrom(...JUNK_BODIES) },
        ),
      };
    }
    if (op.bodyTypes.includes('multipart/form-data')) {
      const schema = bodySchema('multipart/form-data');
      const { file: _file, ...fieldSchemas } = schema.properties ?? {};
      const formSchema = {
        ...schema,
        properties: fieldSchemas,
        required: (schema.required ?? []).filter((k) => k !== 'file'),
      };
      const file = fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(PDF, PNG, JPEG).map((bytes) => ({ name: 'doc.pdf', bytes })),
        },
        {
          weight: 1,
          arbitrary: fc
            .uint8Array({ maxLength: 64 })
            .map((a) => ({ name: 'random.bin', bytes: Buffer.from(a) })),
        },
        { weight: 1, arbitrary: fc.constant({ name: 'empty.pdf', bytes: Buffer.alloc(0) }) },
      );
      const form = (fields: fc.Arbitrary<unknown>, withFile: boolean) =>
        fc.tuple(fields, file).map(([values, f]): Body => ({
          type: 'multipart',
          fields: formFields(values),
          ...(withFile ? { file: f } : {}),
        }));
      return {
        positive: form(valid(formSchema, bodyHint), true),
        negative: fc.oneof(
          { weight: 4, arbitrary: form(invalid(formSchema), true) },
          { weight: 1, arbitrary: form(valid(formSchema, bodyHint), false) },
        ),
      };
    }
    return undefined;
  })();

  const parts: Part<unknown>[] = [
    ...pathParts.map(([, part]) => part),
    ...paramParts.map(([, part]) => part),
    ...(bodyPart ? [bodyPart] : []),
  ];
  const positive = fc.tuple(...parts.map((part) => part.positive));
  const values = parts.length
    ? fc.oneof(
        { weight: 3, arbitrary: positive },
        {
          weight: 2,
          arbitrary: fc
            .integer({ min: 0, max: parts.length - 1 })
            .chain((broken) =>
              fc.tuple(...parts.map((part, i) => (i === broken ? part.negative : part.positive))),
            ),
        },
      )
    : positive;
  const extraQuery = fc.oneof(
    { weight: 9, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<[string, string][]>(
        [['unexpected', 'x']],
        [['__proto__', 'x']],
        [['limit[]', '5']],
        [['status[$ne]', 'x']],
      ),
    },
  );

  return fc.tuple(values, extraQuery, fc.constantFrom(...ctx.callers)).map(([vs, extra, caller]) => {
    const pathParams: FuzzRequest['pathParams'] = {};
    pathParts.forEach(([name], i) => (pathParams[name] = vs[i] as PathValue));
    const query: [string, string][] = [];
    const headers: Record<string, string> = {};
    paramParts.forEach(([p], i) => {
      const sent = vs[pathParts.length + i] as string[];
      if (p.in === 'query') for (const v of sent) query.push([p.name, v]);
      else if (sent.length) headers[p.name.toLowerCase()] = headerSafe(sent[0]);
    });
    if (caller.authorization) headers.authorization = caller.authorization;
    const body = bodyPart ? (vs[vs.length - 1] as Body | undefined) : undefined;
    return {
      operation: op.name,
      method: op.method,
      template: op.template,
      pathParams,
      query: [...query, ...extra],
      headers,
      ...(body ? { body } : {}),
      caller: caller.name,
    };
  });
}

/** Bodies that are not what any JSON route takes: malformed, empty, another type or charset. */
const JUNK_BODIES: Body[] = [
  { type: 'raw', contentType: 'application/json', text: '{"unterminated": ' },
  { type: 'raw', contentType: 'application/json', text: '' },
  { type: 'raw', contentType: 'application/json', text: 'null' },
  { type: 'raw', contentType: 'application/json', text: '"just a string"' },
  { type: 'raw', contentType: 'text/plain', text: '{}' },
  { type: 'raw', contentType: 'application/json; charset=latin1', text: '{}' },
  { type: 'raw', contentType: 'application/x-www-form-urlencoded', text: 'a=b' },
];

/** Form fields for a multipart body: arrays as one part per item, everything else as its text. */
function formFields(values: unknown): [string, string][] {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return [['value', asText(values)]];
  return Object.entries(values).flatMap(([k, v]): [string, string][] =>
    Array.isArray(v) ? v.map((item): [string, string] => [k, asText(item)]) : [[k, asText(v)]],
  );
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

/**
 * Whether the document allows a request, part by part as the server receives it: path parameters
 * must decode, query values are coerced to the parameter's type (an integer is written in digits),
 * a parameter given twice is allowed only for arrays, required parameters and headers must be
 * there, and the body must be of a documented type and valid against its schema.
 * Answers what the document refuses (empty: it allows the request).
 */
export function createRequestJudge(document: object) {
  const doc = document as OpenApiDoc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(document, 'request-doc');
  const compiled = new Map<string, ValidateFunction>();
  const validator = (pointer: string[]) => {
    const ref = `request-doc#/${pointer.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    let v = compiled.get(ref);
    if (!v) {
      v = ajv.getSchema(ref);
      if (!v) throw new Error(`cannot compile ${ref}`);
      compiled.set(ref, v);
    }
    return v;
  };
  const errorsOf = (v: ValidateFunction, value: unknown, where: string) =>
    v(value) ? [] : (v.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message}`);

  const coerce = (schema: JsonSchema, text: string): unknown => {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('integer') || types.includes('number')) {
      const re = types.includes('integer') ? /^-?\d+$/ : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
      return re.test(text) ? Number(text) : text;
    }
    if (types.includes('boolean')) return text === 'true' ? true : text === 'false' ? false : text;
    return text;
  };

  return function refusals(req: FuzzRequest): string[] {
    const method = req.method.toLowerCase();
    const op = doc.paths[req.template][method];
    const out: string[] = [];
    (op.parameters ?? []).forEach((p, i) => {
      const at = ['paths', req.template, method, 'parameters', String(i), 'schema'];
      let values: string[];
      if (p.in === 'path') {
        const sent = req.pathParams[p.name];
        if (sent && 'raw' in sent) {
          try {
            values = [decodeURIComponent(sent.raw)];
          } catch {
            out.push(`path parameter ${p.name} is not a percent-encoded UTF-8 string`);
            return;
          }
          // `.` and `..` are path segments, not values: they change the path itself.
          if (values[0] === '.' || values[0] === '..') {
            out.push(`path parameter ${p.name} is a dot segment`);
            return;
          }
        } else values = sent ? [sent.value] : [];
        if (values[0] === '') out.push(`path parameter ${p.name} is empty`);
      } else if (p.in === 'query') values = req.query.filter(([k]) => k === p.name).map(([, v]) => v);
      else if (p.in === 'header') {
        const v = req.headers[p.name.toLowerCase()];
        values = v === undefined ? [] : [v];
      } else return;
      if (values.length === 0) {
        if (p.required) out.push(`${p.in} parameter ${p.name} is required`);
        return;
      }
      const schema = p.schema ?? {};
      const isArray = schema.type === 'array';
      if (values.length > 1 && !isArray)
        out.push(`${p.in} parameter ${p.name} is given ${values.length} times`);
      const value = isArray ? values.map((v) => coerce(schema.items ?? {}, v)) : coerce(schema, values[0]);
      out.push(...errorsOf(validator(at), value, `${p.in} parameter ${p.name}`));
    });
    const content = op.requestBody?.content ?? {};
    // An empty body is no body at all (HTTP: no content), whatever type it declares.
    const body = req.body?.type === 'raw' && req.body.text === '' ? undefined : req.body;
    if (!body) {
      if ((op.requestBody as { required?: boolean } | undefined)?.required) out.push('the body is required');
      return out;
    }
    const at = (type: string) => ['paths', req.template, method, 'requestBody', 'content', type, 'schema'];
    if (body.type === 'json') {
      if (!content['application/json']) out.push('no JSON body is documented');
      else out.push(...errorsOf(validator(at('application/json')), body.value, 'body'));
    } else if (body.type === 'raw') {
      const type = (body.contentType ?? '').split(';')[0].trim();
      const charset = /charset=([^;]+)/i
        .exec(body.contentType ?? '')?.[1]
        ?.trim()
        .toLowerCase();
      if (!content[type]) out.push(`a ${type || 'untyped'} body is not documented`);
      else if (charset && charset !== 'utf-8') out.push(`charset ${charset} is not UTF-8`);
      else {
        try {
          out.push(...errorsOf(validator(at(type)), JSON.parse(body.text), 'body'));
        } catch {
          out.push('the body is not JSON');
        }
      }
    } else {
      if (!content['multipart/form-data']) out.push('no multipart body is documented');
      else {
        const schema = content['multipart/form-data'].schema;
        const form: Record<string, unknown> = {};
        for (const [k, v] of body.fields) {
          const prop = Object.hasOwn(schema.properties ?? {}, k) ? schema.properties![k] : undefined;
          const isArray = prop?.type === 'array';
          if (isArray) form[k] = [...((form[k] as string[] | undefined) ?? []), v];
          else if (prop && k in form) out.push(`form field ${k} is given more than once`);
          // Undeclared fields are allowed (the form schema is open) and ignored by the judge.
          else if (prop) form[k] = v;
        }
        if (body.file) form.file = '(binary)';
        out.push(...errorsOf(validator(at('multipart/form-data')), form, 'form'));
      }
    }
    return out;
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body?: unknown;
}

// No keep-alive: generating a large value can outlast the server's keep-alive timeout, and a reused
// socket the server has just closed would fail the next request with ECONNRESET.
const agent = new http.Agent({ keepAlive: false });

/** Serialises the body as the request says (JSON, raw text, or a multipart form built by hand). */
export function encodeBody(body: Body | undefined): { bytes?: Buffer; contentType?: string } {
  if (!body) return {};
  if (body.type === 'json')
    return { bytes: Buffer.from(JSON.stringify(body.value) ?? 'null'), contentType: 'application/json' };
  if (body.type === 'raw') return { bytes: Buffer.from(body.text), contentType: body.contentType };
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = body.fields.map(([k, v]) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`,
    ),
  );
  if (body.file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${body.file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      body.file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends the request as generated, byte for byte, and reads the whole answer. */
export function send(baseUrl: string, req: FuzzRequest, timeoutMs = 30_000): Promise<Answer> {
  const url = new URL(baseUrl);
  const { bytes, contentType } = encodeBody(req.body);
  const headers: Record<string, string | number> = { ...req.headers };
  if (contentType && !headers['content-type']) headers['content-type'] = contentType;
  if (bytes) headers['content-length'] = bytes.length;
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: pathOf(req),
        headers,
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          if (/json/.test(String(res.headers['content-type'] ?? '')))
            try {
              body = JSON.parse(text);
            } catch {
              body = undefined;
            }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', reject);
    r.end(bytes);
  });
}

/** The request as a reader needs it to reproduce a failure. */
export function describeRequest(req: FuzzRequest): string {
  const { bytes, contentType } = encodeBody(req.body);
  const shown =
    req.body?.type === 'multipart'
      ? `multipart fields ${JSON.stringify(req.body.fields).slice(0, 800)}${req.body.file ? `, file ${req.body.file.name} (${req.body.file.bytes.length} bytes)` : ', no file'}`
      : bytes
        ? bytes.toString('utf8').slice(0, 1200) + (bytes.length > 1200 ? `… (${bytes.length} bytes)` : '')
        : '(none)';
  const headers = {
    ...req.headers,
    ...(contentType && !req.headers['content-type'] ? { 'content-type': contentType } : {}),
  };
  return [
    `${req.method} ${pathOf(req)}  (as ${req.caller})`,
    `    headers: ${JSON.stringify(headers).slice(0, 600)}`,
    `    body: ${shown}`,
  ].join('\n');
}
