/**
 * A local SMTP server for development and tests: accepts every message (no TLS, any or no
 * credentials), stores it as a .eml file and keeps it in memory, and shows the inbox over HTTP.
 * It lets the real mailer and a real SMTP conversation run without an outside mail service.
 */
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { headerRecord, Inbox, type CaughtMessage, type MessagePredicate } from './catcher-inbox';

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

async function storeMessage(raw: Buffer, session: SMTPServerSession, dir: string): Promise<CaughtMessage> {
  const id = randomBytes(6).toString('hex');
  const receivedAt = new Date();
  // Sortable, and free of ':' so the name is valid on every file system.
  const file = path.join(dir, `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
  await writeFile(file, raw);
  const parsed = await simpleParser(raw);
  const headers = headerRecord(parsed);
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    id,
    file,
    receivedAt: receivedAt.toISOString(),
    from: parsed.from?.text ?? envelopeFrom,
    to: session.envelope.rcptTo.map((r) => r.address),
    subject: parsed.subject ?? '',
    ...(parsed.date ? { date: parsed.date.toISOString() } : {}),
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    ...(headers['x-idempotency-key'] ? { idempotencyKey: headers['x-idempotency-key'] } : {}),
    text: parsed.text ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    headers,
  };
}

function inboxApp(inbox: Inbox): express.Express {
  const app = express();
  app.get('/messages', (_req, res) => {
    res.json(inbox.list());
  });
  // The raw .eml by default (open it in a mail client); JSON with ?format=json or Accept: application/json.
  app.get('/messages/:id', async (req, res) => {
    const message = inbox.get(req.params.id);
    if (!message) {
      res.status(404).json({ error: 'no such message' });
      return;
    }
    const wantsJson =
      req.query.format === 'json' ||
      req.accepts(['message/rfc822', 'application/json']) === 'application/json';
    if (wantsJson) {
      res.json(message);
      return;
    }
    res.type('message/rfc822').send(await readFile(message.file));
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
