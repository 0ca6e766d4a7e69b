/**
 * The worker process: runs port-in order workflows and their activities on one task queue.
 * Several workers may share the queue; each order's workflow runs on one at a time.
 */
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { loadConfig } from '../config';
import { DevelopmentMaterialError } from '../config/development-material';
import { describeTemporalTarget } from '../temporal/connection';
import { createDataConverter } from '../temporal/data-converter';
import { cachedWorkflowBundle } from '../temporal/workflow-bundle-cache';
import { buildActivities } from './activities';

async function main() {
  // Production refuses development keys before connecting to anything.
  const config = loadConfig('worker');
  const tuning = config.worker;
  // The SDK's own metrics (task latencies, free slots, sticky cache) for Prometheus; before any connection.
  if (tuning.metricsAddress)
    Runtime.install({
      telemetryOptions: { metrics: { prometheus: { bindAddress: tuning.metricsAddress } } },
    });
  // The store (connect, indexes), Temporal and the workflow bundle are independent: made ready at
  // once, so a restart waits for the slowest of them, not for their sum.
  // The image runs the bundle `npm run build` made (WORKFLOW_BUNDLE_PATH); without it, the bundle of
  // the code as it is now, from the cache (webpack only when the workflow code changed).
  const [{ activities, close }, connection, codePath] = await Promise.all([
    buildActivities(config),
    NativeConnection.connect(config.temporal.connectOptions),
    tuning.workflowBundlePath ?? cachedWorkflowBundle().then((b) => b.codePath),
  ]);
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle: { codePath },
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
  // A refusal of development material is read by an operator: its message, not a stack trace.
  console.error(err instanceof DevelopmentMaterialError ? err.message : err);
  process.exit(1);
});
