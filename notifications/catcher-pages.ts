/**
 * The SMTP catcher's inbox as a person reads it in a browser: a list of the caught messages (newest
 * first) and one page per message. Pure functions from caught messages to HTML.
 *
 * Everything in a message is someone else's text (subjects and bodies carry order data a customer
 * typed), so every string is escaped, the pages run no script at all (see PAGE_CSP), and a message's
 * own HTML part is shown only inside a sandboxed frame served from its own URL with a sandboxing CSP
 * (see BODY_CSP): a hostile email can neither run code nor reach the inbox.
 */
import { displayInstant } from '../domain/time-display';
import type { CaughtMessage } from './catcher-inbox';
import { escapeHtml } from './email-layout';

/** The inbox's own pages: no script, frames only from the catcher itself. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** A message's HTML part: a sandbox of its own (no script, unique origin), inline styles and data images only. */
export const BODY_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const e = escapeHtml;

/** The order a message is about (the mailer names it in a header), if any. */
export const orderIdOf = (m: CaughtMessage): string | undefined =>
  m.headers['x-port-in-order-id'] || undefined;

/**
 * When the message arrived, on the wall clock of the order's zone (the mailer names it in a header),
 * else in UTC; the zone is named either way.
 */
export const receivedLabel = (m: CaughtMessage): string =>
  displayInstant(m.receivedAt, m.headers['x-port-in-time-zone'] || undefined, 'short') ?? m.receivedAt;

const messageHref = (m: CaughtMessage) => `/messages/${encodeURIComponent(m.id)}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1f2328; }
  h1 { font-size: 1.3rem; margin: 0 0 1rem; }
  table.inbox { border-collapse: collapse; width: 100%; }
  table.inbox th, table.inbox td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  table.inbox th { background: #f6f8fa; font-weight: 600; }
  table.inbox tr:hover td { background: #f6f8fa; }
  .muted { color: #656d76; }
  dl.headers { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
  dl.headers dt { font-weight: 600; }
  dl.headers dd { margin: 0; word-break: break-word; }
  iframe.body { width: 100%; height: 70vh; border: 1px solid #d0d7de; border-radius: 6px; }
  pre.body { white-space: pre-wrap; word-break: break-word; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; background: #f6f8fa; }
  nav { margin-bottom: 1rem; }
  nav a { margin-right: 1rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Rows on the inbox page: a long-lived inbox stays quick to open (the JSON list has every message). */
export const INBOX_PAGE_ROWS = 1_000;

/** The inbox: the messages, newest first, with when, to whom, the subject and the order it is about. */
export function inboxPage(messages: readonly CaughtMessage[]): string {
  const newestFirst = [...messages].reverse().sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const rows = newestFirst.slice(0, INBOX_PAGE_ROWS).map(
    (m) => `<tr>
  <td title="${e(m.receivedAt)}">${e(receivedLabel(m))}</td>
  <td>${e(m.to.join(', '))}</td>
  <td><a href="${e(messageHref(m))}">${e(m.subject || '(no subject)')}</a></td>
  <td>${e(orderIdOf(m) ?? '')}</td>
</tr>`,
  );
  const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
  return page(
    `Inbox (${count})`,
    `<h1>Inbox <span class="muted">(${count})</span></h1>
${
  messages.length
    ? `<table class="inbox">
<thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Order</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
    : '<p class="muted">No messages yet. Every email the service sends arrives here.</p>'
}
<p class="muted">Newest first${
      messages.length > INBOX_PAGE_ROWS ? `, the latest ${INBOX_PAGE_ROWS} shown` : ''
    }. JSON: <a href="/messages?format=json">/messages?format=json</a></p>`,
  );
}

/** One message: its headers, its HTML part in a sandboxed frame (or its text part, escaped), and the raw .eml. */
export function messagePage(m: CaughtMessage): string {
  const href = messageHref(m);
  const headerRows: [string, string][] = [
    ['Subject', m.subject || '(no subject)'],
    ['From', m.from],
    ['To', m.to.join(', ')],
    ['Received', `${receivedLabel(m)} — ${m.receivedAt}`],
  ];
  const orderId = orderIdOf(m);
  if (orderId) headerRows.push(['Order', orderId]);
  if (m.headers['x-port-in-email-kind']) headerRows.push(['Kind', m.headers['x-port-in-email-kind']]);
  if (m.messageId) headerRows.push(['Message-ID', m.messageId]);
  const body =
    m.html !== undefined
      ? `<iframe class="body" sandbox title="message body" src="${e(`${href}/body.html`)}"></iframe>
<details><summary>Text part</summary><pre class="body">${e(m.text)}</pre></details>`
      : `<pre class="body">${e(m.text)}</pre>`;
  return page(
    m.subject || '(no subject)',
    `<nav><a href="/messages">← Inbox</a><a href="${e(`${href}/raw.eml`)}">raw .eml</a><a href="${e(`${href}?format=json`)}">JSON</a></nav>
<h1>${e(m.subject || '(no subject)')}</h1>
<dl class="headers">
${headerRows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('\n')}
</dl>
${body}`,
  );
}

export function notFoundPage(): string {
  return page('No such message', '<nav><a href="/messages">← Inbox</a></nav><h1>No such message</h1>');
}
