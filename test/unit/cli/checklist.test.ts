/** portctl requirements | port-dates | documents [--download]: what they ask the API and what they print. */
import express from 'express';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perTestFile } from '../../support/per-file';
import { SUPPORT_KEY } from './fake-api';
import { runCli } from './run-cli';

jest.setTimeout(30_000);

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const requested: string[] = [];
const loaMissing = { code: 'loa_missing', field: 'numbers[0]', message: 'No LOA covers +12125550147.' };
const requirement = (id: string, status: string, problems: unknown[] = []) => ({
  requirement: id,
  title: id,
  description: id,
  status,
  problems,
});

const server = perTestFile(
  'a fake API',
  async () => {
    const app = express();
    app.use((req, res, next) => {
      requested.push(`${req.method} ${req.path}`);
      if (req.header('authorization') !== `Bearer ${SUPPORT_KEY}`) return res.status(401).end();
      next();
    });
    const base = '/v1/port-in-orders/pio_1';
    app.get(`${base}/requirements`, (_req, res) =>
      res.json({
        orderId: 'pio_1',
        status: 'draft',
        submittable: false,
        today: '2026-12-07',
        order: [requirement('service_address', 'met')],
        numbers: [
          {
            index: 0,
            phoneNumber: '+12125550147',
            met: false,
            requirements: [requirement('loa', 'missing', [loaMissing])],
          },
        ],
        problems: [loaMissing],
        warnings: [],
      }),
    );
    app.get(`${base}/port-date-options`, (_req, res) =>
      res.json({
        orderId: 'pio_1',
        status: 'in_progress',
        purpose: 'port_date_change',
        country: 'US',
        timeZone: 'America/New_York',
        today: '2026-12-21',
        leadBusinessDays: 3,
        horizonDays: 60,
        focDate: '2026-12-24',
        earliest: '2026-12-24',
        latest: '2027-02-19',
        dates: [
          { date: '2026-12-24', feeCents: 1300 },
          { date: '2026-12-28', feeCents: 1300 },
        ],
        holidays: ['2026-12-25'],
        quote: { currency: 'USD', numbers: [], totalCents: 1300, allowed: true },
      }),
    );
    const doc = {
      id: 'doc_1',
      kind: 'loa',
      phoneNumbers: [],
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(PDF).digest('hex'),
      size: PDF.length,
      uploadedAt: '2026-12-07T10:15:00.000Z',
    };
    app.get(`${base}/documents`, (_req, res) => res.json({ data: [doc] }));
    app.get(base, (_req, res) => res.json({ id: 'pio_1', status: 'draft', timeZone: 'America/New_York' }));
    app.get(`${base}/documents/doc_1`, (_req, res) =>
      res
        .type('application/pdf')
        // A hostile name must never choose where the file goes.
        .set('Content-Disposition', 'attachment; filename="../../evil.pdf"')
        .send(PDF),
    );
    app.get(`${base}/documents/doc_x`, (_req, res) =>
      res
        .status(404)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: 'document not found',
            status: 404,
            code: 'not_found',
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

test('requirements prints each requirement with its status and why', async () => {
  const r = await runCli(['requirements', 'pio_1'], env());
  expect(r.code).toBe(0);
  expect(requested).toEqual(['GET /v1/port-in-orders/pio_1/requirements']);
  expect(r.stdout).toContain('pio_1 (draft): 1 requirement(s) not met');
  expect(r.stdout).toMatch(/order\s+service_address\s+ok/);
  expect(r.stdout).toMatch(/\+12125550147\s+loa\s+MISSING\s+No LOA covers \+12125550147\./);
});

test('port-dates prints the dates with the fee of a change', async () => {
  const r = await runCli(['port-dates', 'pio_1'], env());
  expect(r.code).toBe(0);
  expect(requested).toEqual(['GET /v1/port-in-orders/pio_1/port-date-options']);
  expect(r.stdout).toMatch(/fee if changed now\s+\$13\.00/);
  expect(r.stdout).toMatch(/2026-12-24\s+\$13\.00/);
  expect(r.stdout).toMatch(/holidays left out\s+2026-12-25/);
});

test('documents lists them; --download writes the bytes under a safe name, never over a file', async () => {
  const list = await runCli(['documents', 'pio_1'], env());
  expect(list.stdout).toMatch(/^doc_1\s+loa\s+application\/pdf/m);
  // Uploaded on the order's wall clock, the zone named (the order is read for it).
  expect(list.stdout).toContain('Mon 7 Dec 2026, 05:15 EST (America/New_York)');
  expect(requested.sort()).toEqual([
    'GET /v1/port-in-orders/pio_1',
    'GET /v1/port-in-orders/pio_1/documents',
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'portctl-dl-'));
  const out = join(dir, 'loa.pdf');
  const r = await runCli(['documents', 'pio_1', '--download', 'doc_1', '--output', out, '--json'], env());
  expect(r.code).toBe(0);
  expect(readFileSync(out)).toEqual(PDF);
  expect(JSON.parse(r.stdout)).toMatchObject({ path: out, size: PDF.length, contentType: 'application/pdf' });
  writeFileSync(join(dir, 'taken.pdf'), 'mine');
  const again = await runCli(
    ['documents', 'pio_1', '--download', 'doc_1', '--output', join(dir, 'taken.pdf')],
    env(),
  );
  expect(again.code).toBe(1);
  expect(readFileSync(join(dir, 'taken.pdf'), 'utf8')).toBe('mine');
});

test('documents --download of an unknown document reports the API’s 404', async () => {
  const r = await runCli(['documents', 'pio_1', '--download', 'doc_x'], env());
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('document not found');
});
