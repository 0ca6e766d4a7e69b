/**
 * Cost of a submit as the store grows: the store is filled to each size with copies of real orders
 * and what the API writes beside them (bench/fill-store.ts), then drafts made beforehand are
 * submitted one at a time. Each submit is timed alone: before the next one, the bench waits until
 * the last order's workflow has reached the carrier and the worker and FerretDB are quiet, so no
 * workflow of an earlier submit runs beside it. The baseline is the same figure at the smallest
 * size. FerretDB's CPU per submit (request and workflow up to the carrier) and the size of its
 * database file are noted: figures that a busy machine does not move.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { BenchCase, CaseContext } from '../context';
import { addStoredOrders } from '../fill-store';
import { apiClient, freshNumbers, readyDraft, submit, waitForCarrierRequest } from '../orders';
import { cpuMeter, cpuMs } from '../proc';
import { fmt, type Row } from '../report';
import { KEYS } from '../stack';
import { median, min, sleep } from '../stats';

/** Waits until the worker and FerretDB together use under 5% of a core for 300 ms (at most 10 s). */
async function quiet(ctx: CaseContext): Promise<void> {
  const { worker, ferretdb } = ctx.stack.pids();
  const used = () => cpuMs(worker) + cpuMs(ferretdb);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const before = used();
    await sleep(300);
    if (used() - before < 20 || Date.now() > deadline) return;
  }
}

/** The service's database file and its write-ahead log, in MB. */
function databaseMb(ctx: CaseContext): number {
  const base = path.join(ctx.stack.dir, 'ferretdb', 'portin.sqlite');
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return (size(base) + size(`${base}-wal`)) / 2 ** 20;
}

export const storeGrowthCase: BenchCase = {
  name: 'store',
  title: 'Submit cost as the store grows',
  async run(ctx) {
    const { Order } = ctx.stack.store.models;
    const api = apiClient(ctx.stack.apiUrl, KEYS.customer);
    const figures: Array<{ stored: number; median: number; min: number; ferretdbMs: number; dbMb: number }> =
      [];
    for (const size of ctx.sizes.storeSizes) {
      const stored = await Order.estimatedDocumentCount();
      if (stored < size) {
        const t0 = Date.now();
        await addStoredOrders(ctx, size - stored);
        ctx.log(`store filled to ${size} orders in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      const drafts: string[] = [];
      for (let i = 0; i < ctx.sizes.submitsPerStoreSize; i++)
        drafts.push(await readyDraft(api, freshNumbers(1)));
      const latencies: number[] = [];
      const ferretdbMs: number[] = [];
      await quiet(ctx);
      for (const id of drafts) {
        const cpu = cpuMeter({ ferretdb: ctx.stack.pids().ferretdb });
        const t0 = performance.now();
        await submit(api, id);
        latencies.push(performance.now() - t0);
        await waitForCarrierRequest(ctx.stack, id);
        await quiet(ctx);
        ferretdbMs.push(cpu.done().ferretdb);
      }
      figures.push({
        stored: await Order.estimatedDocumentCount(),
        median: median(latencies),
        min: min(latencies),
        ferretdbMs: median(ferretdbMs),
        dbMb: databaseMb(ctx),
      });
      ctx.log(
        `submit at ${size} stored orders: median ${fmt(median(latencies), 0)} ms, ` +
          `FerretDB ${fmt(median(ferretdbMs), 0)} ms CPU per order to the carrier`,
      );
    }
    const first = figures[0];
    const last = figures[figures.length - 1];
    return figures.map((f): Row => {
      const ratio = f.median / first.median;
      const cpu = `FerretDB CPU per submit (request and workflow to the carrier, median): ${fmt(f.ferretdbMs, 0)} ms; database ${fmt(f.dbMb, 0)} MB`;
      return {
        case: 'store',
        figure: `Submit latency with ${f.stored.toLocaleString('en-US')} stored orders`,
        project: `median ${fmt(f.median, 0)} ms (min ${fmt(f.min, 0)} ms) over ${ctx.sizes.submitsPerStoreSize} submits, each alone`,
        baseline:
          f === first ? '' : `at ${first.stored.toLocaleString('en-US')} stored: ${fmt(first.median, 0)} ms`,
        ...(f === first ? {} : { ratio }),
        ...(f === last && f !== first
          ? {
              target: { text: '≤ 1.2×', met: ratio <= 1.2 },
              note: `ratio of the minimums: ${fmt(f.min / first.min)}×; ${cpu} (at ${first.stored.toLocaleString('en-US')}: ${fmt(first.ferretdbMs, 0)} ms, ${fmt(first.dbMb, 0)} MB)`,
            }
          : { note: cpu }),
      };
    });
  },
};
