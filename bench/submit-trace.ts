/**
 * What one submit does to the store, at each store size: every store call of the API and of the
 * worker's activities (collection, method, filter) from the submit request until the order's
 * workflow has reached the carrier, FerretDB's CPU for it, FerretDB's plan of each distinct query
 * shape (`explain`), and the shape of the SQLite B-trees behind the busiest collections. Counts and
 * CPU time, unlike latency, do not move when the machine is busy: this is how "submit at 50k costs
 * more than at 1k" is taken apart (README "Performance").
 *
 *   npx ts-node --transpile-only bench/submit-trace.ts [--sizes 1000,50000] [--submits 5]
 *
 * Runs the API and the worker in this process (test/support/stack.ts) so one recorder sees both.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { workflowIdFor } from '../workflows/messages';
import { api } from '../test/support/api-client';
import { readyDraft } from '../test/support/order-fixtures';
import { KEYS, startStack, type Stack } from '../test/support/stack';
import { copyOrder, insertOrders } from './fill-store';
import { freshNumbers } from './orders';
import { cpuMs } from './proc';
import { median, sleep } from './stats';

interface Call {
  collection: string;
  method: string;
  filter: string;
}

const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** The FerretDB process serving `uri` (found by its listen address), and its data directory. */
function ferretdbOf(uri: string): { pid: number; dataDir: string } {
  const port = new URL(uri).port;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!cmdline.includes(`--listen-addr=127.0.0.1:${port}`)) continue;
    const url = cmdline.find((a) => a.startsWith('--sqlite-url='));
    return { pid: Number(entry), dataDir: url!.replace('--sqlite-url=file:', '') };
  }
  throw new Error(`no FerretDB process listens on ${port}`);
}

/** The shape of a filter: values replaced by their type, so calls group by what FerretDB plans. */
const shape = (value: unknown): unknown =>
  value instanceof Date
    ? 'Date'
    : Array.isArray(value)
      ? value.map(shape)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value;

function filtersOf(method: string, args: unknown[]): unknown[] {
  if (method === 'bulkWrite')
    return (args[0] as Record<string, { filter?: unknown }>[]).flatMap((op) =>
      Object.values(op).map((o) => o.filter ?? '(insert)'),
    );
  if (/^insert|^create/.test(method)) return ['(insert)'];
  return [args[0]];
}

function record(stack: Stack): { calls: Call[]; stop(): void } {
  const calls: Call[] = [];
  stack.store.connection.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    for (const f of filtersOf(method, args))
      calls.push({ collection, method, filter: JSON.stringify(shape(f)) });
  });
  return { calls, stop: () => stack.store.connection.set('debug', false) };
}

