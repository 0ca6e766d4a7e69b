/**
 * Stored orders made in bulk, for the cases that need a big store: copies of real orders (one draft
 * and one completed order made through the API) with new ids and numbers, inserted with insertMany.
 * A share is open (in progress, holding its number), as on a platform with a history.
 */
import { randomUUID } from 'node:crypto';
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

/** A copy of `template` for a new number: new id, created some time in the last 90 days. */
export function copyOrder(template: Doc, phoneNumber: string, overrides: Record<string, unknown> = {}): Doc {
  const from = (template.phoneNumbers as string[])[0];
  const createdAt = new Date(Date.now() - Math.floor(Math.random() * 90 * 86_400_000));
  return {
    ...(renumber(template, from, phoneNumber) as Doc),
    _id: newOrderId(),
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

/**
 * Adds `count` orders: a quarter drafts, a quarter open (in progress, their number held), half
 * completed. Inserted in batches; returns how many.
 */
export async function addStoredOrders(ctx: CaseContext, count: number): Promise<number> {
  const { draft, completed } = await orderTemplates(ctx);
  const { Order, NumberHold } = ctx.stack.store.models;
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
    await Order.collection.insertMany(orders as never[], { ordered: false });
    if (holds.length) await NumberHold.collection.insertMany(holds as never[], { ordered: false });
    done += batch;
  }
  return count;
}
