/**
 * A real SMTP round trip: the mailer talks SMTP to the catcher on free local ports, and the
 * message is checked where a developer would look for it: in memory, over HTTP and on disk.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMailer, messageIdFor, type Mailer, type OutgoingEmail } from '../../../notifications/mailer';
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from '../../../notifications/smtp-catcher';

const KEY = 'po_9:foc_assigned:2026-03-09';

const focEmail: OutgoingEmail = {
  kind: 'foc_assigned',
  idempotencyKey: KEY,
  orderId: 'po_9',
  customerReference: 'Store #12',
  to: 'owner@customer.example',
  timeZone: 'America/New_York',
  phoneNumbers: ['+14155550100'],
  focDate: '2026-03-09',
};

describe('mailer over SMTP into the catcher', () => {
  let dir: string;
  let catcher: SmtpCatcher;
  let mailer: Mailer;
  let inboxUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'smtp-catcher-'));
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, dir });
    inboxUrl = `http://127.0.0.1:${catcher.httpPort}/messages`;
    mailer = createMailer({
      host: '127.0.0.1',
      port: catcher.smtpPort,
      from: 'Porting <porting@example.test>',
    });
  });

  afterAll(async () => {
    mailer.close();
    await catcher.close();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    const cleared = await fetch(inboxUrl, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
  });

  it('verifies the connection', async () => {
    await expect(mailer.verify()).resolves.toBeUndefined();
  });

  it('delivers the rendered email with headers derived from the idempotency key', async () => {
    const { messageId } = await mailer.send(focEmail);
    expect(messageId).toBe(messageIdFor(KEY));
    expect(messageId).toMatch(/^<[0-9a-f]{32}@port-in-orchestrator>$/);

    const [caught] = catcher.messages();
    expect(caught).toMatchObject({
      to: ['owner@customer.example'],
      messageId,
      idempotencyKey: KEY,
      subject: 'Port-in order po_9 (Store #12): port date set for 2026-03-09',
    });
    expect(caught.from).toContain('porting@example.test');
    expect(caught.headers['x-port-in-email-kind']).toBe('foc_assigned');
    expect(caught.text).toContain('Monday, March 9, 2026, 00:00 EDT (America/New_York)');
    expect(caught.text).toContain('Do not cancel service with your current carrier');
    expect(caught.html).toContain('Store #12');
  });

  it('shows the message over HTTP: the list, JSON by id, and the raw .eml', async () => {
    await mailer.send(focEmail);
    const list = (await (await fetch(inboxUrl)).json()) as CaughtMessage[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      subject: expect.stringContaining('po_9'),
      to: ['owner@customer.example'],
    });
    expect(list[0].headers['x-idempotency-key']).toBe(KEY);
    expect(typeof list[0].date).toBe('string');

    const asJson = await fetch(`${inboxUrl}/${list[0].id}?format=json`);
    expect(((await asJson.json()) as CaughtMessage).idempotencyKey).toBe(KEY);

    const raw = await fetch(`${inboxUrl}/${list[0].id}`);
    expect(raw.headers.get('content-type')).toContain('message/rfc822');
    const eml = await raw.text();
    expect(eml).toContain(`X-Idempotency-Key: ${KEY}`);
    expect(eml).toContain(`Message-ID: ${messageIdFor(KEY)}`);

    expect((await fetch(`${inboxUrl}/nope`)).status).toBe(404);
  });

  it('stores each message as <timestamp>-<id>.eml, and DELETE removes the files', async () => {
    await mailer.send(focEmail);
    const [caught] = catcher.messages();
    const files = await readdir(dir);
    expect(files).toEqual([path.basename(caught.file)]);
    expect(files[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z-${caught.id}\\.eml$`));
    expect(await readFile(caught.file, 'utf8')).toContain(`X-Idempotency-Key: ${KEY}`);

    await fetch(inboxUrl, { method: 'DELETE' });
    expect(catcher.messages()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('makes a repeated send recognisable: same Message-ID and key', async () => {
    await mailer.send(focEmail);
    await mailer.send(focEmail);
    const [first, second] = catcher.messages();
    expect(second.messageId).toBe(first.messageId);
    expect(second.idempotencyKey).toBe(first.idempotencyKey);
    expect(second.id).not.toBe(first.id);
  });

  it('accepts any credentials, as a development server should', async () => {
    const withAuth = createMailer({
      host: '127.0.0.1',
      port: catcher.smtpPort,
      from: 'porting@example.test',
      auth: { user: 'dev', pass: 'anything' },
    });
    try {
      await withAuth.send({ ...focEmail, idempotencyKey: 'with-auth' });
    } finally {
      withAuth.close();
    }
    expect(catcher.messages().map((m) => m.idempotencyKey)).toEqual(['with-auth']);
  });

  it('waitFor resolves on a later message and rejects after its timeout', async () => {
    const waiting = catcher.waitFor((m) => m.idempotencyKey === 'later', 5_000);
    await mailer.send({ ...focEmail, idempotencyKey: 'later' });
    await expect(waiting).resolves.toMatchObject({ idempotencyKey: 'later' });
    await expect(catcher.waitFor((m) => m.idempotencyKey === 'never', 50)).rejects.toThrow(/within 50 ms/);
  });

  it('fails a send when no SMTP server listens', async () => {
    const closed = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, dir });
    const port = closed.smtpPort;
    await closed.close();
    const nowhere = createMailer({ host: '127.0.0.1', port, from: 'porting@example.test' });
    try {
      await expect(nowhere.send(focEmail)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      nowhere.close();
    }
  });
});
