/**
 * Stored orders made in bulk, for the cases that need a big store: copies of real orders (one draft
 * and one completed order made through the API) with new ids and numbers, inserted with insertMany
 * together with what the API writes beside an order (its list slots, its number hold), so the store
 * has the shape the API would have left. A share is open (in progress, holding its number), as on a
 * platform with a history.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/connection';
import { claimSlotRun } from '../store/list-index';
import { orderLists } from '../store/listed-items';
import { completedOrder } from './cases/lifecycle';
import type { CaseContext } from './context';
import { apiClient, freshNumbers, readyDraft } from './orders';
import { KEYS } from './stack';

type Doc = Record<string, unknown> & { _id: string };

/** Every string equal to `from`, anywhere in the document, becomes `to` (the copy's own number). */
function renumber(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => renumber(v, from, to));
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renumber(v, from, to)]));
  return value;
}

export const newOrderId = () => `pio_${randomUUID().replace(/-/g, '').slice(0, 20)}`;

export interface Templates {
  draft: Doc;
  completed: Doc;
}

let templates: Promise<Templates> | undefined;

export function orderTemplates(ctx: CaseContext): Promise<Templates> {
  templates ??= (async () => {
    const { orderId } = await completedOrder(ctx);
    const draftId = await readyDraft(apiClient(ctx.stack.apiUrl, KEYS.customer), freshNumbers(1));
    const raw = ctx.stack.store.models.Order.collection;
    const [draft, completed] = await Promise.all([
      raw.findOne({ _id: draftId as never }),
      raw.findOne({ _id: orderId as never }),
    ]);
    if (!draft || !completed) throw new Error('template orders not found in the store');
    return { draft: draft as unknown as Doc, completed: completed as unknown as Doc };
  })();
  return templates;
}

let lastStamp = 0;
/** Creation times in the order the copies are made (list slots are in creation order), 1 ms apart. */
const stamp = () => new Date((lastStamp = Math.max(Date.now(), lastStamp + 1)));

/** A copy of `template` for a new number: new id, created now; its list slots come with insertOrders. */
export function copyOrder(template: Doc, phoneNumber: string, overrides: Record<string, unknown> = {}): Doc {
  const from = (template.phoneNumbers as string[])[0];
  const createdAt = stamp();
  const { listSlots: _template, ...copy } = renumber(template, from, phoneNumber) as Doc;
  return { ...copy, _id: newOrderId(), createdAt, updatedAt: createdAt, ...overrides };
}

/**
 * Inserts copies as the API stores orders: each takes its slots in its account's list and in the
 * list of every order (claimed in bulk, in creation order), then the orders name their slots.
 */
export async function insertOrders(store: Store, orders: Doc[]): Promise<void> {
  const byAccount = new Map<string, Doc[]>();
  for (const o of orders)
    byAccount.set(o.accountId as string, [...(byAccount.get(o.accountId as string) ?? []), o]);
  for (const [accountId, ofAccount] of byAccount) {
    const items = ofAccount.map((o) => ({ ref: o._id, at: o.createdAt as Date }));
    const lists = orderLists(accountId);
    const slots = await Promise.all(lists.map((l) => claimSlotRun(store, l.list, items)));
    ofAccount.forEach(
      (o, i) => (o.listSlots = Object.fromEntries(lists.map((l, j) => [l.kind, slots[j][i]]))),
    );
  }
  await store.models.Order.collection.insertMany(orders as never[], { ordered: false });
}

/**
 * Adds `count` orders: a quarter drafts, a quarter open (in progress, their number held), half
 * completed. Inserted in batches; returns how many.
 */
export async function addStoredOrders(ctx: CaseContext, count: number): Promise<number> {
  const { draft, completed } = await orderTemplates(ctx);
  const { NumberHold } = ctx.stack.store.models;
  for (let done = 0; done < count;) {
    const batch = Math.min(1_000, count - done);
    const orders: Doc[] = [];
    const holds: Doc[] = [];
    for (const [i, phoneNumber] of freshNumbers(batch).entries()) {
      const kind = (done + i) % 4;
      if (kind === 0) orders.push(copyOrder(draft, phoneNumber));
      else if (kind === 1) {
        const order = copyOrder(completed, phoneNumber, { status: 'in_progress' });
        order.numbers = (order.numbers as Array<Record<string, unknown>>).map((n) => ({
          ...n,
          status: 'submitted_to_carrier',
          activated: false,
        }));
        orders.push(order);
        holds.push({
          _id: phoneNumber,
          orderId: order._id,
          accountId: order.accountId as string,
          since: order.createdAt as Date,
        } as Doc);
      } else orders.push(copyOrder(completed, phoneNumber));
    }
    await insertOrders(ctx.stack.store, orders);
    if (holds.length) await NumberHold.collection.insertMany(holds as never[], { ordered: false });
    done += batch;
  }
  return count;
}
