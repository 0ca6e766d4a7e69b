/**
 * The worker's capacity and shutdown settings (README "Running in production" says how to size them).
 *
 * Defaults, and why:
 * - 500 cached workflows: an order's workflow lives for weeks but is busy only around its events
 *   (submission, carrier answers, activation, port, tests). The cache keeps recently active orders'
 *   state in memory so their next task does not replay the history; an order evicted from it (the
 *   least recently used goes when the cache is full) replays its history on its next task: a few
 *   milliseconds of CPU for an order's ~150 events, never a change of behaviour. Each cached order
 *   costs about 0.6 MB of worker memory (every cached workflow evaluates its own copy of the
 *   workflow modules: keep heavy packages out of workflows/ and domain/), so 500 hold ~300 MB over
 *   an idle worker's ~230 MB, whatever the number of orders parked on timers. A fixed number
 *   (instead of the SDK's heap-based default) keeps a worker's memory predictable: size it as
 *   memory limit ≈ 250 MB + 0.6 MB × WORKER_MAX_CACHED_WORKFLOWS, with headroom for activities.
 * - 40 concurrent workflow tasks (the SDK's default, and at most the cache size): workflow tasks are
 *   short CPU bursts in the V8 sandbox; more only helps with more cores.
 * - 50 concurrent activities: they wait on I/O (MongoDB, the carrier's API, SMTP), and the cap
 *   bounds the calls one worker makes to a carrier at once. Their store calls share the process's
 *   10 connections (store/connection.ts): on FerretDB more connections only means more writers
 *   sleeping in SQLite's busy handler; the others wait their turn in the driver's queue.
 * - 30 s shutdown grace: in-flight activities (1 min start-to-close at most, usually seconds) get time
 *   to finish on SIGTERM; those still running after it are cancelled and retried on another worker.
 *   The orchestrator's stop timeout must be longer (compose: stop_grace_period).
 */
import { integerFromEnv } from './env-integer';
export const WORKER_DEFAULTS = {
  maxCachedWorkflows: 500,
  maxConcurrentWorkflowTaskExecutions: 40,
  maxConcurrentActivityTaskExecutions: 50,
  shutdownGraceSeconds: 30,
} as const;

export interface WorkerTuning {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  shutdownGraceTimeMs: number;
  /** A prebuilt workflow bundle (`npm run build` writes lib/workflow-bundle.js); unset: bundle at start. */
  workflowBundlePath?: string;
  /** host:port for the SDK's Prometheus metrics (schedule-to-start latency, slots, cache); unset: none. */
  metricsAddress?: string;
}

export function loadWorkerTuning(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const maxCachedWorkflows = integerFromEnv(
    env,
    'WORKER_MAX_CACHED_WORKFLOWS',
    WORKER_DEFAULTS.maxCachedWorkflows,
    0,
  );
  const maxConcurrentWorkflowTaskExecutions = integerFromEnv(
    env,
    'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
    WORKER_DEFAULTS.maxConcurrentWorkflowTaskExecutions,
    2,
  );
  if (maxCachedWorkflows > 0 && maxConcurrentWorkflowTaskExecutions > maxCachedWorkflows)
    throw new Error('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS must not exceed WORKER_MAX_CACHED_WORKFLOWS');
  return {
    maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: integerFromEnv(
      env,
      'WORKER_MAX_CONCURRENT_ACTIVITIES',
      WORKER_DEFAULTS.maxConcurrentActivityTaskExecutions,
      1,
    ),
    shutdownGraceTimeMs:
      integerFromEnv(env, 'WORKER_SHUTDOWN_GRACE_SECONDS', WORKER_DEFAULTS.shutdownGraceSeconds, 0) * 1000,
    ...(env.WORKFLOW_BUNDLE_PATH ? { workflowBundlePath: env.WORKFLOW_BUNDLE_PATH } : {}),
    ...(env.WORKER_METRICS_ADDRESS ? { metricsAddress: env.WORKER_METRICS_ADDRESS } : {}),
  };
}
