/**
 * What every handler of /v1/port-in-orders shares: the dependencies, the order as the caller may
 * see it, the checks of an order's state, the numbers normalised as at create, and the order
 * workflow's client (api/order-workflow-client.ts). Each action is its own handler in this folder.
 */
import type { Request } from 'express';
import type { Client } from '@temporalio/client';
import { normalizePhoneNumber } from '../../../domain/phone-numbers';
import { duplicatePhoneNumberProblems } from '../../../domain/number-holds';
import { REQUEST_MAX_NUMBERS } from '../../../domain/intake/eligibility';
import type { CarrierGateway } from '../../../carrier/gateway';
import type { FieldCipher } from '../../../security/field-crypto';
import type { Store } from '../../../store/connection';
import type { StoredOrder } from '../../../store/draft';
import { catchUpOrder } from '../../../store/order-catch-up';
import { DEFAULT_POLICY, type Actor, type OrderPolicy } from '../../../workflows/messages';
import { canSee, principalOf } from '../../auth';
import type { Metrics } from '../../observability';
import type { Viewer } from '../../number-view';
import { orderView } from '../../order-view';
import { orderWorkflowClient } from '../../order-workflow-client';
import { HttpProblem, notFound } from '../../problems';

export interface OrderRouteDeps {
  store: Store;
  temporal: Client;
  cipher: FieldCipher;
  carrier: CarrierGateway;
  taskQueue?: string;
  autoApproveCleanOrders: boolean;
  metrics: Metrics;
  /** Operator overrides of the order policy (timers, fees) for every order started from now on. */
  policyOverrides?: Partial<OrderPolicy>;
}

/** A list the schema refused that can still be checked number by number: strings, and not too many. */
export const plausibleNumberList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length <= REQUEST_MAX_NUMBERS && value.every((n) => typeof n === 'string')
    ? (value as string[])
    : undefined;

/** The request's body as an object whatever the schema said, to check the fields that are usable. */
export const rawBody = (req: Request): Record<string, unknown> =>
  (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;

export const actorOf = (req: Request): Actor => {
  const p = principalOf(req);
  return { role: p.role, id: p.keyName };
};

export const requireDraft = (order: StoredOrder) => {
  if (order.status !== 'draft')
    throw new HttpProblem(409, 'not_a_draft', `the order is ${order.status}; only drafts can be edited`);
};

export const requireSubmitted = (order: StoredOrder) => {
  if (order.status === 'draft')
    throw new HttpProblem(
      409,
      'not_submitted',
      'the order is still a draft: delete it instead, no fee applies',
    );
};

/** The numbers in E.164; any invalid one, or two spellings of one number, is a 422 naming each. */
export function normalizedOrThrow(raw: string[], country: string): string[] {
  const numbers = raw.map((n) => normalizePhoneNumber(n, country));
  const keys = numbers.map((n) => (n.ok ? n.e164 : undefined));
  const bad = numbers.map((n, i) => ({ n, i })).filter(({ n }) => !n.ok);
  // Two spellings of one number are an input error (rulebook section 2), never silently merged.
  const duplicates = duplicatePhoneNumberProblems(raw, keys);
  if (bad.length || duplicates.length)
    throw new HttpProblem(
      422,
      bad.length ? 'invalid_phone_number' : 'duplicate_number',
      bad.length ? 'some phone numbers are not valid' : 'some phone numbers are listed more than once',
      [
        ...bad.map(({ i }) => ({
          code: 'invalid_phone_number',
          field: `phoneNumbers[${i}]`,
          message: `${raw[i]} is not a valid phone number`,
        })),
        ...duplicates,
      ],
    );
  return keys as string[];
}

export function orderContext(deps: OrderRouteDeps) {
  const { store, cipher } = deps;
  const { Order } = store.models;
  const workflow = orderWorkflowClient(deps);

  /** The order, if the caller may see it; another account's order is a 404, as if it did not exist. */
  const loadVisible = async (req: Request): Promise<StoredOrder> => {
    const order = (await Order.findById(String(req.params.id)).lean()) as StoredOrder | null;
    if (!order || !canSee(principalOf(req), order.accountId)) throw notFound('port-in order');
    return order;
  };

  /** Who reads the order, and when: each number's `actions` depend on both (api/number-view.ts). */
  const viewerOf = (req: Request): Viewer => ({
    role: principalOf(req).role,
    now: Date.now(),
    reviewSlaMs: deps.policyOverrides?.reviewSlaMs ?? DEFAULT_POLICY.reviewSlaMs,
  });

  /**
   * Read-your-writes: the order as it stands once an update answered, as a GET right after shows
   * it. The workflow's snapshot (a query, so its state includes the update) is written ahead of the
   * workflow's own persist when it is newer than what is stored (store/order-catch-up.ts), then the
   * order is read back. The action is done by then: a failure here only leaves the read model to
   * the workflow's persist, a moment later, and never fails the answer.
   */
  const orderAfterUpdate = async (orderId: string, req: Request) => {
    try {
      await catchUpOrder(store, await workflow.snapshot(orderId));
    } catch (err) {
      deps.metrics.workflowMessageFailures.inc({ kind: 'read_your_writes_failed' });
      console.warn(`read-your-writes: order ${orderId} not caught up: ${(err as Error).message}`);
    }
    return orderView((await Order.findById(orderId).lean()) as unknown as StoredOrder, cipher, viewerOf(req));
  };

  return { deps, store, cipher, models: store.models, workflow, loadVisible, orderAfterUpdate, viewerOf };
}

export type OrderContext = ReturnType<typeof orderContext>;
