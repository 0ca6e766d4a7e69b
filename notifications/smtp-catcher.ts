/**
 * A local SMTP server for development and tests: accepts every message (no TLS, any or no
 * credentials), stores it as a .eml file and keeps it in memory, and shows the inbox over HTTP:
 * as pages a person reads in a browser (catcher-pages.ts) and as JSON for tests and scripts.
 * The .eml files are the inbox: at start it is rebuilt from them, so it survives a restart.
 * It lets the real mailer and a real SMTP conversation run without an outside mail service.
 */
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { headerRecord, Inbox, type CaughtMessage, type MessagePredicate } from './catcher-inbox';
import { BODY_CSP, inboxPage, messagePage, notFoundPage, PAGE_CSP } from './catcher-pages';

export type { CaughtMessage, MessagePredicate } from './catcher-inbox';

export interface SmtpCatcherOptions {
  /** 0 picks a free port. */
  smtpPort: number;
  /** 0 picks a free port. */
  httpPort: number;
  /** Folder for the .eml files; created when missing. */
  dir: string;
  host?: string;
}

export interface SmtpCatcher {
  smtpPort: number;
  httpPort: number;
  messages(): CaughtMessage[];
  /** Resolves with the first message (already caught or arriving later) that matches. */
  waitFor(predicate: MessagePredicate, timeoutMs?: number): Promise<CaughtMessage>;
  close(): Promise<void>;
}

// Generous for notification emails, small enough that a runaway client cannot exhaust memory.
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const DEFAULT_WAIT_MS = 5_000;

async function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error('message exceeds the size limit'), { responseCode: 552 });
  }
  return Buffer.concat(chunks);
}

/** `<receivedAt, ':' and '.' as '-'>-<id>.eml`: sortable, and valid on every file system. */
const STORED_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([0-9a-z]+)\.eml$/i;

const storedName = (receivedAt: Date, id: string) =>
  `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${id}.eml`;

/**
 * The envelope goes into the stored file as a delivering MTA writes it (Return-Path, and the
 * recipients it delivered to), so the file alone rebuilds the message after a restart: the To
 * header does not name Bcc recipients, and a message may have been delivered to other addresses.
 */
function withEnvelope(raw: Buffer, session: SMTPServerSession): Buffer {
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
  const trace = `Return-Path: <${oneLine(from)}>\r\nX-Envelope-To: ${oneLine(to)}\r\n`;
  return Buffer.concat([Buffer.from(trace, 'utf8'), raw]);
}

async function storeMessage(raw: Buffer, session: SMTPServerSession, dir: string): Promise<CaughtMessage> {
  const id = randomBytes(6).toString('hex');
  const receivedAt = new Date();
  const file = path.join(dir, storedName(receivedAt, id));
  const stored = withEnvelope(raw, session);
  await writeFile(file, stored);
  return caughtFrom(stored, file, id, receivedAt);
}

/** The message as the inbox keeps it, read from its stored bytes (the same at receipt and at a restart). */
async function caughtFrom(
  stored: Buffer,
  file: string,
  id: string,
  receivedAt: Date,
): Promise<CaughtMessage> {
  const parsed = await simpleParser(stored);
  const headers = headerRecord(parsed);
  const envelopeFrom = (headers['return-path'] ?? '').replace(/^<|>$/g, '');
  const envelopeTo = (headers['x-envelope-to'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const headerTo = [parsed.to ?? []]
    .flat()
    .flatMap((a) => a.value.map((v) => v.address ?? ''))
    .filter(Boolean);
  return {
    id,
    file,
    receivedAt: receivedAt.toISOString(),
    from: parsed.from?.text ?? envelopeFrom,
    to: envelopeTo.length ? envelopeTo : headerTo,
    subject: parsed.subject ?? '',
    ...(parsed.date ? { date: parsed.date.toISOString() } : {}),
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    ...(headers['x-idempotency-key'] ? { idempotencyKey: headers['x-idempotency-key'] } : {}),
    text: parsed.text ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    headers,
  };
}

/**
 * Rebuilds the inbox from the stored files, oldest first (their names sort by arrival). A file that
 * cannot be read as a message is left alone and skipped, so one bad file never keeps the catcher down.
 */
async function loadStoredMessages(dir: string): Promise<CaughtMessage[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
  const loaded: CaughtMessage[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const m = STORED_NAME.exec(name);
      const id = m ? m[6] : name.slice(0, -'.eml'.length);
      const receivedAt = m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : (await stat(file)).mtime;
      loaded.push(await caughtFrom(await readFile(file), file, id, receivedAt));
    } catch (error) {
      console.warn(`smtp catcher: skipped ${file}: ${(error as Error).message}`);
    }
  }
  return loaded;
}

/**
 * A person's browser asks for text/html by name; scripts and tests (curl, fetch: `*\/*`) keep what
 * they had: JSON for lists, the raw .eml for a message. `?format=` overrides either way.
 */
function wants(req: express.Request, fallback: 'json' | 'eml'): 'html' | 'json' | 'eml' {
  const format = req.query.format;
  if (format === 'html' || format === 'json' || format === 'eml') return format;
  const accept = req.get('accept') ?? '';
  if (/\btext\/html\b/i.test(accept)) return 'html';
  if (fallback === 'eml' && req.accepts(['message/rfc822', 'application/json']) === 'application/json')
    return 'json';
  return fallback;
}

function sendPage(res: express.Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    })
    .type('html')
    .send(html);
}

