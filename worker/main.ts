/**
 * The worker process: runs port-in order workflows and their activities on one task queue.
 * Several workers may share the queue; each order's workflow runs on one at a time.
 */
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { loadConfig } from '../config';
import { describeTemporalTarget } from '../temporal/connection';
import { createDataConverter } from '../temporal/data-converter';
import { buildActivities } from './activities';

async function main() {
  const config = loadConfig();
  const tuning = config.worker;
  // The SDK's own metrics (task latencies, free slots, sticky cache) for Prometheus; before any connection.
  if (tuning.metricsAddress)
    Runtime.install({
      telemetryOptions: { metrics: { prometheus: { bindAddress: tuning.metricsAddress } } },
    });
  const { activities, close } = await buildActivities(config);
  const connection = await NativeConnection.connect(config.temporal.connectOptions);
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    // The image runs the bundle `npm run build` made (WORKFLOW_BUNDLE_PATH); without it, webpack at start.
    ...(tuning.workflowBundlePath
      ? { workflowBundle: { codePath: tuning.workflowBundlePath } }
      : { workflowsPath: require.resolve('../workflows') }),
    activities,
    dataConverter: createDataConverter(config),
    // Capacity and shutdown: config/worker.ts says why these defaults.
    shutdownGraceTime: tuning.shutdownGraceTimeMs,
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: tuning.maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivityTaskExecutions,
  });
  console.log(
    `worker ready on task queue ${config.temporal.taskQueue} at ${describeTemporalTarget(config.temporal)}`,
  );
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
