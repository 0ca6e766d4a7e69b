/**
 * Which failures are outages (503 + Retry-After, "retry shortly") and which are bugs (500): a Temporal
 * call refused for a reason other than availability must not tell clients to retry forever.
 */
import { ServiceError } from '@temporalio/client';
import express from 'express';
import request from 'supertest';
import { errorHandler, isDependencyUnavailable } from '../../../api/problems';

/** A gRPC status error as @grpc/grpc-js produces it. */
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => ({}) } });
const temporalCall = (code: number, details: string) =>
  new ServiceError(`Temporal call failed: ${details}`, { cause: grpcError(code, details) });

test.each([
  ['Temporal unavailable', true, temporalCall(14, 'connection refused')],
  ['Temporal deadline exceeded', true, temporalCall(4, 'deadline')],
  ['Temporal overloaded', true, temporalCall(8, 'namespace rate limit')],
  ['Temporal connection never made', true, new ServiceError('Failed to connect before the deadline')],
  ['a raw gRPC unavailable', true, grpcError(14, 'unavailable')],
  [
    'store selection timeout',
    true,
    Object.assign(new Error('timed out'), { name: 'MongoServerSelectionError' }),
  ],
  ['mongoose buffering', true, new Error('Operation `orders.findOne()` buffering timed out after 10000ms')],
  ['socket refused', true, new Error('connect ECONNREFUSED 127.0.0.1:7233')],
  ['Temporal invalid argument (our bug)', false, temporalCall(3, 'invalid search attribute')],
  ['Temporal not found', false, temporalCall(5, 'workflow not found')],
  ['Temporal permission denied', false, temporalCall(7, 'namespace access')],
  ['a plain bug', false, new TypeError('cannot read properties of undefined')],
  ['not an error at all', false, 'boom'],
])('%s → unavailable: %s', (_what, unavailable, err) => {
  expect(isDependencyUnavailable(err)).toBe(unavailable);
});

test('the error handler answers 503 with Retry-After for an outage and 500 for a refused call', async () => {
  const app = express();
  app.get('/down', () => {
    throw temporalCall(14, 'unavailable');
  });
  app.get('/refused', () => {
    throw temporalCall(3, 'invalid argument');
  });
  app.use(errorHandler);
  const down = await request(app).get('/down');
  expect(down.status).toBe(503);
  expect(down.headers['retry-after']).toBe('5');
  expect(down.body.code).toBe('dependency_unavailable');
  const refused = await request(app).get('/refused');
  expect(refused.status).toBe(500);
  expect(refused.body.code).toBe('internal_error');
});
