/**
 * portctl against the real stack (API, store, Temporal, simulator, SMTP catcher), run as `npx portctl`
 * runs it (bin/portctl.js, the committed shim, as a child process):
 * - issue #12 item 5: a request split into several drafts shows each draft's own numbers in the
 *   create answer, GET, the list and portctl's list and show;
 * - issue #14: what a customer no longer does by hand, from support's CLI: the requirements checklist,
 *   port-date options, the generated LOA, an e-signature request whose emailed link is signed, the
 *   signed LOA listed and downloaded back as stored, then comments (internal notes for support only).
 * The unit tests (test/unit/cli) check each command's requests and output against a fake API; this
 * one checks that the commands and the real API agree.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { addDays, localDate } from '../../domain/calendar';
import { api, orderBody } from '../support/api-client';
import { createDraft } from '../support/order-fixtures';
import { pdfText } from '../support/pdf-text';
import { runProcess } from '../support/run-process';
import { waitForMail } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '../..');
const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `portctl <args>` with the support key, in `cwd` (where it writes files), as the package's bin. */
function portctl(args: string[], cwd: string): Promise<Run> {
  return runProcess(process.execPath, [path.join(ROOT, 'bin/portctl.js'), ...args], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: mkdtempSync(path.join(tmpdir(), 'portctl-home-')), // no developer config
      PORTCTL_API_URL: stack.apiUrl,
      PORTCTL_API_KEY: KEYS.supportKey,
    },
  });
}

/** A run that must succeed; its failure output is the test's message. */
async function ok(args: string[], cwd: string): Promise<string> {
  const run = await portctl(args, cwd);
  expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
  return run.stdout;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('a split request: each draft shows its own numbers, in the API and in portctl', async () => {
  const local = ['+12125550931', '+12125550932'];
  const tollFree = '+18005550933';
  const created = await customer().post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: [...local, tollFree] }),
  );
  expect(created.status).toBe(201);
  const drafts = (created.body.orders as { id: string; phoneNumbers: string[] }[]).map((o) => ({
    id: o.id,
    phoneNumbers: o.phoneNumbers,
  }));
  expect(drafts.map((d) => d.phoneNumbers).sort()).toEqual([local, [tollFree]]);

  const list = await customer().get('/v1/port-in-orders').query({ status: 'draft', limit: 100 });
  expect(list.status).toBe(200);
  const cwd = mkdtempSync(path.join(tmpdir(), 'portctl-split-'));
  const listed = await ok(['orders', 'list', '--status', 'draft', '--limit', '100'], cwd);
  for (const { id, phoneNumbers } of drafts) {
    expect((await customer().get(`/v1/port-in-orders/${id}`)).body.phoneNumbers).toEqual(phoneNumbers);
    expect(list.body.data.find((o: { id: string }) => o.id === id)?.phoneNumbers).toEqual(phoneNumbers);
    // portctl's list row and its show name the numbers of that draft, and not the other's.
    const row = listed.split('\n').find((l) => l.startsWith(id));
    expect(row).toContain(phoneNumbers.join(','));
    const shown = await ok(['orders', 'show', id], cwd);
    for (const n of phoneNumbers) expect(shown).toMatch(new RegExp(`^\\${n}\\s+draft`, 'm'));
    for (const n of [...local, tollFree].filter((x) => !phoneNumbers.includes(x)))
      expect(shown).not.toContain(n);
  }
});

