/**
 * The parties the order talks to, each through its own activities with the timeouts and retry
 * policy that suit it. Activity options are part of every ScheduleActivityTask command: changing
 * them changes what replays (see workflows/VERSIONING.md).
 */
import {
  ActivityFailure,
  ApplicationFailure,
  proxyActivities,
  type ActivityOptions,
} from '@temporalio/workflow';
import {
  CARRIER_REFUSED,
  type CarrierActivities,
  type InventoryActivities,
  type NotificationActivities,
} from '../activities/types';

/** The losing carrier: slow and sometimes down, so patient retries; a refusal (4xx) is final. */
const CARRIER_POLICY: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: [CARRIER_REFUSED],
  },
};

/** Our own store and inventory: fast, retried until they answer. */
const STORE_POLICY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Customer emails, customer webhooks and ops alerts, each delivery retried on its own and given up
 * after a bounded number of attempts (see outbox.ts).
 */
const NOTIFICATION_POLICY: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: 20,
  },
};

export const carrier = proxyActivities<CarrierActivities>(CARRIER_POLICY);
/**
 * The carrier's status query at end of business, waited for 15 minutes at most: its answer decides
 * which ports are overdue, but with the carrier down ops must still hear of them (rulebook 5.7).
 */
export const carrierAtEndOfBusiness = proxyActivities<Pick<CarrierActivities, 'queryCarrier'>>({
  ...CARRIER_POLICY,
  scheduleToCloseTimeout: '15 minutes',
});
export const inventory = proxyActivities<InventoryActivities>(STORE_POLICY);
export const notifications = proxyActivities<NotificationActivities>(NOTIFICATION_POLICY);

/**
 * The carrier's look-ups and capability tests as orders started before patch
 * `carrier-calls-carrier-policy` scheduled them: under the store's policy.
 */
export const carrierUnderStorePolicy =
  proxyActivities<Pick<CarrierActivities, 'runAutomaticChecks' | 'testCapabilities'>>(STORE_POLICY);

/** The carrier said no (HTTP 4xx): the activity failed for good with `CARRIER_REFUSED`, see activities/carrier.ts. */
export const carrierRefusal = (err: unknown): ApplicationFailure | undefined =>
  err instanceof ActivityFailure &&
  err.cause instanceof ApplicationFailure &&
  err.cause.type === CARRIER_REFUSED
    ? err.cause
    : undefined;
