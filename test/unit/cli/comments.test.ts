/**
 * portctl comments [--add [--internal]] and portctl loa [--request-signature [--email]]: what they ask
 * the API and what they print (instants on the order's wall clock, the zone named).
 */
import express from 'express';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perTestFile } from '../../support/per-file';
import { SUPPORT_KEY } from './fake-api';
import { runCli } from './run-cli';

jest.setTimeout(30_000);

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const requested: string[] = [];
const comment = (seq: number, extra: object = {}) => ({
  id: `pio_1:${seq}`,
  orderId: 'pio_1',
  seq,
  author: 'customer',
  internal: false,
  body: 'When will it port?',
  createdAt: '2026-12-06T10:00:00.000Z',
  ...extra,
});

const server = perTestFile(
  'a fake API',
  async () => {
    const app = express();
    app.use(express.json());
    app.use((req, res, next) => {
      requested.push(
        `${req.method} ${req.path} ${req.method === 'POST' ? JSON.stringify(req.body) : ''}`.trim(),
      );
      if (req.header('authorization') !== `Bearer ${SUPPORT_KEY}`) return res.status(401).end();
      next();
    });
    const base = '/v1/port-in-orders/pio_1';
    app.get(`${base}/comments`, (_req, res) =>
      res.json({
        data: [
          comment(1),
          comment(2, { author: 'support', authorName: 'e2e', internal: true, body: 'slow carrier' }),
        ],
      }),
    );
    app.post(`${base}/comments`, (req, res) =>
      res
        .status(201)
        .json(comment(3, { author: 'support', internal: req.body.internal === true, body: req.body.body })),
    );
    app.get(`${base}/loa`, (_req, res) => res.type('application/pdf').send(PDF));
    // The order, for its zone (pio_3 has none to read: its look-up fails).
    for (const id of ['pio_1', 'pio_2'])
      app.get(`/v1/port-in-orders/${id}`, (_req, res) =>
        res.json({ id, status: 'draft', timeZone: 'America/New_York' }),
      );
    for (const id of ['pio_1', 'pio_3'])
      app.post(`/v1/port-in-orders/${id}/loa/signature-requests`, (req, res) =>
        res.status(201).json({
          id: 'sig_1',
          orderId: id,
          email: req.body.email ?? 'ada@example.test',
          expiresAt: '2026-12-09T15:00:00.000Z',
        }),
      );
    app.post('/v1/port-in-orders/pio_2/loa/signature-requests', (_req, res) =>
      res
        .status(409)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: "the order is in_review; only a draft's LOA can be signed",
            status: 409,
            code: 'not_a_draft',
          }),
        ),
    );
    const listening = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
    return listening;
  },
  (listening) => new Promise<void>((resolve) => listening.close(() => resolve())),
);
const env = () => ({
  PORTCTL_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  PORTCTL_API_KEY: SUPPORT_KEY,
});
beforeEach(() => (requested.length = 0));

test('comments prints the thread in the order’s zone, internal notes marked', async () => {
  const r = await runCli(['comments', 'pio_1'], env());
  expect(r.code).toBe(0);
  // The order is read too, for the zone its instants are shown in.
  expect(requested.sort()).toEqual(['GET /v1/port-in-orders/pio_1', 'GET /v1/port-in-orders/pio_1/comments']);
  expect(r.stdout).toMatch(
    /1\s+Sun 6 Dec 2026, 05:00 EST \(America\/New_York\)\s+customer\s+When will it port\?/,
  );
  expect(r.stdout).toMatch(/2\s+.+\(America\/New_York\)\s+support \(e2e\), internal note\s+slow carrier/);
});

test('comments --json prints the thread as the API sent it (UTC), with no second call', async () => {
  const r = await runCli(['comments', 'pio_1', '--json'], env());
  expect(r.code).toBe(0);
  expect(requested).toEqual(['GET /v1/port-in-orders/pio_1/comments']);
  expect(JSON.parse(r.stdout).data[0].createdAt).toBe('2026-12-06T10:00:00.000Z');
});

test('comments --add posts the comment; --internal makes it a note; --internal alone is a usage error', async () => {
  const r = await runCli(['comments', 'pio_1', '--add', 'Checked the CSR', '--internal'], env());
  expect(r.code).toBe(0);
  expect(requested).toEqual([
    'POST /v1/port-in-orders/pio_1/comments {"body":"Checked the CSR","internal":true}',
  ]);
  expect(r.stdout).toContain('pio_1: internal note 3 added');
  expect((await runCli(['comments', 'pio_1', '--internal'], env())).code).toBe(2);
});

test('loa writes the PDF, never over an existing file', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'portctl-loa-')), 'loa.pdf');
  const r = await runCli(['loa', 'pio_1', '--output', out], env());
  expect(r.code).toBe(0);
  expect(readFileSync(out)).toEqual(PDF);
  expect((await runCli(['loa', 'pio_1', '--output', out], env())).code).toBe(1);
});

test('loa --request-signature asks the API to email a signing link and says until when it works', async () => {
  const r = await runCli(['loa', 'pio_1', '--request-signature'], env());
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(requested).toEqual([
    'POST /v1/port-in-orders/pio_1/loa/signature-requests {}',
    'GET /v1/port-in-orders/pio_1',
  ]);
  expect(r.stdout).toContain('pio_1: a signing link (sig_1) is on its way to ada@example.test');
  expect(r.stdout).toContain('until Wed 9 Dec 2026, 10:00 EST (America/New_York)');

  const to = await runCli(
    ['loa', 'pio_1', '--request-signature', '--email', 'cfo@example.test', '--json'],
    env(),
  );
  expect(to.code).toBe(0);
  expect(requested.slice(2)).toEqual([
    'POST /v1/port-in-orders/pio_1/loa/signature-requests {"email":"cfo@example.test"}',
  ]);
  expect(JSON.parse(to.stdout)).toEqual({
    id: 'sig_1',
    orderId: 'pio_1',
    email: 'cfo@example.test',
    expiresAt: '2026-12-09T15:00:00.000Z',
  });
});

test('loa --request-signature: sent is sent even when the order’s zone cannot be read (UTC, named)', async () => {
  const r = await runCli(['loa', 'pio_3', '--request-signature'], env());
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('until Wed 9 Dec 2026, 15:00 UTC (UTC)');
});

test('loa --request-signature: the API’s refusal is exit 1 with its code; wrong option pairs send nothing', async () => {
  const refused = await runCli(['loa', 'pio_2', '--request-signature'], env());
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('not_a_draft, HTTP 409');
  expect(refused.stdout).toBe('');
  requested.length = 0;
  for (const args of [
    ['loa', 'pio_1', '--email', 'cfo@example.test'],
    ['loa', 'pio_1', '--request-signature', '--output', 'x.pdf'],
    ['loa', 'pio_1', '--request-signature', '--email', ' '],
  ])
    expect({ args, code: (await runCli(args, env())).code }).toEqual({ args, code: 2 });
  expect(requested).toEqual([]);
});
