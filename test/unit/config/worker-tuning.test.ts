/** The worker's capacity and shutdown settings from the environment (config/worker.ts). */
import { loadWorkerTuning, WORKER_DEFAULTS } from '../../../config/worker';

test('defaults: 500 cached workflows, 40 workflow tasks, 50 activities, 30 s grace, bundling at start', () => {
  expect(loadWorkerTuning({})).toEqual({
    maxCachedWorkflows: 500,
    maxConcurrentWorkflowTaskExecutions: 40,
    maxConcurrentActivityTaskExecutions: 50,
    shutdownGraceTimeMs: 30_000,
  });
  expect(WORKER_DEFAULTS.maxConcurrentWorkflowTaskExecutions).toBeLessThanOrEqual(
    WORKER_DEFAULTS.maxCachedWorkflows,
  );
});

test('every knob is read from its variable', () => {
  expect(
    loadWorkerTuning({
      WORKER_MAX_CACHED_WORKFLOWS: '2000',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '80',
      WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
      WORKER_SHUTDOWN_GRACE_SECONDS: '45',
      WORKFLOW_BUNDLE_PATH: '/app/lib/workflow-bundle.js',
      WORKER_METRICS_ADDRESS: '0.0.0.0:9464',
    }),
  ).toEqual({
    maxCachedWorkflows: 2000,
    maxConcurrentWorkflowTaskExecutions: 80,
    maxConcurrentActivityTaskExecutions: 20,
    shutdownGraceTimeMs: 45_000,
    workflowBundlePath: '/app/lib/workflow-bundle.js',
    metricsAddress: '0.0.0.0:9464',
  });
});

test('a cache of 0 (disabled) is allowed; nonsense values are refused, naming the variable', () => {
  expect(loadWorkerTuning({ WORKER_MAX_CACHED_WORKFLOWS: '0' }).maxCachedWorkflows).toBe(0);
  expect(() => loadWorkerTuning({ WORKER_MAX_CONCURRENT_ACTIVITIES: 'lots' })).toThrow(
    /WORKER_MAX_CONCURRENT_ACTIVITIES/,
  );
  expect(() => loadWorkerTuning({ WORKER_MAX_CONCURRENT_ACTIVITIES: '0' })).toThrow(/≥ 1/);
  expect(() => loadWorkerTuning({ WORKER_SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow(
    /WORKER_SHUTDOWN_GRACE_SECONDS/,
  );
});

test('more concurrent workflow tasks than cached workflows is refused (the SDK would silently lower it)', () => {
  expect(() =>
    loadWorkerTuning({ WORKER_MAX_CACHED_WORKFLOWS: '10', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '40' }),
  ).toThrow(/must not exceed/);
});
