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
 * parameters are the driver's. Only when the URI does not choose a server selection timeout is it
 * shortened to 5 s (fail fast at start); an explicit option would override the URI's, so a
 * replica set that needs longer across an election can say so in its URI.
 */
export function storeConnectOptions(uri: string): mongoose.ConnectOptions {
  return /[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 5_000 };
}

export async function connectStore(uri: string): Promise<Store> {
  const connection = await mongoose.createConnection(uri, storeConnectOptions(uri)).asPromise();
  const models = registerModels(connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  return { connection, models, close: () => connection.close() };
}

export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');
