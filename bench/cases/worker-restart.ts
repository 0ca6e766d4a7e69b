/**
 * Worker restart: the worker is stopped and worker/main.ts spawned again as `npm start` runs it;
 * the time is from the spawn to its "worker ready" line (the workflow bundle is part of it).
 */
import type { BenchCase } from '../context';
import { spread } from '../report';
import { median, repeat } from '../stats';

export const workerRestartCase: BenchCase = {
  name: 'restart',
  title: 'Worker restart',
  async run(ctx) {
    const seconds = await repeat(ctx.sizes.restarts, async () => {
      const { readyMs } = await ctx.stack.restartWorker();
      ctx.log(`worker ready ${(readyMs / 1000).toFixed(1)} s after spawn`);
      return readyMs / 1000;
    });
    return [
      {
        case: 'restart',
        figure: 'Worker restart (spawn of worker/main.ts → "worker ready")',
        project: spread(seconds, 's', 1),
        baseline: '',
        target: { text: '≤ 5 s', met: median(seconds) <= 5 },
      },
    ];
  },
};
