/**
 * Full-lifecycle throughput: N orders at once from draft to completed (create, LOA, bill, submit,
 * auto-approval, carrier answer, FOC today, activation, port, capability tests, completion), against
 * a bare workflow of the same shape (bench/bare/workflows.ts) N at once on the same dev server.
 * Intake answers of 5xx are counted; CPU per order is read per process.
 */
import { randomUUID } from 'node:crypto';
import { workflowIdFor } from '../../workflows/messages';
import { bareActionUpdate, bareEventSignal, bareOrderWorkflow, type BareShape } from '../bare/workflows';
import type { BenchCase, CaseContext } from '../context';
import { readHistory } from '../history';
import { freshNumbers, fullLifecycle } from '../orders';
import { cpuMeter } from '../proc';
import { fmt, spread, type Row } from '../report';
import { BARE_TASK_QUEUE } from '../stack';
import { median, repeat, within } from '../stats';

let probe: Promise<{ orderId: string; shape: BareShape }> | undefined;

/** One completed one-number order, made once per run: its history's shape, and an order to read. */
export function completedOrder(ctx: CaseContext): Promise<{ orderId: string; shape: BareShape }> {
  probe ??= (async () => {
    const orderId = await fullLifecycle(ctx.stack, freshNumbers(1));
    const { shape } = await readHistory(ctx.stack.client, workflowIdFor(orderId));
    ctx.log(`one order's lifecycle: ${JSON.stringify(shape)}`);
    await bareLifecycle(ctx, shape); // both workers warm (bundle loaded, code compiled) before timing
    return { orderId, shape };
  })();
  return probe;
}

async function bareLifecycle(ctx: CaseContext, shape: BareShape): Promise<void> {
  const handle = await ctx.stack.bareClient.workflow.start(bareOrderWorkflow, {
    taskQueue: BARE_TASK_QUEUE,
    workflowId: `bare-${randomUUID()}`,
    args: [shape],
  });
  for (let seq = 0; seq < shape.signals; seq++) await handle.signal(bareEventSignal, { seq });
  for (let seq = 0; seq < shape.updates; seq++)
    await handle.executeUpdate(bareActionUpdate, { args: [{ seq }] });
  await within(300_000, () => `bare workflow ${handle.workflowId} did not close`, handle.result());
}

export const lifecycleCase: BenchCase = {
  name: 'lifecycle',
  title: 'Full lifecycle throughput',
  async run(ctx) {
    const { shape } = await completedOrder(ctx);
    const rows: Row[] = [];
    for (const concurrency of ctx.sizes.lifecycleConcurrency) {
      const project: number[] = [];
      const bare: number[] = [];
      const fiveHundreds: number[] = [];
      const failures: number[] = [];
      const cpuPerOrder: Array<Record<string, number>> = [];
      await repeat(ctx.sizes.repetitions, async (rep) => {
        const statuses: number[] = [];
        const cpu = cpuMeter(ctx.stack.pids());
        let t0 = performance.now();
        const outcomes = await Promise.allSettled(
          Array.from({ length: concurrency }, () => fullLifecycle(ctx.stack, freshNumbers(1), statuses)),
        );
        const elapsed = (performance.now() - t0) / 1000;
        const completed = outcomes.filter((o) => o.status === 'fulfilled').length;
        const used = cpu.done();
        cpuPerOrder.push(Object.fromEntries(Object.entries(used).map(([n, ms]) => [n, ms / concurrency])));
        project.push(completed / elapsed);
        fiveHundreds.push(statuses.filter((s) => s >= 500).length);
        failures.push(concurrency - completed);
        for (const o of outcomes) if (o.status === 'rejected') ctx.log(`order failed: ${String(o.reason)}`);

        t0 = performance.now();
        await Promise.all(Array.from({ length: concurrency }, () => bareLifecycle(ctx, shape)));
        bare.push(concurrency / ((performance.now() - t0) / 1000));
        ctx.log(
          `lifecycle ×${concurrency} rep ${rep + 1}: ${fmt(project[rep])} vs bare ${fmt(bare[rep])} orders/s, ` +
            `${fiveHundreds[rep]} intake 5xx, ${failures[rep]} failed`,
        );
      });
      const ratio = median(project) / median(bare);
      const worst5xx = Math.max(...fiveHundreds);
      const cpuMedian = Object.keys(cpuPerOrder[0] ?? {})
        .map((n) => [n, median(cpuPerOrder.map((c) => c[n]))] as const)
        .filter(([n, ms]) => ms > 0 && !n.startsWith('bare'))
        .sort((a, b) => b[1] - a[1])
        .map(([n, ms]) => `${n} ${fmt(ms, 0)} ms`)
        .join(', ');
      rows.push({
        case: 'lifecycle',
        figure: `Full lifecycle, ${concurrency} orders at once (create → completed)`,
        project: spread(project, 'orders/s'),
        baseline: `${spread(bare, 'orders/s')}, bare workflow of ${shape.activities} activities, ${shape.timers} timers, ${shape.signals} signals, ${shape.updates} updates`,
        ratio,
        target: { text: '≥ 0.5×', met: ratio >= 0.5 },
        note: `CPU per order (median): ${cpuMedian}`,
      });
      rows.push({
        case: 'lifecycle',
        figure: `Intake 5xx, ${concurrency} orders at once`,
        project: `${worst5xx} (worst repetition); orders not completed: ${Math.max(...failures)}`,
        baseline: '',
        target: { text: '0 5xx', met: worst5xx === 0 },
      });
    }
    return rows;
  },
};