function inboxApp(inbox: Inbox): express.Express {
  const app = express();
  app.get('/', (_req, res) => sendPage(res, 200, inboxPage(inbox.list())));
  // JSON (oldest first) for scripts and tests; the inbox page (newest first) for a browser.
  app.get('/messages', (req, res) => {
    if (wants(req, 'json') === 'html') sendPage(res, 200, inboxPage(inbox.list()));
    else res.json(inbox.list());
  });
  // A browser gets the message rendered; JSON with ?format=json or Accept: application/json; else the raw .eml.
  app.get('/messages/:id', async (req, res) => {
    const message = inbox.get(req.params.id);
    const format = wants(req, 'eml');
    if (!message) {
      if (format === 'html') sendPage(res, 404, notFoundPage());
      else res.status(404).json({ error: 'no such message' });
      return;
    }
    if (format === 'html') sendPage(res, 200, messagePage(message));
    else if (format === 'json') res.json(message);
    else res.type('message/rfc822').send(await readFile(message.file));
  });
  // The message's HTML part, for the sandboxed frame of its page: sandboxed by its CSP too, so
  // opening it directly runs no script either.
  app.get('/messages/:id/body.html', (req, res) => {
    const message = inbox.get(req.params.id);
    if (!message?.html) {
      res.status(404).json({ error: 'no such message or no HTML part' });
      return;
    }
    res
      .set({
        'Content-Security-Policy': BODY_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      })
      .type('html')
      .send(message.html);
  });
  // The raw .eml, to open in a mail client.
  app.get('/messages/:id/raw.eml', async (req, res) => {
    const message = inbox.get(req.params.id);
    if (!message) {
      res.status(404).json({ error: 'no such message' });
      return;
    }
    res
      .type('message/rfc822')
      .set('Content-Disposition', `attachment; filename="${path.basename(message.file)}"`)
      .send(await readFile(message.file));
  });
  app.delete('/messages', async (_req, res) => {
    const removed = inbox.clear();
    await Promise.all(removed.map((m) => rm(m.file, { force: true })));
    res.status(204).end();
  });
  return app;
}

/** Resolves once `start` is listening, rejects on its first error (e.g. the port is taken). */
function listening(emitter: EventEmitter, start: (onListening: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    emitter.once('error', reject);
    start(() => {
      emitter.off('error', reject);
      resolve();
    });
  });
}

function boundPort(server: { address(): AddressInfo | string | null }): number {
  return (server.address() as AddressInfo).port;
}

export async function startSmtpCatcher(options: SmtpCatcherOptions): Promise<SmtpCatcher> {
  const host = options.host ?? '127.0.0.1';
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const inbox = new Inbox();
  // Before the SMTP port opens: a message arriving now lands after the stored ones, in order.
  for (const message of await loadStoredMessages(dir)) inbox.add(message);

  const smtp = new SMTPServer({
    // Plain text and open: this is a local catcher, and STARTTLS with a self-signed certificate
    // would make nodemailer refuse to send.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      // Answer the client only once the message is stored, so a resolved send is already in the inbox.
      readMessage(stream)
        .then((raw) => storeMessage(raw, session, dir))
        .then(
          (message) => {
            inbox.add(message);
            callback(null, `queued as ${message.id}`);
          },
          (error: Error) => callback(error),
        );
    },
  });
  // Clients dropping connections surface as server errors; they must not crash the catcher.
  smtp.on('error', () => undefined);
  await listening(smtp, (done) => smtp.listen(options.smtpPort, host, done));

  const http = createServer(inboxApp(inbox));
  try {
    await listening(http, (done) => http.listen(options.httpPort, host, done));
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(resolve));
    throw error;
  }

  return {
    smtpPort: boundPort(smtp.server),
    httpPort: boundPort(http),
    messages: () => inbox.list(),
    waitFor: (predicate, timeoutMs = DEFAULT_WAIT_MS) => inbox.waitFor(predicate, timeoutMs),
    async close() {
      inbox.close();
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections(); // idle keep-alive sockets would otherwise hold close() open
      await Promise.all([httpClosed, new Promise<void>((resolve) => smtp.close(resolve))]);
    },
  };
}
