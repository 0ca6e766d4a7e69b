/**
 * The workflow's handles on its activities, grouped by what they talk to, each with the timeouts
 * and retry policy that suit it. Activity options are part of every ScheduleActivityTask command:
 * changing them changes what replays (see workflows/VERSIONING.md).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { PortInActivities } from '../activities/types';

/** The losing carrier: slow and sometimes down, so patient retries; a refusal (4xx) is final. */
export const carrier = proxyActivities<PortInActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['CarrierRequestRefused'],
  },
});

/** Our own store and inventory: fast, retried until they answer. */
export const store = proxyActivities<PortInActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Customer emails, customer webhooks and ops alerts, each delivery retried on its own and given up
 * after a bounded number of attempts (see outbox.ts).
 */
export const notify = proxyActivities<PortInActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: 20,
  },
});
