/**
 * When the main loop must wake up next, and when the order is over. Pure over the state: the
 * instant of the next deadline is the duration of the loop's timer, so what it is computed from
 * is part of the history (see workflows/VERSIONING.md).
 */
import { isPortedNumberStatus } from '../domain/statuses';
import type { OrderState } from './messages';
import { isSettled } from './order-state';

/** The earliest deadline still ahead of any number (or of the review), if any. */
export function nextDeadline(state: OrderState, now: number): number | undefined {
  const deadlines: number[] = [];
  if (state.review === 'pending') deadlines.push(state.reviewDeadline);
  for (const n of state.numbers) {
    if (n.status === 'submitted_to_carrier' && n.carrierFollowUpAt !== undefined)
      deadlines.push(n.carrierFollowUpAt);
    if (n.status === 'accepted' && !n.activated && n.activationAt !== undefined)
      deadlines.push(n.activationAt);
    if (n.status === 'accepted' && n.activated && !n.ported && n.endOfBusinessCheckAt !== undefined)
      deadlines.push(n.endOfBusinessCheckAt);
    if (
      n.ported &&
      n.nextCapabilityTestAt !== undefined &&
      (n.status === 'accepted' || isPortedNumberStatus(n.status)) &&
      n.status !== 'completed'
    )
      deadlines.push(n.nextCapabilityTestAt);
    if (n.status === 'rejected' && n.rejection?.resubmitBy !== undefined && now < n.rejection.resubmitBy)
      deadlines.push(n.rejection.resubmitBy);
  }
  return deadlines.length ? Math.min(...deadlines) : undefined;
}

/** Every number is finished for good (rulebook 5.9). */
export const finished = (state: OrderState, now: number): boolean =>
  state.numbers.every((n) => isSettled(n, now));
