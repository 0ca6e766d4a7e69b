/**
 * Activity implementations, one module per party they talk to (carrier.ts, inventory.ts,
 * notifications.ts), built by factories from injected dependencies so tests can swap any of them.
 * Each side effect is idempotent: a unique key in the store (charges, notifications, inventory) or an
 * idempotency key passed to the carrier. The worker registers them all under their own names.
 */
import { carrierActivities } from './carrier';
import type { ActivityDeps } from './context';
import { inventoryActivities } from './inventory';
import { notificationActivities } from './notifications';
import type { PortInActivities } from './types';

export type { ActivityDeps } from './context';

export function createActivities(deps: ActivityDeps): PortInActivities {
  return { ...carrierActivities(deps), ...inventoryActivities(deps), ...notificationActivities(deps) };
}
