/** Shared fixtures for the carrier simulator tests: requests that match a seed CSR, a webhook receiver, polling. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { CarrierPortRequest } from '../../../carrier/gateway';
import type { CustomerServiceRecord } from '../../../carrier-simulator/records';
import { SEED_RECORDS } from '../../../carrier-simulator/seed';
import type { PortRequestDetails } from '../../../carrier-simulator/validation';

export function seedRecord(id: string): CustomerServiceRecord {
  const record = SEED_RECORDS.find((r) => r.id === id);
  if (!record) throw new Error(`no seed record ${id}`);
  return record;
}

/** The details exactly as the CSR has them: what a careful customer would send. */
export function matchingDetails(recordId: string, phoneNumber?: string): PortRequestDetails {
  const record = seedRecord(recordId);
  const line = record.numbers.find((n) => n.phoneNumber === phoneNumber);
  return {
    country: record.country,
    authorizedPerson: { ...record.accountHolder },
    serviceAddress: { ...record.serviceAddress },
    accountNumber: line?.serviceAccountNumber ?? record.accountNumber,
    ...(record.pin ? { pin: record.pin } : {}),
    ...(record.btn ? { btn: record.btn } : {}),
  };
}

export function portRequest(
  recordId: string,
  phoneNumbers: string[],
  overrides: Partial<CarrierPortRequest> = {},
): CarrierPortRequest {
  const orderId = overrides.orderId ?? `ord_${recordId}_${Math.random().toString(36).slice(2, 8)}`;
  const attempt = overrides.attempt ?? 1;
  return {
    idempotencyKey: `${orderId}:submit:${attempt}`,
    orderId,
    attempt,
    phoneNumbers,
    ...matchingDetails(recordId, phoneNumbers[0]),
    ...overrides,
  };
}

export interface Delivery {
  headers: Record<string, string | undefined>;
  body: string;
}

/** A stand-in for the API's POST /v1/carrier/events: records deliveries, answers with planned statuses. */
export async function startReceiver(): Promise<{
  url: string;
  deliveries: Delivery[];
  /** Statuses for the next deliveries (then 204). */
  planStatuses(...statuses: number[]): void;
  close(): Promise<void>;
}> {
  const deliveries: Delivery[] = [];
  const planned: number[] = [];
  const app = express();
  app.post('/v1/carrier/events', express.text({ type: '*/*' }), (req, res) => {
    deliveries.push({
      headers: {
        'webhook-id': req.get('webhook-id'),
        'webhook-timestamp': req.get('webhook-timestamp'),
        'webhook-signature': req.get('webhook-signature'),
      },
      body: req.body as string,
    });
    res.status(planned.shift() ?? 204).end();
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/carrier/events`,
    deliveries,
    planStatuses: (...statuses) => planned.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Polls `probe` (sync or async) until it returns something other than undefined or false. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
