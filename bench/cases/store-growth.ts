/**
 * Cost of a submit as the store grows: the store is filled to each size with copies of real orders
 * (bench/fill-store.ts), then drafts made beforehand are submitted one at a time and each submit's
 * latency is taken. The baseline is the same figure at the smallest size.
 */
import type { BenchCase } from '../context';
import { addStoredOrders } from '../fill-store';
import { apiClient, freshNumbers, readyDraft, submit } from '../orders';
import { fmt, type Row } from '../report';
import { KEYS } from '../stack';
import { median, min } from '../stats';

export const storeGrowthCase: BenchCase = {
  name: 'store',
  title: 'Submit cost as the store grows',
  async run(ctx) {
    const { Order } = ctx.stack.store.models;
    const api = apiClient(ctx.stack.apiUrl, KEYS.customer);
    const figures: Array<{ stored: number; median: number; min: number }> = [];
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
      for (const id of drafts) {
        const t0 = performance.now();
        await submit(api, id);
        latencies.push(performance.now() - t0);
      }
      figures.push({
        stored: await Order.estimatedDocumentCount(),
        median: median(latencies),
        min: min(latencies),
      });
      ctx.log(`submit at ${size} stored orders: median ${fmt(median(latencies), 0)} ms`);
    }
    const first = figures[0];
    const last = figures[figures.length - 1];
    return figures.map((f): Row => {
      const ratio = f.median / first.median;
      return {
        case: 'store',
        figure: `Submit latency with ${f.stored.toLocaleString('en-US')} stored orders`,
        project: `median ${fmt(f.median, 0)} ms (min ${fmt(f.min, 0)} ms) over ${ctx.sizes.submitsPerStoreSize} submits`,
        baseline:
          f === first ? '' : `at ${first.stored.toLocaleString('en-US')} stored: ${fmt(first.median, 0)} ms`,
        ...(f === first ? {} : { ratio }),
        ...(f === last && f !== first
          ? {
              target: { text: '≤ 1.2×', met: ratio <= 1.2 },
              // Each submit's workflow runs while the next submit is timed: the minimum is the least disturbed.
              note: `ratio of the minimums: ${fmt(f.min / first.min)}×`,
            }
          : {}),
      };
    });
  },
};