const tally = (calls: Call[]) => {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const key = `${c.collection}.${c.method} ${c.filter}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
};

/** B-tree depth, pages and overflow pages of each table and index of the service's database (dbstat). */
function btrees(dataDir: string): string {
  const file = path.join(dataDir, 'portin.sqlite');
  const script = `
import sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
owner = dict(c.execute("select name, tbl_name from sqlite_master where type in ('table', 'index')").fetchall())
collection = dict((t, n) for n, t in c.execute("select name, table_name from _ferretdb_collections").fetchall())
rows = c.execute("""select name, max(case when pagetype != 'overflow' then length(path) - length(replace(path, '/', '')) end),
  count(*), sum(pagetype = 'overflow') from dbstat group by name order by count(*) desc limit 14""").fetchall()
for name, depth, pages, overflow in rows:
    table = owner.get(name, name)
    kind = 'table' if name == table else 'index ' + name.replace(table + '_', '', 1)
    print(f"  {collection.get(table, table)} {kind}: depth {depth}, {pages} pages ({overflow} overflow)")
`;
  try {
    return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
  } catch (err) {
    return `  (dbstat not available: ${(err as Error).message.split('\n')[0]})`;
  }
}

async function explainAll(stack: Stack, examples: Map<string, unknown>): Promise<string[]> {
  const db = stack.store.connection.db!;
  const out: string[] = [];
  for (const [key, filter] of examples) {
    const collection = key.split('.')[0];
    const plan = (await db
      .collection(collection)
      .find(filter as never)
      .explain()) as {
      queryPlanner?: { Plan?: string[] };
    };
    out.push(`  ${key}: ${(plan.queryPlanner?.Plan ?? ['?']).join(' / ')}`);
  }
  return out;
}

async function main() {
  const sizes = arg('--sizes', '1000,50000').split(',').map(Number);
  const submits = Number(arg('--submits', '5'));
  const stack = await startStack({ autoAnswer: false });
  const ferretdb = ferretdbOf(stack.mongodbUri);
  const customer = api(stack.apiUrl, KEYS.customerKey);
  const support = api(stack.apiUrl, KEYS.supportKey);
  const numbers = () => freshNumbers(1)[0].replace('+1212', '+1646');
  try {
    const templateId = await readyDraft(customer, numbers());
    const template = (await stack.store.models.Order.collection.findOne({
      _id: templateId as never,
    })) as never;
    for (const size of sizes) {
      const stored = await stack.store.models.Order.estimatedDocumentCount();
      for (let done = stored; done < size;) {
        const batch = Math.min(1_000, size - done);
        const completed = Array.from({ length: batch }, () =>
          copyOrder(template, numbers(), { status: 'completed', submittedAt: new Date() }),
        );
        await insertOrders(stack.store, completed);
        done += batch;
      }
      const drafts: string[] = [];
      for (let i = 0; i < submits; i++) drafts.push(await readyDraft(customer, numbers()));
      const perSubmit: { request: number; toCarrier: number; ferretdbMs: number; ms: number }[] = [];
      let lastCalls: Call[] = [];
      for (const id of drafts) {
        await sleep(1_000); // the last order's tail of activities done
        const cpu0 = cpuMs(ferretdb.pid);
        const rec = record(stack);
        const t0 = performance.now();
        const res = await customer.post(`/v1/port-in-orders/${id}/submit`);
        const ms = performance.now() - t0;
        if (res.status !== 202) throw new Error(`submit ${id}: ${res.status} ${JSON.stringify(res.body)}`);
        const request = rec.calls.length;
        // Staff approve it (the API's auto-approval is off here), then the workflow goes to the carrier.
        const review = await support.post(`/v1/port-in-orders/${id}/review`, { decision: 'approve' });
        if (review.status !== 200)
          throw new Error(`review ${id}: ${review.status} ${JSON.stringify(review.body)}`);
        for (let i = 0; ; i++) {
          const sim = await fetch(`${stack.simulatorUrl}/port-requests/${id}`);
          if (sim.status === 200 && ((await sim.json()) as { submissions?: unknown[] }).submissions?.length)
            break;
          if (i > 600) throw new Error(`order ${id} never reached the carrier`);
          await sleep(100);
        }
        await sleep(1_000);
        rec.stop();
        perSubmit.push({ request, toCarrier: rec.calls.length, ferretdbMs: cpuMs(ferretdb.pid) - cpu0, ms });
        lastCalls = rec.calls;
        await stack.client.workflow.getHandle(workflowIdFor(id)).describe();
      }
      const dbFile = path.join(ferretdb.dataDir, 'portin.sqlite');
      const mb = (f: string) => {
        try {
          return (statSync(f).size / 2 ** 20).toFixed(0);
        } catch {
          return '0';
        }
      };
      console.log(`\n== ${await stack.store.models.Order.estimatedDocumentCount()} stored orders ==`);
      console.log(`database ${mb(dbFile)} MB, WAL ${mb(`${dbFile}-wal`)} MB`);
      console.log(
        `per submit (median of ${submits}): ${median(perSubmit.map((p) => p.request))} store calls in the request, ` +
          `${median(perSubmit.map((p) => p.toCarrier))} until the workflow is at the carrier (review included); ` +
          `FerretDB CPU ${median(perSubmit.map((p) => p.ferretdbMs))} ms; request ${median(perSubmit.map((p) => p.ms)).toFixed(0)} ms (min ${Math.min(...perSubmit.map((p) => p.ms)).toFixed(0)})`,
      );
      console.log('store calls of the last submit, by shape:');
      for (const [key, n] of tally(lastCalls)) console.log(`  ${n}× ${key}`);
      console.log('SQLite B-trees (largest first):');
      console.log(btrees(ferretdb.dataDir).trimEnd());
      // The plans of the by-_id shapes, with a real id of the first stored order.
      const plans = await explainAll(
        stack,
        new Map([
          ['port_in_orders.findOne {_id}', { _id: drafts[0] }],
          ['number_holds.findOne {_id}', { _id: '+16465550000' }],
          ['port_in_order_events.findOne {_id}', { _id: `${drafts[0]}:1` }],
          ['list_entries.findOne {_id}', { _id: 'orders:all|1' }],
        ]),
      );
      console.log('explain:');
      console.log(plans.join('\n'));
    }
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
