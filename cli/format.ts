/** Plain-text output: money, tables, key/value lines. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The API keeps money in integer cents; show dollars. */
export function money(cents: number | undefined): string {
  return usd.format((cents ?? 0) / 100);
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

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
