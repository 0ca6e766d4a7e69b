/**
 * Sends customer emails over SMTP (nodemailer). Exactly-once delivery is the caller's job (its
 * store records each idempotency key); the mailer makes every send traceable to that key: the
 * Message-ID is derived from it, so a repeated send carries the same Message-ID and receiving
 * systems (and people reading the headers) can recognise the duplicate.
 */
import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { renderEmail, type EmailMessage } from './email-templates';

export interface MailerConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). When false, STARTTLS is used if the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** Sender, e.g. 'Porting <porting@example.com>'. */
  from: string;
}

export type OutgoingEmail = EmailMessage & {
  /** Unique per customer-visible event (e.g. `${orderId}:foc_assigned:${focDate}`). */
  idempotencyKey: string;
};

export interface Mailer {
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  /** Connects and authenticates without sending: a start-up health check. */
  verify(): Promise<void>;
  close(): void;
}

export const MESSAGE_ID_DOMAIN = 'port-in-orchestrator';

/**
 * `<hash@port-in-orchestrator>`: hashed because keys may hold characters a Message-ID cannot.
 * 128 bits of SHA-256 rule out collisions and keep the header on one line (no folding).
 */
export function messageIdFor(idempotencyKey: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
  return `<${digest}@${MESSAGE_ID_DOMAIN}>`;
}

// Bounded waits: a send runs inside a Temporal activity, which must fail (and retry) rather than hang.
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

export function createMailer(config: MailerConfig): Mailer {
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });

  return {
    async send(message) {
      const { subject, text, html } = renderEmail(message);
      const messageId = messageIdFor(message.idempotencyKey);
      await transport.sendMail({
        from: config.from,
        to: message.to,
        subject,
        text,
        html,
        messageId,
        headers: {
          'X-Idempotency-Key': message.idempotencyKey,
          'X-Port-In-Order-Id': message.orderId,
          'X-Port-In-Email-Kind': message.kind,
          // The order's zone: the inbox shows when a message arrived on the order's wall clock.
          'X-Port-In-Time-Zone': message.timeZone,
        },
      });
      return { messageId };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}
