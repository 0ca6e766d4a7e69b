/**
 * Chasing a carrier that has gone quiet (rulebook 5.3, 5.7): no answer to a submission within N
 * business days, or no port confirmation by end of business on the FOC date. Each is recorded,
 * alerted to ops and rescheduled; due-actions.ts then queries the carrier and applies its answers.
 */
import { addBusinessDays, businessDaysLater, endOfBusinessInstant, localDate } from '../domain/calendar';
import type { NumberState, OrderState } from './messages';
import type { OrderRun } from './order-run';

/** Submitted numbers whose follow-up is due. */
export const silentNumbers = (state: OrderState, now: number): NumberState[] =>
  state.numbers.filter(
    (n) =>
      n.status === 'submitted_to_carrier' && n.carrierFollowUpAt !== undefined && now >= n.carrierFollowUpAt,
  );

/** Counts the follow-up, schedules the next one N business days on, records it and alerts ops. */
export const followUpSilence = (run: OrderRun, silent: NumberState[], now: number) => {
  const { policy, country, timeZone } = run.input;
  for (const n of silent) {
    n.carrierFollowUps += 1;
    n.carrierFollowUpAt = businessDaysLater(now, policy.carrierFollowUpBusinessDays, country, timeZone);
  }
  run.transition(
    'carrier.follow_up',
    silent,
    undefined,
    `no answer in ${policy.carrierFollowUpBusinessDays} business days`,
  );
  run.outbox.alert('carrier_silent', `no carrier answer for ${silent.map((n) => n.phoneNumber).join(', ')}`);
};

/** Activated numbers still without the carrier's confirmation at their end-of-business check. */
export const overduePorts = (state: OrderState, now: number): NumberState[] =>
  state.numbers.filter(
    (n) =>
      n.status === 'accepted' &&
      n.activated &&
      !n.ported &&
      n.endOfBusinessCheckAt !== undefined &&
      now >= n.endOfBusinessCheckAt,
  );

/** Flags the ports overdue, checks again at the next business day's end, records it and alerts ops. */
export const flagOverduePorts = (run: OrderRun, overdue: NumberState[], now: number) => {
  const { country, timeZone } = run.input;
  for (const n of overdue) {
    n.portOverdue = true;
    n.endOfBusinessCheckAt = endOfBusinessInstant(
      addBusinessDays(localDate(now, timeZone), 1, country),
      timeZone,
    );
  }
  run.transition('carrier.port_overdue', overdue, undefined, 'no port confirmation by end of business');
  run.outbox.alert(
    'port_overdue',
    `carrier has not confirmed the port of ${overdue.map((n) => n.phoneNumber).join(', ')}`,
  );
};
