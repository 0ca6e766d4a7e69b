/**
 * The read path under a closed-loop load: GET /v1/port-in-orders/{id} of a completed order against
 * bare Express 5 + mongoose findById of the same document; the API's /healthz against bare Express.
 */
import type { BenchCase, CaseContext } from '../context';
import { closedLoop, type LoadResult } from '../http-load';
import { spread, type Row } from '../report';
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
  await repeat(ctx.sizes.repetitions, async () => {
    const durationMs = ctx.sizes.readDurationMs;
    const pr = await closedLoop({ ...project, connections, durationMs });
    const br = await closedLoop({ ...bare, connections, durationMs });
    p.push(pr.rps);
    b.push(br.rps);
    if (others(pr)) problems.push(`project: ${others(pr)}`);
    if (others(br)) problems.push(`baseline: ${others(br)}`);
  });
  const ratio = median(p) / median(b);
  return {
    case: 'read',
    figure: `${figure}, ${connections} connections`,
    project: spread(p, 'req/s', 0),
    baseline: spread(b, 'req/s', 0),
    ratio,
    target: { text: `≥ ${target}×`, met: ratio >= target },
    ...(problems.length ? { note: `answers other than 200: ${problems.join('; ')}` } : {}),
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
