/**
 * The read path under a closed-loop load: GET /v1/port-in-orders/{id} of a completed order against
 * bare Express 5 + mongoose findById of the same document; the API's /healthz against bare Express.
 */
import type { BenchCase, CaseContext } from '../context';
import { closedLoop, type LoadResult } from '../http-load';
import { cpuMeter } from '../proc';
import { fmt, spread, type Row } from '../report';
import { KEYS } from '../stack';
import { median, repeat } from '../stats';
import { completedOrder } from './lifecycle';

const others = (r: LoadResult) =>
  Object.entries(r.statuses)
    .filter(([s]) => s !== '200')
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');

async function compare(
  ctx: CaseContext,
  figure: string,
  project: { url: string; headers?: Record<string, string> },
  bare: { url: string },
  connections: number,
  target: number,
): Promise<Row> {
  const p: number[] = [];
  const b: number[] = [];
  const problems: string[] = [];
  const durationMs = ctx.sizes.readDurationMs;
  const pids = ctx.stack.pids();
  const cpuPerRequest: Record<'project' | 'bare', Array<[number, number]>> = { project: [], bare: [] };
  // Both warmed up (connections open, code compiled) before anything is timed.
  const warmUp = Math.min(1_000, durationMs / 5);
  await closedLoop({ ...project, connections, durationMs: warmUp });
  await closedLoop({ ...bare, connections, durationMs: warmUp });
  await repeat(ctx.sizes.repetitions, async (rep) => {
    // Taken in turns, so that whatever the machine does after the case before (a checkpoint of the
    // store, a tail of workflow tasks) does not always fall on the same side.
    const first = rep % 2 === 0 ? project : bare;
    const timed = async (target: typeof project) => {
      const cpu = cpuMeter(pids);
      const result = await closedLoop({ ...target, connections, durationMs });
      const used = cpu.done();
      // CPU per answer of the server that answered and of the store behind it: unlike req/s,
      // not moved by whatever else the machine runs.
      const server = target === project ? used.api : used['bare-http'];
      cpuPerRequest[target === project ? 'project' : 'bare'].push([
        (server * 1000) / Math.max(1, result.requests),
        (used.ferretdb * 1000) / Math.max(1, result.requests),
      ]);
      return result;
    };
    const firstResult = await timed(first);
    const secondResult = await timed(first === project ? bare : project);
    const [pr, br] = first === project ? [firstResult, secondResult] : [secondResult, firstResult];
    p.push(pr.rps);
    b.push(br.rps);
    if (others(pr)) problems.push(`project: ${others(pr)}`);
    if (others(br)) problems.push(`baseline: ${others(br)}`);
  });
  const ratio = median(p) / median(b);
  const perRequest = (side: 'project' | 'bare') =>
    `${fmt(median(cpuPerRequest[side].map((c) => c[0])), 0)} µs (FerretDB ${fmt(median(cpuPerRequest[side].map((c) => c[1])), 0)} µs)`;
  const cpuNote = `CPU per answer, median: project ${perRequest('project')}, baseline ${perRequest('bare')}`;
  return {
    case: 'read',
    figure: `${figure}, ${connections} connections`,
    project: spread(p, 'req/s', 0),
    baseline: spread(b, 'req/s', 0),
    ratio,
    target: { text: `≥ ${target}×`, met: ratio >= target },
    note: [cpuNote, ...(problems.length ? [`answers other than 200: ${problems.join('; ')}`] : [])].join(
      '; ',
    ),
  };
}

export const readPathCase: BenchCase = {
  name: 'read',
  title: 'Read path',
  async run(ctx) {
    const { orderId } = await completedOrder(ctx);
    const { apiUrl, bareHttpUrl } = ctx.stack;
    const rows: Row[] = [];
    for (const connections of ctx.sizes.readConnections) {
      rows.push(
        await compare(
          ctx,
          'GET /v1/port-in-orders/{id} vs bare Express 5 + mongoose findById',
          {
            url: `${apiUrl}/v1/port-in-orders/${orderId}`,
            headers: { Authorization: `Bearer ${KEYS.customer}` },
          },
          { url: `${bareHttpUrl}/orders/${orderId}` },
          connections,
          0.8,
        ),
      );
    }
    rows.push(
      await compare(
        ctx,
        'GET /healthz vs bare Express',
        { url: `${apiUrl}/healthz` },
        { url: `${bareHttpUrl}/healthz` },
        ctx.sizes.readConnections[0],
        0.6,
      ),
    );
    return rows;
  },
};
