/**
 * What the submit validation of a stored draft is computed from: the draft as the rules read it
 * (carrier secrets only as present / absent) and the context (the caller's role, the account's plan,
 * today in the order's zone, the carrier's look-ups, the numbers held elsewhere). Submit and the
 * requirements checklist both assess an order through here, so they judge it with the same inputs.
 */
import { isOrderTimeZone, orderTimeZone } from '../domain/address';
import { localDate } from '../domain/calendar';
import type { PortInOrderDraft } from '../domain/order';
import { assessSubmission, type SubmissionAssessment } from '../domain/requirements';
import type { SubmissionContext } from '../domain/validation';
import type { CarrierGateway } from '../carrier/gateway';
import type { Store } from '../store/connection';
import type { StoredOrder } from '../store/draft';
import { findNumberHolds } from '../store/number-holds';
import type { Principal } from './auth';

/**
 * The zone an order's dates are computed in. Create and edit refuse an invalid override, but an
 * older draft may still hold one: then the address's zone, so no date computation can throw.
 */
export const zoneOf = (order: Pick<StoredOrder, 'timeZone' | 'draft'>): string =>
  isOrderTimeZone(order.timeZone)
    ? order.timeZone
    : (orderTimeZone(order.draft as unknown as PortInOrderDraft) ?? 'America/New_York');

/** The stored draft as the rules read it: a sealed secret counts as given, and is never unsealed here. */
export function draftForRules(order: StoredOrder): PortInOrderDraft {
  return {
    ...order.draft,
    losingCarrier: {
      ...order.draft.losingCarrier,
      ...(order.draft.losingCarrier?.pinSealed ? { pin: 'present' } : {}),
      ...(order.draft.losingCarrier?.accountNumberSealed ? { accountNumber: 'present' } : {}),
    },
  } as PortInOrderDraft;
}

export interface SubmissionInputs {
  draft: PortInOrderDraft;
  context: SubmissionContext;
  /** The carrier's look-ups, also used to name the losing carrier of the workflow. */
  lookups: SubmissionContext['lookups'];
}

/** Reads everything the assessment needs, for `principal` acting now. */
export async function submissionInputs(
  deps: { store: Store; carrier: CarrierGateway },
  order: StoredOrder,
  principal: Principal,
  now: number,
): Promise<SubmissionInputs> {
  const [account, lookups, holds] = await Promise.all([
    deps.store.models.Account.findById(order.accountId, { plan: 1 }).lean(),
    deps.carrier.lookupNumbers(order.phoneNumbers),
    findNumberHolds(deps.store, order.phoneNumbers, order._id),
  ]);
  const context: SubmissionContext = {
    // Anyone but support is judged as the customer (least privilege): ops never submit.
    actorRole: principal.role === 'support' ? 'support' : 'customer',
    accountPlan: (account?.plan ?? 'trial') as SubmissionContext['accountPlan'],
    today: localDate(now, zoneOf(order)),
    lookups,
    activeNumbers: [...holds.active.keys()],
    numbersInOtherOpenOrders: [...holds.inOpenOrder.keys()],
  };
  return { draft: draftForRules(order), context, lookups };
}

/** The submit assessment of a stored order, for `principal` acting now. */
export async function assessStoredOrder(
  deps: { store: Store; carrier: CarrierGateway },
  order: StoredOrder,
  principal: Principal,
  now: number,
): Promise<{ inputs: SubmissionInputs; assessment: SubmissionAssessment }> {
  const inputs = await submissionInputs(deps, order, principal, now);
  return { inputs, assessment: assessSubmission(inputs.draft, inputs.context) };
}
