/**
 * `npm run bench`: the service's costs, each as a ratio against a baseline measured in the same run
 * on the same servers (README "Performance"). Starts its own stack (bench/stack.ts), runs the cases
 * in order, prints every figure with the target beside it (never failing on one) and writes
 * a markdown report.
 *
 *   npm run bench                         every case, full size (tens of minutes on 2 cores)
 *   npm run bench -- --only lifecycle,read
 *   npm run bench -- --smoke              tiny counts, one repetition (CI: test/e2e/bench-smoke)
 *   options: --reps N, --concurrency 20,100, --store-sizes 1000,10000,50000, --parked 0,1000,5000,
 *            --out FILE (default bench/results/latest.md)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventVisibleCase } from './cases/event-visible';
import { historyCase } from './cases/history';
import { lifecycleCase } from './cases/lifecycle';
import { parkedCase } from './cases/parked';
import { readPathCase } from './cases/read-path';
import { storeGrowthCase } from './cases/store-growth';
import { workerRestartCase } from './cases/worker-restart';
import { FULL, SMOKE, type BenchCase, type Sizes } from './context';
import { markdown, printRows, type Row } from './report';
import { startBenchStack } from './stack';

/** In the order of their value to the issue; each can run alone (--only). */
export const CASES: BenchCase[] = [
  lifecycleCase,
  readPathCase,
  eventVisibleCase,
  historyCase,
  storeGrowthCase,
  parkedCase,
  workerRestartCase,
];

export interface BenchOptions {
  only?: string[];
  smoke: boolean;
  sizes: Sizes;
  out: string;
}

export function parseArgs(argv: string[]): BenchOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const list = (flag: string) =>
    value(flag)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const numbers = (flag: string) => list(flag)?.map(Number);
  const known = new Set([
    '--only',
    '--smoke',
    '--reps',
    '--concurrency',
    '--store-sizes',
    '--parked',
    '--out',
  ]);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}`);
  const smoke = argv.includes('--smoke');
  const sizes: Sizes = { ...(smoke ? SMOKE : FULL) };
  const reps = value('--reps');
  if (reps) sizes.repetitions = Number(reps);
  sizes.lifecycleConcurrency = numbers('--concurrency') ?? sizes.lifecycleConcurrency;
  sizes.storeSizes = numbers('--store-sizes') ?? sizes.storeSizes;
  sizes.parkedOrders = numbers('--parked') ?? sizes.parkedOrders;
  const only = list('--only');
  const unknown = only?.filter((n) => !CASES.some((c) => c.name === n));
  if (unknown?.length)
    throw new Error(`unknown case(s) ${unknown.join(', ')}; cases: ${CASES.map((c) => c.name).join(', ')}`);
  return {
    ...(only ? { only } : {}),
    smoke,
    sizes,
    out: path.resolve(value('--out') ?? path.join(__dirname, 'results', 'latest.md')),
  };
}

const log = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/**
 * Runs the chosen cases; a case that throws is reported as failed and the others still run. The
 * report is rewritten after every case, so an interrupted run keeps what it measured.
 */
export async function runBench(
  options: BenchOptions,
): Promise<{ rows: Row[]; failed: string[]; report: string }> {
  const cases = CASES.filter((c) => !options.only || options.only.includes(c.name));
  const startedAt = new Date();
  const rows: Row[] = [];
  const failed: string[] = [];
  const done: string[] = [];
  const writeReport = () => {
    const minutes = ((Date.now() - startedAt.getTime()) / 60_000).toFixed(1);
    const report = markdown(rows, {
      title: `Benchmark ${options.smoke ? '(smoke size) ' : ''}${startedAt.toISOString().slice(0, 16)}Z`,
      lines: [
        `Machine: ${machine()}. Cases run: ${done.join(', ') || 'none'} of ${cases.map((c) => c.name).join(', ')}; ${options.sizes.repetitions} repetition(s); ${minutes} min.`,
        'Every process runs as `npm start` runs it (API, worker, simulator, SMTP catcher, FerretDB, Temporal dev server),',
        'on free ports with fresh data; baselines run on the same servers in the same run. Ratios are medians ÷ medians;',
        'targets are those of issue #11 and are reported, never enforced.',
      ],
    });
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, report);
    return report;
  };
  const stack = await startBenchStack();
  // Interrupted (Ctrl-C): the servers run in their own process groups, so they are stopped here.
  const interrupted = () => void stack.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    for (const c of cases) {
      log(`case ${c.name}: ${c.title}`);
      const t0 = Date.now();
      try {
        const caseRows = await c.run({ stack, sizes: options.sizes, log });
        printRows(caseRows);
        rows.push(...caseRows);
      } catch (err) {
        failed.push(c.name);
        log(`case ${c.name} failed: ${(err as Error).stack ?? String(err)}`);
        rows.push({
          case: c.name,
          figure: c.title,
          project: `failed: ${(err as Error).message}`,
          baseline: '',
        });
      }
      done.push(c.name);
      writeReport();
      log(`case ${c.name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await stack.stop();
  }
  const report = writeReport();
  log(`report written to ${options.out}`);
  return { rows, failed, report };
}

if (require.main === module) {
  (async () => {
    const options = parseArgs(process.argv.slice(2));
    const { failed } = await runBench(options);
    process.exit(failed.length ? 1 : 0);
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
