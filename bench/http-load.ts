/**
 * A closed-loop HTTP load: `connections` keep-alive connections, each sending its next request as
 * soon as the previous answer is read, for a fixed time. The same loop measures the API and its
 * bare baseline, so the client's own cost is in both.
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  rps: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
}

export async function closedLoop(options: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const started = performance.now();
  const end = started + options.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(options.url, { agent, headers: options.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          latenciesMs.push(performance.now() - t0);
          resolve();
        });
      });
      req.on('error', () => {
        statuses.error = (statuses.error ?? 0) + 1;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  return { requests: latenciesMs.length, rps: (latenciesMs.length / elapsed) * 1000, statuses, latenciesMs };
}
