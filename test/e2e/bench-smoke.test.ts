/**
 * `npm run bench` at its smoke size: it starts its own stack, runs every case once with tiny counts
 * and writes its report. Only that it runs is checked — never a speed (the figures are the bench's
 * to print, README "Performance").
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CASES, parseArgs } from '../../bench/run';

const dir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('npm run bench -- --smoke runs every case and writes a report with a row for each', async () => {
  const out = path.join(dir, 'report.md');
  const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = execFile(
      'npm',
      ['run', 'bench', '--', '--smoke', '--out', out],
      // Stopped before the test's own timeout, so a hang shows the bench's output instead of nothing.
      {
        cwd: path.resolve(__dirname, '..', '..'),
        // A stuck order fails its case with where it stands (bench/orders.ts) well before the stop.
        env: { ...process.env, BENCH_ORDER_TIMEOUT_MS: '100000' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 270_000,
        killSignal: 'SIGTERM',
      },
      (err, stdout, stderr) => resolve({ code: err ? (child.exitCode ?? 1) : 0, output: stdout + stderr }),
    );
  });
  if (run.code !== 0) throw new Error(`bench exited ${run.code}:\n${run.output.slice(-5000)}`);
  const report = readFileSync(out, 'utf8');
  expect(report).toContain('| Case | Figure | This project | Baseline (same run) | Ratio | Target |');
  for (const c of CASES) expect(report).toMatch(new RegExp(`^\\| ${c.name} \\|`, 'm'));
  expect(report).not.toContain('failed:');
  // Each figure that has a same-run baseline is printed as a ratio, with the target beside it.
  expect(report).toMatch(/^\| lifecycle \| Full lifecycle.*\| \d+\.\d+× \| ≥ 0\.5×: (met|NOT met) \|$/m);
  expect(report).toMatch(/^\| read \| GET \/v1\/port-in-orders\/\{id\}.*\| \d+\.\d+× \|/m);
}, 300_000);

test('a case name the bench does not know is refused with the list of cases', () => {
  expect(() => parseArgs(['--only', 'lifecycle,nope'])).toThrow(
    /unknown case\(s\) nope; cases: lifecycle, read/,
  );
});
