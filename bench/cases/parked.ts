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
import { copyOrder, orderTemplates } from '../fill-store';
import { carrierToday, freshNumbers, waitForCarrierRequest } from '../orders';
import { cpuMs, rssMb } from '../proc';
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
  const { Order, NumberHold } = ctx.stack.store.models;
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
    await Order.collection.insertMany(batch as never[]);
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
  await pool(orders, 50, async (o) => {
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

/** Waits until the worker has used under 5% of a core for 2 s (its tasks for the parked orders done). */
async function workerIdle(ctx: CaseContext, timeoutMs = 300_000) {
  const pid = ctx.stack.pids().worker;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = cpuMs(pid);
    await sleep(2_000);
    if (cpuMs(pid) - before < 100 || Date.now() > deadline) return;
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
      if (count > parked) {
        const t0 = Date.now();
        await park(ctx, count - parked);
        ctx.log(`${count} orders parked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        parked = count;
      }
      await workerIdle(ctx);
      const pids = ctx.stack.pids();
      const worker = rssMb(pids.worker);
      rows.push({
        case: 'parked',
        figure: `RSS with ${count.toLocaleString('en-US')} orders parked on FOC timers`,
        project: `worker ${fmt(worker, 0)} MB, dev server ${fmt(rssMb(pids.temporal), 0)} MB, FerretDB ${fmt(rssMb(pids.ferretdb), 0)} MB`,
        baseline: '',
        ...(count === target && count > 0 ? { target: { text: 'worker ≤ 1 GB', met: worker <= 1024 } } : {}),
      });
    }
    return rows;
  },
};
