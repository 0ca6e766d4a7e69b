/** The rows every case returns, printed as a table and written as markdown. */
export interface Row {
  case: string;
  figure: string;
  project: string;
  baseline: string;
  /** project ÷ baseline (or the figure the target is stated in); undefined: no ratio for this row. */
  ratio?: number;
  target?: { text: string; met: boolean };
  note?: string;
}

export const fmt = (n: number, digits = 2) =>
  Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(digits)) : 'n/a';

/** "median (min–max)" of the repetitions, with a unit. */
export const spread = (values: number[], unit: string, digits = 2) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted[Math.ceil(sorted.length / 2) - 1];
  return sorted.length > 1
    ? `${fmt(mid, digits)} ${unit} (min ${fmt(sorted[0], digits)}, max ${fmt(sorted[sorted.length - 1], digits)})`
    : `${fmt(mid, digits)} ${unit}`;
};

const ratioText = (r: Row) => (r.ratio === undefined ? '' : `${fmt(r.ratio)}×`);
const targetText = (r: Row) => (r.target ? `${r.target.text}: ${r.target.met ? 'met' : 'NOT met'}` : '');

export function printRows(rows: Row[]): void {
  for (const r of rows) {
    const parts = [`[${r.case}] ${r.figure}: ${r.project}`];
    if (r.baseline) parts.push(`baseline ${r.baseline}`);
    if (r.ratio !== undefined) parts.push(`ratio ${ratioText(r)}`);
    if (r.target) parts.push(`target ${targetText(r)}`);
    process.stdout.write(`${parts.join(' | ')}\n`);
    if (r.note) process.stdout.write(`    ${r.note}\n`);
  }
}

export function markdown(rows: Row[], header: { title: string; lines: string[] }): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const table = [
    '| Case | Figure | This project | Baseline (same run) | Ratio | Target |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${cell(r.figure)} | ${cell(r.project)} | ${cell(r.baseline)} | ${ratioText(r)} | ${cell(targetText(r))} |`,
    ),
  ];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.case}, ${r.figure}: ${r.note}`);
  return [
    `# ${header.title}`,
    '',
    ...header.lines,
    '',
    ...table,
    ...(notes.length ? ['', '## Notes', '', ...notes] : []),
    '',
  ].join('\n');
}
