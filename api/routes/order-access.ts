/** The order an /v1/port-in-orders/{id}/… route is about, as its caller may see it. */
import type { Request } from 'express';
import type { Store } from '../../store/connection';
import type { StoredOrder } from '../../store/draft';
import { canSee, principalOf } from '../auth';
import { notFound } from '../problems';

/** By `_id`; another account's order is a 404 exactly like one that does not exist. */
export async function loadVisibleOrder(store: Store, req: Request): Promise<StoredOrder> {
  const order = (await store.models.Order.findById(String(req.params.id)).lean()) as StoredOrder | null;
  if (!order || !canSee(principalOf(req), order.accountId)) throw notFound('port-in order');
  return order;
}
