/**
 * Activation at FOC midnight in the order's zone (rulebook 5.6): which numbers are due, and the
 * inverse for numbers the carrier canceled after activation. The inventory activities are called
 * from due-actions.ts; these record what they did.
 */
import type { NumberState, OrderState } from './messages';
import type { OrderRun } from './order-run';

/** Accepted numbers whose activation instant has come (or that the carrier already ported). */
export const dueForActivation = (state: OrderState, now: number): NumberState[] =>
  state.numbers.filter(
    (n) =>
      n.status === 'accepted' &&
      !n.activated &&
      ((n.activationAt !== undefined && now >= n.activationAt) || n.ported),
  );

export const activated = (run: OrderRun, numbers: NumberState[]) => {
  for (const n of numbers) n.activated = true;
  run.transition('number.activated', numbers, undefined, 'added to the account, routing ready');
};

/**
 * Canceled by the carrier after activation: out of the account's inventory again, so the number
 * routes nowhere on our side and is free for a later order.
 */
export const dueForDeactivation = (state: OrderState): NumberState[] =>
  state.numbers.filter((n) => n.status === 'canceled' && n.activated);

export const deactivated = (run: OrderRun, numbers: NumberState[]) => {
  for (const n of numbers) n.activated = false;
  run.transition('number.deactivated', numbers, undefined, 'removed from the account: the port was canceled');
};
