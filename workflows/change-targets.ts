/**
 * Which numbers an update applies to, and for a cancellation or port-date change its fee quote
 * (rulebook 6), or the typed refusal the caller gets instead. Shared by handlers and validators:
 * a validator refusal never reaches the history.
 */
import { quoteChange } from '../domain/fees';
import { REFUSALS, type Actor, type FeeResult, type NumberState } from './messages';
import type { OrderRun } from './order-run';
import { changeStateOf } from './order-state';
import { refuse } from './refusals';

/** The named numbers (every one must be in the order), or when none are named every eligible one. */
export const targets = (
  run: OrderRun,
  phoneNumbers: string[] | undefined,
  eligible: (n: NumberState) => boolean,
): NumberState[] => {
  if (!phoneNumbers || phoneNumbers.length === 0) return run.state.numbers.filter(eligible);
  const unknown = phoneNumbers.filter((p) => !run.find(p));
  if (unknown.length) refuse(REFUSALS.unknownNumber, `not in this order: ${unknown.join(', ')}`);
  return phoneNumbers.map((p) => run.find(p)!);
};

/**
 * The numbers a cancellation or port-date change applies to, with its quote (or a typed refusal).
 * `giveUpRejectedAt`: a cancellation's instant, at which rejected numbers still awaiting a
 * resubmission may be given up too (a port-date change never applies to them).
 */
export const changeTargets = (
  run: OrderRun,
  actor: Actor,
  phoneNumbers: string[] | undefined,
  giveUpRejectedAt?: number,
) => {
  const changeState = (n: NumberState) => changeStateOf(n, giveUpRejectedAt);
  const numbers = targets(run, phoneNumbers, (n) => !changeState(n).closed);
  if (numbers.length === 0)
    refuse(
      REFUSALS.numberClosed,
      'no number of this order can still be changed: activated, ported or finished numbers are no longer a port',
    );
  if (actor?.role === 'ops') refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
  const quote = quoteChange(
    numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeState(n) })),
    actor.role,
    Date.now(),
    run.input.policy.feeSchedule,
  );
  const refused = quote.numbers.filter((q) => q.refusal);
  const listed = refused.map((q) => q.phoneNumber).join(', ');
  if (refused.some((q) => q.refusal === 'number_closed'))
    refuse(
      REFUSALS.numberClosed,
      `already activated, ported, rejected or finished (a port-out is a different process; a rejected number can be resubmitted or canceled): ${listed}`,
    );
  if (refused.some((q) => q.refusal === 'customer_inside_72h'))
    refuse(
      REFUSALS.customerInside72h,
      `the port is less than 72 hours away for ${listed}: only support can make this change now (fees apply); please contact support`,
    );
  if (refused.length) refuse(REFUSALS.roleNotAllowed, 'this role may not make this change');
  return { numbers, quote };
};

/** The fees a change charged, as the update answers them. */
export const feeResult = (quote: ReturnType<typeof changeTargets>['quote']): FeeResult => ({
  currency: quote.currency,
  numbers: quote.numbers.map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents })),
  totalCents: quote.totalCents,
});
