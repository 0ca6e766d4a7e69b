/**
 * The pure pieces behind "malformed input is a 4xx, never a 5xx": depth of a body, methods a path
 * serves, parser and multipart errors as problems, one answer collecting every problem.
 */
import express from 'express';
import request from 'supertest';
import { fingerprint } from '../../../api/idempotency';
import { multipartProblem } from '../../../api/multipart';
import { clientErrorProblem, HttpProblem, ProblemCollector } from '../../../api/problems';
import { allowedMethods, jsonDepth, MAX_BODY_DEPTH, methodNotAllowed } from '../../../api/request-guards';

const deep = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

test('jsonDepth walks without recursion and stops past its limit', () => {
  expect(jsonDepth('x')).toBe(0);
  expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
  expect(jsonDepth(deep(200_000))).toBe(200_000);
  expect(jsonDepth(deep(200_000), MAX_BODY_DEPTH)).toBe(MAX_BODY_DEPTH + 1);
});

test('the Idempotency-Key fingerprint of an unserialisable body is undefined, not a stack overflow', () => {
  expect(fingerprint({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  expect(fingerprint(deep(100_000))).toBeUndefined();
});

test('parser errors become their 4xx problem; anything else stays a 500 (undefined)', () => {
  const parserError = (type: string, status: number) =>
    Object.assign(new Error(type), { type, status, expose: true });
  expect(clientErrorProblem(parserError('entity.too.large', 413))).toMatchObject({
    status: 413,
    code: 'body_too_large',
  });
  expect(clientErrorProblem(parserError('charset.unsupported', 415))).toMatchObject({
    status: 415,
    code: 'unsupported_charset',
  });
  expect(clientErrorProblem(parserError('entity.parse.failed', 400))).toMatchObject({
    code: 'malformed_json',
  });
  expect(clientErrorProblem(new RangeError('Maximum call stack size exceeded'))).toBeUndefined();
  expect(clientErrorProblem(Object.assign(new Error('x'), { status: 500, expose: false }))).toBeUndefined();
});

test('multipart errors are 400s naming the problem, sizes 413', () => {
  const multer = (code: string) => Object.assign(new Error(code), { name: 'MulterError', code });
  expect(multipartProblem(multer('LIMIT_FILE_SIZE'))).toMatchObject({
    status: 413,
    code: 'document_too_large',
  });
  expect(multipartProblem(multer('LIMIT_FILE_COUNT'))).toMatchObject({ status: 400, code: 'too_many_files' });
  expect(multipartProblem(new Error('Unexpected end of form'))).toMatchObject({
    status: 400,
    code: 'malformed_multipart',
    message: expect.stringContaining('Unexpected end of form'),
  });
});

test('ProblemCollector: one source keeps its code, several become one invalid_request listing all', () => {
  const one = new ProblemCollector();
  one.collect(() => {
    throw new HttpProblem(422, 'invalid_phone_number', 'bad', [
      { code: 'invalid_phone_number', field: 'x', message: 'm' },
    ]);
  });
  expect(() => one.throwIfAny()).toThrow(expect.objectContaining({ code: 'invalid_phone_number' }));
  const many = new ProblemCollector();
  many.add({ code: 'unknown_account', field: 'accountId', message: 'no account' });
  expect(many.collect(() => 7)).toBe(7);
  many.collect(() => {
    throw new HttpProblem(422, 'invalid_request', 'schema', [
      { code: 'invalid_type', field: 'country', message: 'm' },
    ]);
  });
  expect(() =>
    many.collect(() => {
      throw new HttpProblem(409, 'not_a_draft', 'other statuses are not collected');
    }),
  ).toThrow(expect.objectContaining({ status: 409 }));
  try {
    many.throwIfAny();
    throw new Error('expected a problem');
  } catch (err) {
    expect(err).toMatchObject({ status: 422, code: 'invalid_request' });
    expect((err as HttpProblem).errors.map((e) => e.field)).toEqual(['accountId', 'country']);
  }
  expect(() => new ProblemCollector().throwIfAny()).not.toThrow();
});

describe('405 from the routers themselves', () => {
  const app = express();
  const orders = express.Router();
  orders.get('/', (_req, res) => res.end());
  orders.post('/', (_req, res) => res.end());
  orders.get('/:id', (_req, res) => res.end());
  orders.delete('/:id', (_req, res) => res.end());
  app.use('/v1/orders', orders);
  app.use(methodNotAllowed(app));
  app.use((_req, res) => res.status(404).end());
  app.use(((err, _req, res, _next) =>
    res.status((err as HttpProblem).status).end()) as express.ErrorRequestHandler);

  test('allowedMethods finds what nested routers serve at a path', () => {
    const stack = (app as unknown as { router: { stack: never[] } }).router.stack;
    expect([...allowedMethods(stack, '/v1/orders/o1')].sort()).toEqual(['DELETE', 'GET', 'HEAD']);
    expect([...allowedMethods(stack, '/v1/orders')].sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods(stack, '/v1/nothing').size).toBe(0);
  });

  test('an undeclared method is a 405 with Allow; an unknown path stays a 404', async () => {
    const put = await request(app).put('/v1/orders/o1');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('DELETE, GET, HEAD');
    expect((await request(app).get('/v1/nothing')).status).toBe(404);
  });
});
