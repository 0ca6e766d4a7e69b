/**
 * A tiny document model for customer emails, rendered twice: as plain text and as HTML.
 * Templates describe content once, so both parts always carry the same facts, and HTML escaping
 * happens here, in one place, for every string a template hands over (order data included).
 */
export type EmailBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Something the customer must not miss (e.g. keep the old carrier's service until completion). */
  | { type: 'notice'; text: string }
  | { type: 'list'; items: readonly string[] }
  /** Label/value pairs: order id, dates, fees. */
  | { type: 'facts'; rows: ReadonlyArray<readonly [label: string, value: string]> };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Subjects are header values: no line breaks (header injection) and no runs of blanks. */
export function cleanSubject(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}

function blockToText(block: EmailBlock): string {
  switch (block.type) {
    case 'heading':
      return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 72))}`;
    case 'paragraph':
      return block.text;
    case 'notice':
      return `IMPORTANT: ${block.text}`;
    case 'list':
      return block.items.map((item) => `  - ${item}`).join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
  }
}

const CELL = 'padding:2px 12px 2px 0;vertical-align:top';

function blockToHtml(block: EmailBlock): string {
  switch (block.type) {
    case 'heading':
      return `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'notice':
      return (
        '<p style="border-left:4px solid #d97706;background:#fffbeb;padding:8px 12px">' +
        `<strong>Important:</strong> ${escapeHtml(block.text)}</p>`
      );
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'facts':
      return (
        '<table role="presentation" style="border-collapse:collapse">' +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><th align="left" style="${CELL}">${escapeHtml(label)}</th>` +
              `<td style="${CELL}">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        '</table>'
      );
  }
}

export function renderDocument(subject: string, blocks: readonly EmailBlock[]): RenderedEmail {
  const cleaned = cleanSubject(subject);
  const text = blocks.map(blockToText).join('\n\n') + '\n';
  const html =
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(cleaned)}</title></head>\n` +
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#111">\n' +
    blocks.map(blockToHtml).join('\n') +
    '\n</body></html>\n';
  return { subject: cleaned, text, html };
}
