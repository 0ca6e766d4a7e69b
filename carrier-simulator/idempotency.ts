/**
 * Replays the first response given for an idempotency key. A key reused for a different request
 * (another operation, order, number set or date) is refused rather than silently replayed.
 */
import { SimulatorError } from './errors';
import type { KeyedLock } from './keyed-lock';
import type { SimulatorStore } from './store';

export interface StoredResult<T> {
  status: number;
  body: T;
}

export async function idempotent<T>(
  store: SimulatorStore,
  lock: KeyedLock,
  key: string | undefined,
  fingerprint: string,
  now: number,
  run: () => Promise<StoredResult<T>>,
): Promise<StoredResult<T>> {
  if (!key) return run();
  return lock.run(`idempotency:${key}`, async () => {
    const prior = await store.getIdempotentResponse(key);
    if (prior) {
      if (prior.fingerprint !== fingerprint) {
        throw new SimulatorError(
          409,
          'idempotency_conflict',
          'idempotency key already used for a different request',
        );
      }
      return { status: prior.status, body: prior.body as T };
    }
    const result = await run();
    await store.saveIdempotentResponse({
      key,
      fingerprint,
      status: result.status,
      body: result.body,
      createdAt: now,
    });
    return result;
  });
}

/** A stable description of a request's identity, without secrets. */
export function fingerprintOf(operation: string, parts: readonly (string | number | undefined)[]): string {
  return JSON.stringify([operation, ...parts.map((p) => p ?? null)]);
}
