/**
 * What a role may do to each number of a submitted order now, read off the rules that decide the
 * actions themselves: the lifecycle (`phaseOf`), the change windows and who may act in each
 * (domain/fees.ts `changeWindow`, `rolesAllowed`), and the resubmission rule (domain/resubmission.ts,
 * which the resubmit route asks too). The API shows the answer on each number, so a client offers an
 * action only when the API would take it; the workflow still decides when it is asked.
 */
import { changeWindow, rolesAllowed, type ActorRole } from './fees';
import { changeStateOf, isSettled, type ChangeFacts } from './lifecycle';
import { isResubmittable } from './resubmission';
import { isClosedOrderStatus } from './statuses';

export const NUMBER_ACTIONS = ['cancel', 'change_port_date', 'resubmit', 'configure'] as const;
export type NumberAction = (typeof NUMBER_ACTIONS)[number];

/** Who may change an order at all: ops read orders but never change them (the routes allow the same). */
export const ORDER_WRITERS: readonly ActorRole[] = ['customer', 'support'];

/** A number as the order's read model knows it. */
export interface NumberActionFacts extends ChangeFacts {
  /** Its request is (or was) at the carrier: the read model counts carrier submissions, not their instant. */
  submittedToCarrier: boolean;
}

/**
 * Why the order's configuration may no longer change, if it may not (`PUT …/configuration` answers
 * it as a 409): it is applied at activation (the activation reads it), so it may change until any
 * number of the order is activated, and never once the order is closed.
 */
export function configurationRefusal(order: {
  status: string;
  numbers: readonly { activated?: boolean }[];
}): 'number_closed' | 'order_closed' | undefined {
  if (order.status !== 'draft' && order.numbers.some((n) => n.activated)) return 'number_closed';
  if (isClosedOrderStatus(order.status)) return 'order_closed';
  return undefined;
}

/** May `role` cancel (`giveUpRejectedAt`: the cancellation's instant) or move the port date of `n` at `now`? */
function mayChange(n: NumberActionFacts, role: ActorRole, now: number, giveUpRejectedAt?: number): boolean {
  const state = { ...changeStateOf(n, giveUpRejectedAt), submittedToCarrier: n.submittedToCarrier };
  return rolesAllowed(changeWindow(state, now)).includes(role);
}

/**
 * The actions `role` may take on number `n` of an order at `now`, in NUMBER_ACTIONS order.
 * `configurable`: the order's configuration may still change (no `configurationRefusal`).
 */
export function numberActions(
  n: NumberActionFacts,
  role: ActorRole,
  now: number,
  configurable: boolean,
): NumberAction[] {
  if (!ORDER_WRITERS.includes(role)) return [];
  const allowed: Record<NumberAction, boolean> = {
    // A cancellation may also give up a rejected number still awaiting its resubmission (free).
    cancel: mayChange(n, role, now, now),
    change_port_date: mayChange(n, role, now),
    // The resubmit route's own question (domain/resubmission.ts).
    resubmit: isResubmittable(
      {
        status: n.status,
        resubmitBy: n.rejection?.resubmitBy,
        submissionRefused: n.submissionRefusal !== undefined,
      },
      now,
    ),
    // The configuration is applied at activation: nothing to configure on a number finished for good.
    configure: configurable && !isSettled(n, now),
  };
  return NUMBER_ACTIONS.filter((a) => allowed[a]);
}
