/** Reading orders: the list (newest first, from keyed list slots), one order, its timeline. */
import type { RequestHandler } from 'express';
import { timelineEntryVisibleTo } from '../../../domain/comments';
import type { StoredOrder } from '../../../store/draft';
import { listNames, readListPage } from '../../../store/list-index';
import { principalOf } from '../../auth';
import { createdWindow, listOrdersQuerySchema, orderMatches, parseQuery } from '../../list-queries';
import { orderView } from '../../order-view';
import { positionCursor, readPosition } from '../../pagination';
import type { OrderContext } from './context';

/**
 * Slots read for one list page at most (store/list-index.ts): a filter that matches few orders
 * answers a shorter page, with a cursor to go on, rather than reading the whole account.
 */
const LIST_READ_BUDGET = 250;

export const listOrders =
  ({ store, cipher, viewerOf, models: { Order } }: OrderContext): RequestHandler =>
  async (req, res) => {
    const { cursor, limit, ...filters } = parseQuery(listOrdersQuerySchema, req.query);
    const p = principalOf(req);
    const accountId = p.role === 'customer' ? p.accountId : filters.accountId;
    // Everything that selects the list: a cursor is refused with other filters or another account.
    const scope = { ...filters, accountId };
    const page = await readListPage(store, {
      list: accountId ? listNames.ordersOfAccount(accountId) : listNames.allOrders,
      from: readPosition(cipher, scope, cursor),
      limit,
      budget: LIST_READ_BUDGET,
      fetch: async (id) => (await Order.findById(id).lean()) as StoredOrder | null,
      slotsOf: (order) => order.listSlots,
      matches: (order) => orderMatches(order, scope),
      ...createdWindow(filters.createdFrom, filters.createdTo),
    });
    res.json({
      data: page.items.map((o) => orderView(o, cipher, viewerOf(req))),
      nextCursor: positionCursor(cipher, scope, page.next),
    });
  };

export const getOrder =
  ({ cipher, loadVisible, viewerOf }: OrderContext): RequestHandler =>
  async (req, res) => {
    res.json(orderView(await loadVisible(req), cipher, viewerOf(req)));
  };

export const orderEvents =
  ({ loadVisible, models: { OrderEvent } }: OrderContext): RequestHandler =>
  async (req, res) => {
    const order = await loadVisible(req);
    // Timeline entries are keyed `orderId:seq` with seq 1..snapshotSeq: read by _id (an index search),
    // never by orderId (a scan of every order's timeline; see docs/store.md).
    const seqs = Array.from({ length: Math.max(0, order.snapshotSeq ?? 0) }, (_, i) => i + 1);
    const found = await Promise.all(seqs.map((seq) => OrderEvent.findById(`${order._id}:${seq}`).lean()));
    // Internal notes' entries are staff-only, like the notes (domain/comments.ts).
    const { role } = principalOf(req);
    const events = found.filter((e) => e !== null).filter((e) => timelineEntryVisibleTo(role, e.type ?? ''));
    // Named fields only: storage details (_id, __v) are not part of the timeline.
    res.json({
      data: events.map((e) => ({
        orderId: e.orderId,
        seq: e.seq,
        at: e.at,
        type: e.type,
        phoneNumbers: e.phoneNumbers ?? [], // an order-level entry (a comment) names no number
        detail: e.detail ?? undefined,
      })),
    });
  };