test('from draft to submitted with portctl: checklist, port dates, LOA, e-signature, documents, comments', async () => {
  const email = 'portctl-sign@example.test';
  const id = await createDraft(customer(), '+12125550941', { notificationEmail: email });
  const issuedOn = addDays(localDate(Date.now(), 'America/New_York'), -1);
  expect(
    (await customer().upload(`/v1/port-in-orders/${id}/documents`, { kind: 'bill', issuedOn })).status,
  ).toBe(201);
  const cwd = mkdtempSync(path.join(tmpdir(), 'portctl-tools-'));

  // What submit still needs: the LOA, for the number.
  expect(await ok(['requirements', id], cwd)).toMatch(/\+12125550941\s+loa\s+MISSING/);
  const checklist = JSON.parse(await ok(['--json', 'requirements', id], cwd));
  const support = api(stack.apiUrl, KEYS.supportKey);
  expect(checklist).toEqual((await support.get(`/v1/port-in-orders/${id}/requirements`)).body);

  // The dates that may be asked for are the API's.
  const dates = JSON.parse(await ok(['--json', 'port-dates', id], cwd));
  expect(dates.purpose).toBe('requested_port_date');
  expect(await ok(['port-dates', id], cwd)).toContain(dates.dates[0].date);

  // The generated LOA, written where asked (the account number masked for staff).
  await ok(['loa', id, '--output', 'loa.pdf'], cwd);
  const letter = (await pdfText(readFileSync(path.join(cwd, 'loa.pdf')))).lines.join('\n');
  expect(letter).toContain('Ada Lovelace');
  expect(letter).toContain(id);
  expect(letter).not.toContain('987654321');

  // An e-signature request: the link comes by email and signing it makes the order's LOA.
  const asked = await ok(['loa', id, '--request-signature'], cwd);
  expect(asked).toContain(`is on its way to ${email}`);
  expect(asked).toContain('(America/New_York)');
  const mail = await waitForMail(stack, email, /please sign the letter of authorization/, 30_000);
  const link = new URL(/(http:\/\/\S+\/loa-signing\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]);
  const signed = await request(stack.apiUrl)
    .post(link.pathname)
    .type('form')
    .send({ fullName: 'Ada Lovelace', consent: 'yes' });
  expect(signed.status).toBe(200);
  expect(await ok(['requirements', id], cwd)).toContain(`${id} (draft): ready to submit`);

  // The documents back: the bill and the signed LOA, one saved with the hash the list gives.
  const documents = JSON.parse(await ok(['--json', 'documents', id], cwd)).data as {
    id: string;
    kind: string;
    sha256: string;
  }[];
  expect(documents.map((d) => d.kind).sort()).toEqual(['bill', 'loa']);
  const loa = documents.find((d) => d.kind === 'loa')!;
  expect(await ok(['documents', id], cwd)).toMatch(new RegExp(`^${loa.id}\\s+loa\\s+application/pdf`, 'm'));
  await ok(['documents', id, '--download', loa.id, '--output', 'signed.pdf'], cwd);
  const saved = readFileSync(path.join(cwd, 'signed.pdf'));
  expect(sha(saved)).toBe(loa.sha256);
  expect((await pdfText(saved)).lines.join('\n')).toContain('Electronic signature');

  // Submitted without an LOA produced by hand; a signature request is then refused, exit 1.
  expect((await customer().post(`/v1/port-in-orders/${id}/submit`)).status).toBe(202);
  const late = await portctl(['loa', id, '--request-signature'], cwd);
  expect(late.code).toBe(1);
  expect(late.stderr).toContain('not_a_draft, HTTP 409');

  // Comments: support's note stays with staff; the customer's thread never shows it.
  expect(await ok(['comments', id, '--add', 'Signed online, submitted.'], cwd)).toContain('comment 1 added');
  expect(await ok(['comments', id, '--add', 'Checked the signer.', '--internal'], cwd)).toContain(
    'internal note 2 added',
  );
  const thread = await ok(['comments', id], cwd);
  expect(thread).toMatch(/^1\s+.+\(America\/New_York\)\s+support.*Signed online, submitted\./m);
  expect(thread).toMatch(/^2\s+.+internal note\s+Checked the signer\./m);
  const theirs = await customer().get(`/v1/port-in-orders/${id}/comments`);
  expect(theirs.body.data.map((c: { seq: number }) => c.seq)).toEqual([1]);
});
