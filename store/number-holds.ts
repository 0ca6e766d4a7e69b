/**
 * Which of some numbers are already held elsewhere on our platform: active on an account (nothing to
 * port) or in another open port-in order (a carrier answers one port request per number at a time).
 * Shared by the portability check and submit, so both refuse the same numbers.
 */
import { isTerminalNumberStatus, type NumberStatus } from '../domain/statuses';
import type { Store } from './connection';

/** Order statuses whose numbers are all still moving before the first snapshot lists them one by one. */
const OPEN_ORDER_STATUSES = ['in_review', 'in_progress'];

export interface NumberHolds {
  /** Number → the account it is active on. */
  active: Map<string, string>;
  /** Number → the id of the other open order (and its account) holding it. */
  inOpenOrder: Map<string, { orderId: string; accountId: string }>;
}

export async function findNumberHolds(
  store: Store,
  phoneNumbers: readonly string[],
  exceptOrderId?: string,
): Promise<NumberHolds> {
  const { ActiveNumber, Order } = store.models;
  const [active, orders] = await Promise.all([
    ActiveNumber.find({ _id: { $in: phoneNumbers }, state: { $in: ['activated', 'active'] } }).lean(),
    // Drafts hold nothing: only a submitted order has asked the carrier for its numbers.
    Order.find({
      phoneNumbers: { $in: phoneNumbers },
      status: { $ne: 'draft' },
      ...(exceptOrderId ? { _id: { $ne: exceptOrderId } } : {}),
    }).lean(),
  ]);
  const inOpenOrder: NumberHolds['inOpenOrder'] = new Map();
  for (const order of orders) {
    for (const phoneNumber of order.phoneNumbers ?? []) {
      if (!phoneNumbers.includes(phoneNumber)) continue;
      const entry = order.numbers?.find((n) => n.phoneNumber === phoneNumber);
      // A rejected, canceled or completed number is free again (completed ones show up as active).
      const open = entry
        ? !isTerminalNumberStatus(entry.status as NumberStatus)
        : OPEN_ORDER_STATUSES.includes(order.status);
      if (open) inOpenOrder.set(phoneNumber, { orderId: order._id, accountId: order.accountId });
    }
  }
  return { active: new Map(active.map((a) => [a._id, a.accountId])), inOpenOrder };
}
