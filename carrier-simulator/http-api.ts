/**
 * The carrier-facing API the gateway (carrier/http-gateway.ts) calls: port requests, their status,
 * cancellation, port-date changes (supp), LNP look-ups and capability tests.
 * Mutating calls are idempotent by the `Idempotency-Key` header or the body's `idempotencyKey`.
 */
import { Router, type Request } from 'express';
import type { CarrierNumberStatus, CarrierPortRequest } from '../carrier/gateway';
import type { PortCountry } from '../domain/order';
import { testCapabilities } from './capabilities';
import { SimulatorError } from './errors';
import { fingerprintOf, idempotent } from './idempotency';
import type { KeyedLock } from './keyed-lock';
import type { LosingCarrier } from './losing-carrier';
import { lookupNumber } from './lookup';
import { toNumberStatus, type PortRequestRecord } from './port-requests';
import { capabilityTestBody, cancelBody, lookupBody, portDateBody, portRequestBody } from './schemas';
import type { SimulatorStore } from './store';

export function carrierApi(deps: {
  carrier: LosingCarrier;
  store: SimulatorStore;
  lock: KeyedLock;
  now: () => number;
}): Router {
  const { carrier, store, lock, now } = deps;
  const router = Router();

  router.post('/port-requests', async (req, res) => {
    const body = portRequestBody.parse(req.body);
    const key = idempotencyKeyOf(req, body.idempotencyKey);
    if (!key)
      throw new SimulatorError(
        400,
        'invalid_request',
        'an Idempotency-Key header or idempotencyKey is required',
      );
    const request: CarrierPortRequest = { ...body, idempotencyKey: key };
    const numbers = [...body.phoneNumbers].sort().join(',');
    const fingerprint = fingerprintOf('submit', [body.orderId, body.attempt, numbers]);
    const result = await idempotent(store, lock, key, fingerprint, now(), async () => ({
      status: 202,
      body: await carrier.submit(request),
    }));
    res.status(result.status).json(result.body);
  });

  router.get('/port-requests/:orderId', async (req, res) => {
    res.json(toPortRequestView(await carrier.get(req.params.orderId)));
  });

  router.post('/port-requests/:orderId/cancel', async (req, res) => {
    const orderId = req.params.orderId;
    const body = cancelBody.parse(req.body ?? {});
    checkOrderId(orderId, body.orderId);
    const fingerprint = fingerprintOf('cancel', [orderId, sortedList(body.phoneNumbers)]);
    const result = await idempotent(
      store,
      lock,
      idempotencyKeyOf(req, body.idempotencyKey),
      fingerprint,
      now(),
      async () => ({
        status: 200,
        body: await carrier.cancel(orderId, body.phoneNumbers),
      }),
    );
    res.status(result.status).json(result.body);
  });

  router.post('/port-requests/:orderId/port-date', async (req, res) => {
    const orderId = req.params.orderId;
    const body = portDateBody.parse(req.body);
    checkOrderId(orderId, body.orderId);
    const fingerprint = fingerprintOf('port-date', [orderId, sortedList(body.phoneNumbers), body.portDate]);
    const result = await idempotent(
      store,
      lock,
      idempotencyKeyOf(req, body.idempotencyKey),
      fingerprint,
      now(),
      async () => ({
        status: 200,
        body: await carrier.changePortDate(orderId, body.portDate, body.phoneNumbers),
      }),
    );
    res.status(result.status).json(result.body);
  });

  router.post('/lnp-lookups', async (req, res) => {
    const body = lookupBody.parse(req.body);
    const records = await store.listRecords();
    res.json(body.phoneNumbers.map((phoneNumber) => lookupNumber(phoneNumber, records)));
  });

  router.post('/capability-tests', async (req, res) => {
    const body = capabilityTestBody.parse(req.body);
    const numbers = body.numbers
      .map((n) => `${n.phoneNumber}=${n.capabilities}`)
      .sort()
      .join(',');
    const fingerprint = fingerprintOf('capability-tests', [numbers]);
    const result = await idempotent(
      store,
      lock,
      idempotencyKeyOf(req, body.idempotencyKey),
      fingerprint,
      now(),
      async () => ({
        status: 200,
        body: await testCapabilities(store, body.numbers),
      }),
    );
    res.status(result.status).json(result.body);
  });

  return router;
}

/** The response of GET /port-requests/:orderId (also returned by the control endpoints). */
export interface PortRequestView {
  orderId: string;
  country: PortCountry;
  numbers: CarrierNumberStatus[];
  submissions: {
    carrierRequestId: string;
    attempt: number;
    phoneNumbers: string[];
    submittedAt: string;
    answeredAt?: string;
  }[];
}

export function toPortRequestView(request: PortRequestRecord): PortRequestView {
  return {
    orderId: request.orderId,
    country: request.country,
    numbers: request.numbers.map(toNumberStatus),
    submissions: request.submissions.map((s) => ({
      carrierRequestId: s.carrierRequestId,
      attempt: s.attempt,
      phoneNumbers: s.phoneNumbers,
      submittedAt: new Date(s.submittedAt).toISOString(),
      ...(s.answeredAt === undefined ? {} : { answeredAt: new Date(s.answeredAt).toISOString() }),
    })),
  };
}

function idempotencyKeyOf(req: Request, fromBody: string | undefined): string | undefined {
  const fromHeader = req.get('idempotency-key') || undefined;
  if (fromHeader && fromBody && fromHeader !== fromBody) {
    throw new SimulatorError(400, 'invalid_request', 'Idempotency-Key header and idempotencyKey differ');
  }
  return fromHeader ?? fromBody;
}

function checkOrderId(fromPath: string, fromBody: string | undefined): void {
  if (fromBody !== undefined && fromBody !== fromPath) {
    throw new SimulatorError(400, 'invalid_request', 'orderId in the body differs from the path');
  }
}

function sortedList(list: readonly string[] | undefined): string {
  return list ? [...list].sort().join(',') : '*';
}
