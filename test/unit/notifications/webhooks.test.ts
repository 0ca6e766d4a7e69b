/**
 * Webhook delivery against a real local receiver that verifies signatures the way a customer
 * would (Standard Webhooks), plus the failures the calling activity must see as ok:false.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { verify } from '../../../security/standard-webhooks';
import { deliverWebhook, WEBHOOK_EVENT_TYPES, type WebhookEvent } from '../../../notifications/webhooks';

const SECRET = `whsec_${Buffer.from('customer-signing-secret-0123456789').toString('base64')}`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verification: ReturnType<typeof verify>;
}

function receiver(received: Received[]): express.Express {
  const app = express();
  // The raw body: the signature covers the exact bytes, so they must not be re-serialised.
  app.use(express.text({ type: 'application/json' }));
  const record = (req: express.Request) => {
    const header = (name: string) => req.header(name);
    const body = req.body as string;
    received.push({
      headers: req.headers,
      body,
      verification: verify(
        SECRET,
        {
          'webhook-id': header('webhook-id'),
          'webhook-timestamp': header('webhook-timestamp'),
          'webhook-signature': header('webhook-signature'),
        },
        body,
      ),
    });
  };
  app.post('/hooks/ok', (req, res) => {
    record(req);
    res.status(204).end();
  });
  app.post('/hooks/broken', (req, res) => {
    record(req);
    res.status(500).send('database unavailable');
  });
  app.post('/hooks/moved', (_req, res) => {
    res.redirect(302, '/hooks/ok');
  });
  app.post('/hooks/silent', () => {
    // Never answers: the delivery must give up at its timeout.
  });
  return app;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

describe('deliverWebhook', () => {
  const received: Received[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(receiver(received));
    base = `http://127.0.0.1:${await listen(server)}`;
  });

  afterAll(() => close(server));

  beforeEach(() => {
    received.length = 0;
  });

  const delivery = {
    secret: SECRET,
    eventId: 'evt_01HZX',
    type: 'port_in_order.foc_date_set' as const,
    payload: { orderId: 'po_9', focDate: '2026-03-09', phoneNumbers: ['+14155550100'] },
    timeoutMs: 2_000,
  };

  it('posts a signed event that the receiver verifies', async () => {
    const result = await deliverWebhook({
      ...delivery,
      url: `${base}/hooks/ok`,
      createdAt: '2026-03-02T15:00:00.000Z',
    });
    expect(result).toMatchObject({ ok: true, statusCode: 204 });
    expect(result.error).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit.verification).toBeUndefined(); // valid and fresh
    expect(hit.headers['webhook-id']).toBe('evt_01HZX');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hit.body) as WebhookEvent).toEqual({
      id: 'evt_01HZX',
      type: 'port_in_order.foc_date_set',
      createdAt: '2026-03-02T15:00:00.000Z',
      data: delivery.payload,
    });
  });

  it('defaults createdAt to the time of the attempt', async () => {
    const before = Date.now();
    await deliverWebhook({ ...delivery, url: `${base}/hooks/ok` });
    const createdAt = Date.parse((JSON.parse(received[0].body) as WebhookEvent).createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('a signature made with another secret fails verification', async () => {
    await deliverWebhook({ ...delivery, secret: 'someone-else', url: `${base}/hooks/ok` });
    expect(received[0].verification).toBe('bad_signature');
  });

  it('reports a non-2xx answer as ok:false with the status', async () => {
    const result = await deliverWebhook({ ...delivery, url: `${base}/hooks/broken` });
    expect(result).toMatchObject({ ok: false, statusCode: 500 });
    expect(result.error).toBe('receiver answered HTTP 500: database unavailable');
  });

  it('does not follow redirects', async () => {
    const result = await deliverWebhook({ ...delivery, url: `${base}/hooks/moved` });
    expect(result).toMatchObject({ ok: false, statusCode: 302 });
    expect(received).toHaveLength(0);
  });

  it('gives up at the timeout', async () => {
    const result = await deliverWebhook({ ...delivery, url: `${base}/hooks/silent`, timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, error: 'timed out after 100 ms' });
    expect(result.statusCode).toBeUndefined();
  });

  it('reports a refused connection as ok:false without throwing', async () => {
    const gone = createServer();
    const port = await listen(gone);
    await close(gone); // the port is now free: nothing listens there
    const result = await deliverWebhook({ ...delivery, url: `http://127.0.0.1:${port}/hooks` });
    expect(result.ok).toBe(false);
    expect(result.statusCode).toBeUndefined();
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it('reports an unusable URL as ok:false', async () => {
    const result = await deliverWebhook({ ...delivery, url: 'not a url' });
    expect(result.ok).toBe(false);
    expect(result.error).toBeTruthy();
  });

  it('uses the injected fetch and sends the Standard Webhooks headers', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    const result = await deliverWebhook({ ...delivery, url: 'https://customer.example/hooks', fetchImpl });
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].init.method).toBe('POST');
    expect(verify(SECRET, headers, calls[0].init.body as string)).toBeUndefined();
  });

  it('turns a throwing fetch into ok:false', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND customer.example') });
    }) as typeof fetch;
    const result = await deliverWebhook({ ...delivery, url: 'https://customer.example/hooks', fetchImpl });
    expect(result).toMatchObject({
      ok: false,
      error: 'fetch failed: getaddrinfo ENOTFOUND customer.example',
    });
  });

  it('exports the event types customers can subscribe to', () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([
      'port_in_order.status_changed',
      'port_in_number.status_changed',
      'port_in_order.foc_date_set',
      'port_in_order.rejected',
      'port_in_order.canceled',
      'port_in_order.completed',
    ]);
  });
});
