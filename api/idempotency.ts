/**
 * `Idempotency-Key` on state-changing POSTs: a retry with the same key and body gets the first
 * response again; the same key with another body is a 422; a retry while the first is still running
 * is a 409. Keys are scoped to the caller's API key and the route, and kept in the store.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Store } from '../store/connection';
import { isDuplicateKey } from '../store/connection';
import { principalOf } from './auth';
import { HttpProblem } from './problems';

const PENDING = 0;

/** A request still pending after this long will never answer: its process died. */
const ABANDONED_MS = 10 * 60_000;

const abandoned = (createdAt: Date | undefined) =>
  createdAt !== undefined && Date.now() - new Date(createdAt).getTime() > ABANDONED_MS;

/**
 * The body's hash, or undefined when it cannot be serialised (JSON.stringify recurses: a body nested
 * deep enough overflows the stack; the app's depth guard refuses such bodies first, this is the
 * backstop so a fingerprint can never be a 500).
 */
export function fingerprint(body: unknown): string | undefined {
  try {
    return createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex');
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

export function idempotency(store: Store): RequestHandler {
  const { IdempotencyRecord } = store.models;
  return async (req, res, next) => {
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || !key) return next();
    if (key.length > 255)
      return next(
        new HttpProblem(422, 'invalid_idempotency_key', 'Idempotency-Key is limited to 255 characters'),
      );
    const id = createHash('sha256')
      .update(`${principalOf(req).keyName}\n${req.method} ${req.originalUrl}\n${key}`)
      .digest('hex');
    const requestHash = fingerprint(req.body);
    if (!requestHash)
      return next(new HttpProblem(400, 'body_too_deep', 'the request body is too deeply nested'));
    try {
      await IdempotencyRecord.create({ _id: id, requestHash, status: PENDING });
    } catch (err) {
      if (!isDuplicateKey(err)) return next(err);
      const first = await IdempotencyRecord.findById(id).lean();
      if (!first)
        return next(
          new HttpProblem(
            409,
            'idempotency_key_in_use',
            'retry: the first request with this key has just finished',
          ),
        );
      if (first.requestHash !== requestHash)
        return next(
          new HttpProblem(
            422,
            'idempotency_key_reused',
            'this Idempotency-Key was used with a different request body',
          ),
        );
      if (first.status === PENDING && abandoned(first.createdAt)) {
        // Its process died before it answered: the key is free again (the insert decides who takes it).
        await IdempotencyRecord.deleteOne({ _id: id, status: PENDING, createdAt: first.createdAt });
        return next(
          new HttpProblem(409, 'idempotency_key_in_use', 'retry: the first request with this key was lost'),
        );
      }
      if (first.status === PENDING)
        return next(
          new HttpProblem(
            409,
            'idempotency_key_in_use',
            'a request with this Idempotency-Key is still being processed',
          ),
        );
      res.setHeader('Idempotent-Replayed', 'true');
      // A refusal is replayed as what it was: a problem document.
      if (first.status! >= 400) res.type('application/problem+json');
      return res.status(first.status!).json(first.body);
    }
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      // Only final answers are kept: a 5xx (or a 409 from a race) may succeed on retry.
      const keep = res.statusCode < 500;
      // Stored as the JSON the client gets: mongoose would turn undefined members into nulls (in
      // place, changing this answer too) and a replay must be byte-for-byte the same answer.
      const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
      const save = keep
        ? IdempotencyRecord.updateOne({ _id: id }, { $set: { status: res.statusCode, body: sent } })
        : IdempotencyRecord.deleteOne({ _id: id });
      save.then(() => json(sent)).catch(next);
      return res;
    };
    // A client that gives up (a timeout, a dropped connection) does not stop the request: its
    // answer is still recorded when it comes, so the client's retry with the key gets that answer
    // (409 while it runs) and never performs the action a second time.
    next();
  };
}
