/**
 * Which lists orders and webhook deliveries are in (store/list-index.ts), and their backfill for
 * items stored before the lists existed.
 */
import type { Store } from './connection';
import { backfillLists, listNames, type ListName } from './list-index';

export const orderLists = (accountId: string): ListName[] => [
  listNames.ordersOfAccount(accountId),
  listNames.allOrders,
];

export const deliveryLists = (accountId: string | undefined, orderId: string | undefined): ListName[] => [
  ...(accountId ? [listNames.deliveriesOfAccount(accountId)] : []),
  ...(orderId ? [listNames.deliveriesOfOrder(orderId)] : []),
  listNames.allDeliveries,
];

/**
 * Orders and webhook deliveries without list slots get theirs, oldest first (idempotent; a scan, at
 * the API's start only, never on a request path). Returns how many items were listed.
 */
export async function backfillListSlots(store: Store): Promise<number> {
  const { Order, Notification } = store.models;
  const orders = await Order.find({ listSlots: { $exists: false } }, { accountId: 1, createdAt: 1 }).lean();
  const byOrder = new Map(orders.map((o) => [o._id, o.accountId]));
  let listed = await backfillLists(
    store,
    orders,
    (o) => orderLists(byOrder.get(o._id)!),
    (id, listSlots) => Order.updateOne({ _id: id }, { $set: { listSlots } }),
  );
  const deliveries = await Notification.find(
    { channel: 'webhook', listSlots: { $exists: false } },
    { accountId: 1, orderId: 1, createdAt: 1 },
  ).lean();
  const byDelivery = new Map(deliveries.map((d) => [d._id, d]));
  listed += await backfillLists(
    store,
    deliveries,
    (d) =>
      deliveryLists(
        byDelivery.get(d._id)!.accountId ?? undefined,
        byDelivery.get(d._id)!.orderId ?? undefined,
      ),
    (id, listSlots) => Notification.updateOne({ _id: id }, { $set: { listSlots } }),
  );
  return listed;
}
