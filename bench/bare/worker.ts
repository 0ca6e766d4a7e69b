/** The bare baseline's worker process: bench/bare/workflows.ts on its own task queue, no-op activities. */
import { NativeConnection, Worker } from '@temporalio/worker';

async function main() {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BARE_TASK_QUEUE ?? 'bare-bench',
    workflowsPath: require.resolve('./workflows'),
    activities: { noop: async () => undefined },
    shutdownGraceTime: 1000,
  });
  console.log('bare worker ready');
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
