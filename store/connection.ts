/** One mongoose connection with the project's models, and the duplicate-key test idempotency relies on. */
import mongoose from 'mongoose';
import { createHash } from 'node:crypto';
import { registerModels, type Models } from './models';

export interface Store {
  connection: mongoose.Connection;
  models: Models;
  close(): Promise<void>;
}

/**
 * Any MongoDB URI works as given: replica sets (`?replicaSet=`), `mongodb+srv://`, TLS and auth
 * parameters are the driver's. Only what the URI does not choose gets a default here (an explicit
 * option would override the URI's):
 * - server selection timeout 5 s (fail fast at start; a replica set that needs longer across an
 *   election says so in its URI);
 * - at most 10 connections per process (`maxPoolSize`; the driver's default is 100). FerretDB on
 *   SQLite writes one transaction at a time and makes the others wait in SQLite's busy handler,
 *   which sleeps up to 100 ms a turn: with 50 writers on 100 connections a write's p99 was 1.3–1.9 s,
 *   with 10 connections (the rest waiting in the driver's queue, in order) 0.25–0.4 s, at the same
 *   or a better throughput (README "Performance").
 */
export function storeConnectOptions(uri: string): mongoose.ConnectOptions {
  return {
    ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 5_000 }),
    ...(/[?&]maxPoolSize=/i.test(uri) ? {} : { maxPoolSize: STORE_POOL_SIZE }),
  };
}

/** Connections per process to the store unless the URI says `maxPoolSize` (see storeConnectOptions). */
export const STORE_POOL_SIZE = 10;

export async function connectStore(uri: string): Promise<Store> {
  const connection = await mongoose.createConnection(uri, storeConnectOptions(uri)).asPromise();
  const models = registerModels(connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  return { connection, models, close: () => connection.close() };
}

export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');
