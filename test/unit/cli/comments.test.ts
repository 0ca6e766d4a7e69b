/** portctl comments [--add [--internal]] and portctl loa: what they ask the API and what they print. */
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

test('comments prints the thread, internal notes marked', async () => {
  const r = await runCli(['comments', 'pio_1'], env());
  expect(r.code).toBe(0);
  expect(requested).toEqual(['GET /v1/port-in-orders/pio_1/comments']);
  expect(r.stdout).toMatch(/1\s+2026-12-06T10:00:00.000Z\s+customer\s+When will it port\?/);
  expect(r.stdout).toMatch(/2\s+\S+\s+support \(e2e\), internal note\s+slow carrier/);
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
