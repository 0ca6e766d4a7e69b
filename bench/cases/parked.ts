/**
 * Memory with orders parked on FOC timers: orders are stored (copies of a real draft, submitted)
 * and their workflows started through the Temporal client, bypassing the API; once the carrier has
 * the request, the bench signals an acceptance with an FOC date weeks away. When the worker is idle,
 * the worker's and the dev server's resident memory is read.
 */
import { randomUUID } from 'node:crypto';
import { addBusinessDays } from '../../domain/calendar';
import { DEFAULT_POLICY, workflowIdFor, type PortInOrderInput } from '../../workflows/messages';
import type { BenchCase, CaseContext } from '../context';
import { copyOrder, insertOrders, orderTemplates } from '../fill-store';
import { carrierToday, freshNumbers, waitForCarrierRequest } from '../orders';
import { cpuMeter, cpuMs, rssMb } from '../proc';
import { fmt, type Row } from '../report';
import { TASK_QUEUE } from '../stack';
import { sleep } from '../stats';

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function park(ctx: CaseContext, count: number): Promise<void> {
  const { draft } = await orderTemplates(ctx);
  const { NumberHold } = ctx.stack.store.models;
  const focDate = addBusinessDays(carrierToday(), 20, 'US');
  const orders = freshNumbers(count).map((phoneNumber) =>
    copyOrder(draft, phoneNumber, {
      status: 'in_review',
      submittedAt: new Date(),
      numbers: [{ phoneNumber, status: 'in_review', activated: false, attempt: 0 }],
    }),
  );
  for (const o of orders) o.workflowId = workflowIdFor(o._id);
  for (let i = 0; i < orders.length; i += 1_000) {
    const batch = orders.slice(i, i + 1_000);
    await insertOrders(ctx.stack.store, batch);
    await NumberHold.collection.insertMany(
      batch.map((o) => ({
        _id: (o.phoneNumbers as string[])[0],
        orderId: o._id,
        accountId: o.accountId,
        since: new Date(),
      })) as never[],
    );
  }
  let parked = 0;
  // Wide enough that the polls' pauses (bench/orders.ts) never leave the service idle.
  await pool(orders, 100, async (o) => {
    const phoneNumbers = o.phoneNumbers as string[];
    const input: PortInOrderInput = {
      orderId: o._id,
      accountId: o.accountId as string,
      country: 'US',
      timeZone: (o.timeZone as string) ?? 'America/New_York',
      losingCarrier: 'Simulated Telco',
      phoneNumbers,
      capabilities: 'voice+sms',
      policy: { ...DEFAULT_POLICY, autoApproveCleanOrders: true },
    };
    const handle = await ctx.stack.client.workflow.start('portInOrderWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdFor(o._id),
      args: [input],
    });
    await waitForCarrierRequest(ctx.stack, o._id);
    await handle.signal('numberAccepted', {
      eventId: `evt_${randomUUID()}`,
      phoneNumbers,
      occurredAt: new Date().toISOString(),
      focDate,
    });
    if (++parked % Math.max(1, Math.round(count / 10)) === 0) ctx.log(`parked ${parked}/${count}`);
  });
}

/**
 * Waits until the worker has used under 5% of a core for 2 s (its tasks for the parked orders done),
 * at most a minute plus 60 ms per parked order (a busy machine may never let it look that idle:
 * the memory is then read anyway, and the log says so, rather than the run waiting for ever).
 */
async function workerIdle(ctx: CaseContext, parked: number): Promise<void> {
  const pid = ctx.stack.pids().worker;
  const timeoutMs = 60_000 + 60 * parked;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = cpuMs(pid);
    await sleep(2_000);
    if (cpuMs(pid) - before < 100) return;
    if (Date.now() > deadline) {
      ctx.log(`worker still busy ${timeoutMs / 1000} s after parking ${parked}: memory read anyway`);
      return;
    }
  }
}

export const parkedCase: BenchCase = {
  name: 'parked',
  title: 'Memory with orders parked on FOC timers',
  async run(ctx) {
    const rows: Row[] = [];
    let parked = 0;
    const target = Math.max(...ctx.sizes.parkedOrders);
    for (const count of ctx.sizes.parkedOrders) {
      let note: string | undefined;
      if (count > parked) {
        const added = count - parked;
        const t0 = Date.now();
        const cpu = cpuMeter(ctx.stack.pids());
        await park(ctx, added);
        const seconds = (Date.now() - t0) / 1000;
        // Parking is bound by the CPU each order's intake costs (activities, tasks, store writes), not
        // by the bench: the rate and that cost say how long a bigger count takes on this machine.
        const perOrder = Object.entries(cpu.done())
          .filter(([n, ms]) => ms > 0 && !n.startsWith('bare'))
          .sort((a, b) => b[1] - a[1])
          .map(([n, ms]) => `${n} ${fmt(ms / added, 0)} ms`)
          .join(', ');
        note = `parked ${added.toLocaleString('en-US')} in ${fmt(seconds, 0)} s (${fmt(added / seconds)} orders/s); CPU per parked order: ${perOrder}`;
        ctx.log(`${count} orders parked: ${note}`);
        parked = count;
      }
      await workerIdle(ctx, count);
      const pids = ctx.stack.pids();
      const worker = rssMb(pids.worker);
      rows.push({
        case: 'parked',
        figure: `RSS with ${count.toLocaleString('en-US')} orders parked on FOC timers`,
        project: `worker ${fmt(worker, 0)} MB, dev server ${fmt(rssMb(pids.temporal), 0)} MB, FerretDB ${fmt(rssMb(pids.ferretdb), 0)} MB`,
        baseline: '',
        ...(count === target && count > 0 ? { target: { text: 'worker ≤ 1 GB', met: worker <= 1024 } } : {}),
        ...(note ? { note } : {}),
      });
    }
    return rows;
  },
};
