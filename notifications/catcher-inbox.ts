/**
 * The SMTP catcher's in-memory inbox: the messages caught so far, and tests waiting for one.
 * Waiting is event-driven (no polling), and every timer is cleared so tests leave no open handles.
 */
import type { ParsedMail } from 'mailparser';

export interface CaughtMessage {
  id: string;
  /** Absolute path of the stored .eml file. */
  file: string;
  receivedAt: string;
  /** Sender as written in the From header (the envelope sender when there is none). */
  from: string;
  /** Envelope recipients: who the message was actually delivered to (Bcc included). */
  to: string[];
  subject: string;
  /** The Date header, ISO 8601. */
  date?: string;
  messageId?: string;
  idempotencyKey?: string;
  text: string;
  html?: string;
  /** Every header, by lower-case name; repeated headers are joined with ', '. */
  headers: Record<string, string>;
}

export type MessagePredicate = (message: CaughtMessage) => boolean;

interface Waiter {
  predicate: MessagePredicate;
  resolve: (message: CaughtMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Header values as text: decoded by mailparser when it yields a string, else the unfolded raw line. */
export function headerRecord(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const decoded = parsed.headers.get(key);
    const value =
      typeof decoded === 'string'
        ? decoded
        : line
            .slice(line.indexOf(':') + 1)
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

export class Inbox {
  private readonly caught: CaughtMessage[] = [];
  private readonly waiters = new Set<Waiter>();

  list(): CaughtMessage[] {
    return [...this.caught];
  }

  get(id: string): CaughtMessage | undefined {
    return this.caught.find((m) => m.id === id);
  }

  add(message: CaughtMessage): void {
    this.caught.push(message);
    for (const waiter of this.waiters) {
      // A throwing predicate fails its own wait, not the SMTP conversation that delivered the message.
      let matches: boolean;
      try {
        matches = waiter.predicate(message);
      } catch (error) {
        this.settle(waiter, () => waiter.reject(error instanceof Error ? error : new Error(String(error))));
        continue;
      }
      if (matches) this.settle(waiter, () => waiter.resolve(message));
    }
  }

  /** Empties the inbox and returns what it held (so the caller can remove the files). */
  clear(): CaughtMessage[] {
    return this.caught.splice(0, this.caught.length);
  }

  waitFor(predicate: MessagePredicate, timeoutMs: number): Promise<CaughtMessage> {
    let already: CaughtMessage | undefined;
    try {
      already = this.caught.find(predicate);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(
          () =>
            this.settle(waiter, () => reject(new Error(`no matching email arrived within ${timeoutMs} ms`))),
          timeoutMs,
        ),
      };
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending wait: nothing can arrive once the catcher is closed. */
  close(): void {
    for (const waiter of this.waiters) {
      this.settle(waiter, () => waiter.reject(new Error('smtp catcher closed')));
    }
  }

  private settle(waiter: Waiter, outcome: () => void): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    outcome();
  }
}
