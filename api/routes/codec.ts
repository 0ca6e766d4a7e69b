/**
 * Remote codec endpoint for the Temporal UI and CLI (the codec-server protocol): POST /codec/decode
 * and /codec/encode take and answer `{ payloads: [{ metadata: { key: base64 }, data: base64 }] }`
 * (proto3 JSON of Payloads). It uses the codecs of the API's own Temporal client, so it always
 * reads what the services wrote. Payloads hold customers' phone numbers: staff keys only.
 */
import express, { Router, type RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { PayloadDecryptionError } from '../../security/payload-codec';
import type { Store } from '../../store/connection';
import { allow, authenticate } from '../auth';
import { rememberRouteBase } from '../observability';
import { HttpProblem } from '../problems';
import { parse } from '../schemas';

export interface CodecEndpointOptions {
  /** Origins (the Temporal UI) allowed to call from a browser. */
  corsOrigins: string[];
  /** Local development only (config refuses it in production): requests without a key are served. */
  allowAnonymous: boolean;
}

// proto3 JSON writes bytes as base64, standard or URL-safe alphabet.
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
export const payloadsSchema = z
  .object({
    // Empty lists are normal: the Temporal CLI encodes a query's (absent) arguments before asking,
    // and proto3 JSON leaves an empty list out, so it sends `{}`.
    payloads: z
      .array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() }))
      .max(10_000)
      .nullish()
      .meta({ description: 'may be empty or absent (an empty list)' }),
  })
  .meta({ id: 'Payloads', description: 'proto3 JSON of temporal.api.common.v1.Payloads' });
type JsonPayload = NonNullable<z.infer<typeof payloadsSchema>['payloads']>[number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
  ),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

/** CORS for the UI's origins; credentials allowed because the UI may send the Authorization header. */
function cors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.header('origin');
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.vary('Origin');
    if (req.method !== 'OPTIONS') return next();
    // A preflight carries no credentials: answered before authentication.
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

export function codecRouter(deps: {
  store: Store;
  temporal: Client;
  options?: CodecEndpointOptions;
}): Router {
  const { corsOrigins = [], allowAnonymous = false } = deps.options ?? {};
  const router = Router();
  router.use(rememberRouteBase, cors(corsOrigins));
  // 403 (not 404) for a customer key: the endpoint is public knowledge, only the role is missing.
  const staffOnly = Router().use(authenticate(deps.store), allow('ops', 'support'));
  router.use((req, res, next) =>
    allowAnonymous && !req.header('authorization') ? next() : staffOnly(req, res, next),
  );
  // After authentication (no large bodies parsed for strangers). Histories can carry large
  // payloads: a larger limit than the /v1 API's, whose parser is mounted after this router.
  router.use(express.json({ limit: '8mb' }));
  // X-Namespace is not consulted: the service runs in one namespace with one key ring.

  const codecs = (): PayloadCodec[] => deps.temporal.options.loadedDataConverter.payloadCodecs;
  /** Runs each payload on its own, so a failure names the payload it is about. */
  const convert = async (body: unknown, step: (p: Payload) => Promise<Payload>) => {
    const { payloads } = parse(payloadsSchema, body);
    const out = [];
    for (const [i, p] of (payloads ?? []).entries()) {
      try {
        out.push(toJson(await step(fromJson(p))));
      } catch (err) {
        if (!(err instanceof PayloadDecryptionError)) throw err;
        throw new HttpProblem(422, 'payload_not_decodable', 'a payload could not be decoded; see errors', [
          { code: err.code, field: `payloads.${i}`, message: err.message },
        ]);
      }
    }
    return { payloads: out };
  };

  router.post('/decode', async (req, res) => {
    // Codecs decode in the reverse order they encode.
    const decodeOne = async (p: Payload) => {
      let current = [p];
      for (const codec of [...codecs()].reverse()) current = await codec.decode(current);
      return current[0];
    };
    res.json(await convert(req.body, decodeOne));
  });

  router.post('/encode', async (req, res) => {
    const encodeOne = async (p: Payload) => {
      let current = [p];
      for (const codec of codecs()) current = await codec.encode(current);
      return current[0];
    };
    res.json(await convert(req.body, encodeOne));
  });

  return router;
}
