/**
 * The caller's view of an order's numbers: each as the read model holds it, with the actions the
 * caller may take on it now (`actions`), derived by domain/number-actions.ts from the rules the
 * actions themselves apply.
 */
import type { ActorRole } from '../domain/fees';
import { configurationRefusal, numberActions, type NumberActionFacts } from '../domain/number-actions';
import { isPortedNumberStatus, type NumberStatus } from '../domain/statuses';
import type { StoredOrder } from '../store/draft';

/** Who reads the order, and when: the actions depend on both. */
export interface Viewer {
  role: ActorRole;
  now: number;
  /** The review promise of the policy, for orders submitted before their deadline was stored. */
  reviewSlaMs: number;
}

/** A number as the workflow's snapshot writes it into the read model. */
interface StoredNumber {
  phoneNumber: string;
  status: NumberStatus;
  activated?: boolean;
  /** Absent on numbers the read model held before it was kept. */
  ported?: boolean;
  attempt?: number;
  activationAt?: string;
  rejection?: { code?: string; resubmitBy?: string };
  submissionRefusal?: { code: string; message?: string };
}

const instant = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);

/** The carrier confirmed the port; for numbers stored before the snapshot carried it, as their status says. */
const portedOf = (n: StoredNumber) => n.ported ?? isPortedNumberStatus(n.status);

/** The facts the actions are read from, as the read model knows them. */
const factsOf = (n: StoredNumber): NumberActionFacts => ({
  status: n.status,
  activated: n.activated ?? false,
  // Confirmed by the carrier before our activation, a number is no longer a port anyone may change.
  ported: portedOf(n),
  // Counted from the carrier submissions: a number held after a refusal is back in review, at no carrier.
  submittedToCarrier: (n.attempt ?? 0) > 0 && n.status !== 'in_review',
  activationAt: instant(n.activationAt),
  ...(n.rejection ? { rejection: { resubmitBy: instant(n.rejection.resubmitBy) } } : {}),
  ...(n.submissionRefusal ? { submissionRefusal: { code: n.submissionRefusal.code } } : {}),
});

export function numbersView(order: StoredOrder, viewer: Viewer) {
  const numbers = (order.numbers ?? []) as unknown as StoredNumber[];
  const configurable = configurationRefusal({ status: order.status, numbers }) === undefined;
  return numbers.map((n) => ({
    ...n,
    ported: portedOf(n),
    actions: numberActions(factsOf(n), viewer.role, viewer.now, configurable),
  }));
}
