/**
 * Any MongoDB URI reaches the driver as given (store/connection.ts): replica set, TLS, auth and
 * timeouts are the URI's. Parsed by the driver itself, without connecting.
 */
import { MongoClient } from 'mongodb';
import { STORE_POOL_SIZE, storeConnectOptions } from '../../../store/connection';

const parsed = (uri: string) => new MongoClient(uri, storeConnectOptions(uri)).options;

test('a replica set URI with TLS, auth source, write concern and its own timeout keeps every parameter', () => {
  const uri =
    'mongodb://portin:s3cret@db-0.internal:27017,db-1.internal:27017,db-2.internal:27017/portin' +
    '?replicaSet=rs0&tls=true&authSource=admin&w=majority&retryWrites=true&serverSelectionTimeoutMS=30000' +
    '&maxPoolSize=50';
  expect(storeConnectOptions(uri)).toEqual({});
  const options = parsed(uri);
  expect(options.hosts.map(String)).toEqual([
    'db-0.internal:27017',
    'db-1.internal:27017',
    'db-2.internal:27017',
  ]);
  expect(options).toMatchObject({
    dbName: 'portin',
    replicaSet: 'rs0',
    tls: true,
    retryWrites: true,
    serverSelectionTimeoutMS: 30_000, // the URI's, not the 5 s start-up default
    maxPoolSize: 50, // the URI's, not the 10 of a FerretDB-friendly default
  });
  expect(options.credentials?.source).toBe('admin');
  expect(options.writeConcern?.w).toBe('majority');
});

test('a URI without a server selection timeout fails fast at start (5 s)', () => {
  expect(parsed('mongodb://127.0.0.1:27117/portin').serverSelectionTimeoutMS).toBe(5_000);
});

test('a URI without a pool size gets 10 connections per process (FerretDB writes one at a time)', () => {
  expect(parsed('mongodb://127.0.0.1:27117/portin').maxPoolSize).toBe(STORE_POOL_SIZE);
  expect(STORE_POOL_SIZE).toBe(10);
  expect(parsed('mongodb://127.0.0.1:27117/portin?maxPoolSize=3').maxPoolSize).toBe(3);
});
