/**
 * Webhook delivery against a real local receiver that verifies signatures the way a customer
 * would (Standard Webhooks), plus the failures the calling activity must see as ok:false, each with
 * its error class and never the receiver's body. The receiver listens on 127.0.0.1, so these
 * deliveries go through the allowlist; without it they are refused before any connection.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import express from 'express';
import type { OutboundPolicy, Resolve } from '../../../security/outbound-url';
import { verify } from '../../../security/standard-webhooks';
import {
  deliverWebhook,
  webhookDeliveryFailure,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
} from '../../../notifications/webhooks';

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
    res.status(500).send('database unavailable; internal token s3cr3t');
  });
  app.post('/hooks/moved', (_req, res) => {
    res.redirect(307, '/hooks/ok'); // 307 would repeat the POST, were it followed
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

/** The receiver's address, allowlisted: deliveries to it may go through. */
const allowing = (...hosts: string[]): OutboundPolicy => ({ httpsOnly: false, allowedHosts: hosts });

describe('deliverWebhook', () => {
  const received: Received[] = [];
  let server: Server;
  let port: number;
  let base: string;
  let policy: OutboundPolicy;

  beforeAll(async () => {
    server = createServer(receiver(received));
    port = await listen(server);
    base = `http://127.0.0.1:${port}`;
    policy = allowing(`127.0.0.1:${port}`);
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
      policy,
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
    await deliverWebhook({ ...delivery, policy, url: `${base}/hooks/ok` });
    const createdAt = Date.parse((JSON.parse(received[0].body) as WebhookEvent).createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('a signature made with another secret fails verification', async () => {
    await deliverWebhook({ ...delivery, policy, secret: 'someone-else', url: `${base}/hooks/ok` });
    expect(received[0].verification).toBe('bad_signature');
  });

  it("reports a non-2xx answer with its status and class, never the receiver's body", async () => {
    const result = await deliverWebhook({ ...delivery, policy, url: `${base}/hooks/broken` });
    expect(result).toEqual({
      ok: false,
      statusCode: 500,
      errorClass: 'http_status',
      error: 'http_status: receiver answered HTTP 500',
      retryable: true,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(result)).not.toMatch(/database|s3cr3t/);
  });

  it('does not follow redirects', async () => {
    const result = await deliverWebhook({ ...delivery, policy, url: `${base}/hooks/moved` });
    expect(result).toMatchObject({
      ok: false,
      statusCode: 307,
      error: 'http_status: receiver answered HTTP 307 (redirects are not followed)',
    });
    expect(received).toHaveLength(0);
  });

  it('gives up at the timeout', async () => {
    const result = await deliverWebhook({ ...delivery, policy, url: `${base}/hooks/silent`, timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, errorClass: 'timeout', error: 'timeout: no answer in time' });
    expect(result.statusCode).toBeUndefined();
  });

  it('reports a refused connection as ok:false without throwing', async () => {
    const gone = createServer();
    const freePort = await listen(gone);
    await close(gone); // the port is now free: nothing listens there
    const result = await deliverWebhook({
      ...delivery,
      policy: allowing('127.0.0.1'),
      url: `http://127.0.0.1:${freePort}/hooks`,
    });
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'connection_refused',
      error: 'connection_refused: ECONNREFUSED',
      retryable: true,
    });
    expect(result.statusCode).toBeUndefined();
  });

  it('reports an unusable URL as ok:false, not worth a retry', async () => {
    const result = await deliverWebhook({ ...delivery, url: 'not a url' });
    expect(result).toMatchObject({ ok: false, errorClass: 'invalid_url', retryable: false });
  });

  describe('destinations', () => {
    it('refuses the receiver when it is not allowlisted: nothing is sent', async () => {
      for (const url of [
        `${base}/hooks/ok`,
        `http://0x7f.1:${port}/hooks/ok`,
        `http://[::ffff:127.0.0.1]:${port}/hooks/ok`,
      ]) {
        const result = await deliverWebhook({ ...delivery, policy: allowing(), url });
        expect(result).toMatchObject({
          ok: false,
          errorClass: 'destination_not_allowed',
          retryable: false,
        });
        expect(result.error).toMatch(/^destination_not_allowed: .* is a loopback address$/);
      }
      // Allowlisting another port of the same host does not open this one.
      const otherPort = await deliverWebhook({
        ...delivery,
        policy: allowing('127.0.0.1:1'),
        url: `${base}/hooks/ok`,
      });
      expect(otherPort).toMatchObject({ ok: false, errorClass: 'destination_not_allowed' });
      expect(received).toHaveLength(0);
    });

    it('reads the allowlist from WEBHOOK_ALLOWED_HOSTS when none is given', async () => {
      const saved = process.env.WEBHOOK_ALLOWED_HOSTS;
      try {
        delete process.env.WEBHOOK_ALLOWED_HOSTS;
        expect(await deliverWebhook({ ...delivery, url: `${base}/hooks/ok` })).toMatchObject({
          errorClass: 'destination_not_allowed',
        });
        process.env.WEBHOOK_ALLOWED_HOSTS = `example.test,127.0.0.1:${port}`;
        expect(await deliverWebhook({ ...delivery, url: `${base}/hooks/ok` })).toMatchObject({ ok: true });
      } finally {
        if (saved === undefined) delete process.env.WEBHOOK_ALLOWED_HOSTS;
        else process.env.WEBHOOK_ALLOWED_HOSTS = saved;
      }
      expect(received).toHaveLength(1);
    });

    it('refuses a hostname resolving to loopback (localhost)', async () => {
      const result = await deliverWebhook({
        ...delivery,
        policy: allowing(),
        url: `http://localhost:${port}/hooks/ok`,
      });
      expect(result).toMatchObject({ ok: false, errorClass: 'destination_not_allowed' });
      expect(received).toHaveLength(0);
    });

    it('refuses a hostname when any of its addresses is internal (a rebinding answer)', async () => {
      const resolve: Resolve = async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ];
      const result = await deliverWebhook({
        ...delivery,
        policy: allowing(),
        resolve,
        url: `http://hooks.customer.test:${port}/hooks/ok`,
      });
      expect(result).toMatchObject({
        ok: false,
        error: 'destination_not_allowed: hooks.customer.test resolves to 127.0.0.1, a loopback address',
      });
      expect(received).toHaveLength(0);
    });

    it('connects to the address it checked, once resolved, keeping the Host header', async () => {
      // hooks.customer.test exists in no DNS: the delivery can only reach the receiver through the
      // address the check resolved (and the allowlist let through), never a second lookup.
      const lookups: string[] = [];
      const resolve: Resolve = async (hostname) => {
        lookups.push(hostname);
        return [{ address: '127.0.0.1', family: 4 }];
      };
      const result = await deliverWebhook({
        ...delivery,
        policy: allowing('hooks.customer.test'),
        resolve,
        url: `http://hooks.customer.test:${port}/hooks/ok`,
      });
      expect(result).toMatchObject({ ok: true, statusCode: 204 });
      expect(lookups).toEqual(['hooks.customer.test']);
      expect(received[0].headers.host).toBe(`hooks.customer.test:${port}`);
    });

    it('reports a host that does not resolve as a DNS failure (worth a retry)', async () => {
      const result = await deliverWebhook({
        ...delivery,
        policy: allowing(),
        resolve: async () => {
          throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
        },
        url: 'https://gone.customer.test/hooks',
      });
      expect(result).toMatchObject({
        ok: false,
        errorClass: 'dns_failure',
        error: 'dns_failure: gone.customer.test did not resolve (ENOTFOUND)',
        retryable: true,
      });
    });
  });

  describe('https', () => {
    let dir: string;
    let tls: ReturnType<typeof createTlsServer>;
    let tlsPort: number;
    const serverNames: (string | undefined)[] = [];

    beforeAll(async () => {
      // A self-signed certificate for hooks.customer.test (not trusted: verification must refuse it).
      dir = mkdtempSync(path.join(tmpdir(), 'webhook-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=hooks.customer.test',
          '-addext',
          'subjectAltName=DNS:hooks.customer.test',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      tls = createTlsServer(
        {
          key: readFileSync(path.join(dir, 'key.pem')),
          cert: readFileSync(path.join(dir, 'cert.pem')),
          SNICallback: (name, done) => {
            serverNames.push(name);
            done(null, undefined);
          },
        },
        receiver(received),
      );
      tlsPort = await listen(tls);
    });

    afterAll(async () => {
      await close(tls);
      rmSync(dir, { recursive: true, force: true });
    });

    it('sends the URL host as SNI to the vetted address, and verifies the certificate', async () => {
      const result = await deliverWebhook({
        ...delivery,
        policy: allowing('hooks.customer.test'),
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
        url: `https://hooks.customer.test:${tlsPort}/hooks/ok`,
      });
      expect(serverNames).toEqual(['hooks.customer.test']);
      expect(result).toMatchObject({ ok: false, errorClass: 'tls_error' }); // self-signed: refused
      expect(result.error).toMatch(/^tls_error: [A-Z_]+$/);
      expect(received).toHaveLength(0);
    });
  });

  it('an activity retries a failed delivery, but not a refused destination', () => {
    const retried = webhookDeliveryFailure({
      ok: false,
      error: 'timeout: no answer in time',
      retryable: true,
      durationMs: 1,
    });
    expect(retried).not.toBeInstanceOf(ApplicationFailure);
    expect(retried.message).toBe('webhook delivery failed: timeout: no answer in time');
    const refused = webhookDeliveryFailure({
      ok: false,
      error: 'destination_not_allowed: 127.0.0.1 is a loopback address',
      retryable: false,
      durationMs: 1,
    });
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({
      nonRetryable: true,
      type: 'WebhookDestinationRefused',
      message: 'webhook delivery failed: destination_not_allowed: 127.0.0.1 is a loopback address',
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
      'port_in_order.comment_added',
    ]);
  });
});
