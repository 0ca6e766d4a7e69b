/**
 * The gateway's error contract, which decides between "retry" and "give up" in the activities:
 * 4xx → CarrierRequestRefused (not 408/429), 5xx / network / timeout → plain Error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CarrierRequestRefused, isCarrierRequestRefused } from '../../../carrier/gateway';
import { createHttpCarrierGateway } from '../../../carrier/http-gateway';
import { createCarrierGatewayFromEnv } from '../../../carrier/select';

describe('HTTP carrier gateway', () => {
  let server: Server;
  let baseUrl: string;
  let reply: { status: number; body?: unknown; delayMs?: number };
  const seen: { headers: Record<string, string | undefined>; body: unknown }[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.use((req, res) => {
      seen.push({
        headers: { 'idempotency-key': req.get('idempotency-key'), authorization: req.get('authorization') },
        body: req.body,
      });
      const timer = setTimeout(() => {
        if (reply.body === undefined) res.status(reply.status).end();
        else res.status(reply.status).json(reply.body);
      }, reply.delayMs ?? 0);
      res.on('close', () => clearTimeout(timer));
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  beforeEach(() => {
    seen.length = 0;
  });

  // Generous for a first request on a busy machine; the timeout case delays its answer far beyond it.
  const gateway = () => createHttpCarrierGateway({ baseUrl, apiKey: 'k', timeoutMs: 2_000 });
  const cancel = () =>
    gateway().cancelPortRequest({ idempotencyKey: 'o1:cancel:1', orderId: 'o 1', phoneNumbers: [] });

  it('sends the idempotency key, the API key and the body', async () => {
    reply = { status: 200, body: { canceled: [] } };
    await cancel();
    expect(seen[0]).toEqual({
      headers: { 'idempotency-key': 'o1:cancel:1', authorization: 'Bearer k' },
      body: { idempotencyKey: 'o1:cancel:1', orderId: 'o 1', phoneNumbers: [] },
    });
  });

  it('turns a 4xx into CarrierRequestRefused with the carrier code', async () => {
    reply = { status: 422, body: { error: { code: 'before_foc', message: 'too early' } } };
    const error = await cancel().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierRequestRefused);
    expect(error).toMatchObject({ name: 'CarrierRequestRefused', code: 'before_foc', httpStatus: 422 });
    expect(isCarrierRequestRefused(error)).toBe(true);
  });

  it('names a 4xx without a carrier error body by its status', async () => {
    reply = { status: 404 };
    await expect(cancel()).rejects.toMatchObject({ code: 'http_404', httpStatus: 404 });
  });

  it.each([500, 503, 429, 408])('treats HTTP %i as transient (plain Error, retried)', async (status) => {
    reply = { status, body: { error: { code: 'busy' } } };
    const error = await cancel().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isCarrierRequestRefused(error)).toBe(false);
  });

  it('treats a timeout and a refused connection as transient', async () => {
    reply = { status: 200, body: {}, delayMs: 10_000 };
    await expect(cancel()).rejects.toThrow(/timed out/);
    const closed = createHttpCarrierGateway({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 });
    const error = await closed.lookupNumbers(['+12175550101']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isCarrierRequestRefused(error)).toBe(false);
  });

  it('treats an unexpected response body as transient', async () => {
    reply = { status: 200, body: { focDate: 'soon' } };
    const error = await gateway()
      .changePortDate({ idempotencyKey: 'k', orderId: 'o', phoneNumbers: [], portDate: '2025-03-14' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isCarrierRequestRefused(error)).toBe(false);
  });

  it('never puts the PIN or account number in an error', async () => {
    reply = { status: 500 };
    const error = (await gateway()
      .submitPortRequest({
        idempotencyKey: 'o:submit:1',
        orderId: 'o',
        attempt: 1,
        country: 'US',
        phoneNumbers: ['+12175550101'],
        authorizedPerson: { firstName: 'Jordan', lastName: 'Rivera' },
        serviceAddress: {
          line1: '1200 Maple Avenue',
          city: 'Springfield',
          region: 'IL',
          postalCode: '62701',
          country: 'US',
        },
        accountNumber: 'SECRET-ACCOUNT',
        pin: '987654',
      })
      .catch((e: unknown) => e)) as Error;
    expect(`${error.message} ${error.stack}`).not.toMatch(/SECRET-ACCOUNT|987654/);
  });
});

describe('gateway selection (CARRIER_GATEWAY)', () => {
  it('uses the HTTP gateway by default and refuses unknown kinds', () => {
    expect(createCarrierGatewayFromEnv({})).toHaveProperty('submitPortRequest');
    expect(
      createCarrierGatewayFromEnv({ CARRIER_GATEWAY: 'simulator', CARRIER_TIMEOUT_MS: '500' }),
    ).toHaveProperty('lookupNumbers');
    expect(() => createCarrierGatewayFromEnv({ CARRIER_GATEWAY: 'acme' })).toThrow(
      /unknown CARRIER_GATEWAY 'acme'/,
    );
    expect(() => createCarrierGatewayFromEnv({ CARRIER_TIMEOUT_MS: '-1' })).toThrow(/CARRIER_TIMEOUT_MS/);
  });
});
