/**
 * The worker process: runs port-in order workflows and their activities on one task queue.
 * Several workers may share the queue; each order's workflow runs on one at a time.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../config';
import { buildActivities } from './activities';

async function main() {
  const config = loadConfig();
  const { activities, close } = await buildActivities(config);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    ...(process.env.WORKFLOW_BUNDLE_PATH
      ? { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH } }
      : { workflowsPath: require.resolve('../workflows') }),
    activities,
    shutdownGraceTime: '30 seconds',
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 500),
  });
  console.log(`worker ready on task queue ${config.temporal.taskQueue} at ${config.temporal.address}`);
  try {
    await worker.run(); // stops on SIGINT/SIGTERM (the SDK installs the handlers)
  } finally {
    await connection.close();
    await close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
