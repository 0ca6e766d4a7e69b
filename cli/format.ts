/** Plain-text output: money, instants, tables, key/value lines. */
import { displayInstant } from '../domain/time-display';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The API keeps money in integer cents; show dollars. */
export function money(cents: number | undefined): string {
  return usd.format((cents ?? 0) / 100);
}

/**
 * An instant from the API (UTC ISO) as a person reads it: the wall clock of the order's zone, with
 * the zone named ("Tue 8 Dec 2026, 00:00 EST (America/New_York)"). `--json` keeps the UTC value.
 */
export function when(instant: string | undefined, timeZone: string | undefined): string | undefined {
  return displayInstant(instant, timeZone, 'short');
}

/**
 * Control characters become '?': order fields such as the customer reference come from customers,
 * and an escape sequence in one must not be able to rewrite a support engineer's terminal.
 */
export function clean(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function table(headers: string[], rows: unknown[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(clean))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Aligned "label  value" lines, for one record. */
export function fields(pairs: [string, unknown][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${k.padEnd(width)}  ${clean(v)}`).join('\n');
}

/**
 * The order as an action left it: the API answers each action with the order as it now stands
 * (and a GET right after shows at least that), so the operator sees its effect without a second call.
 */
export function orderNow(order: { id: string; status: string; review?: string } | undefined): string {
  if (!order) return '';
  return `\nOrder ${clean(order.id)} is now ${clean(order.status)}${order.review ? ` (review ${clean(order.review)})` : ''}.`;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
