/** One mongoose connection with the project's models, and the duplicate-key test idempotency relies on. */
import mongoose from 'mongoose';
import { createHash } from 'node:crypto';
import { registerModels, type Models } from './models';

export interface Store {
  connection: mongoose.Connection;
  models: Models;
  close(): Promise<void>;
}

export async function connectStore(uri: string): Promise<Store> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const models = registerModels(connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  return { connection, models, close: () => connection.close() };
}

export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');
