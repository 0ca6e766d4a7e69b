/**
 * "No side effect twice" for completed orders, as the multi-worker test (two workers on the dev
 * server) and the cluster tests (workers and Temporal services killed mid-order) both check it:
 * one active-number record, one activation and one completion in the timeline, one carrier
 * submission, the completion email sent, and no email idempotency key twice in the mailbox.
 */
import { api, eventually } from './api-client';
import { simulatorPortRequest } from './scenarios';
import { KEYS, type Stack } from './stack';

/** A completed order of the demo customer, with its one number and its notification address. */
export interface CompletedOrder {
  orderId: string;
  phoneNumber: string;
  email: string;
}

/** A caught email (the stack's in-process catcher, or the cluster's inbox). */
export interface CaughtMail {
  to: string[];
  subject: string;
  idempotencyKey?: string;
}

/** The values seen more than once, with their counts. */
export function repeated(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1);
}

export async function expectEachSideEffectOnce(
  stack: Pick<Stack, 'apiUrl' | 'store' | 'simulatorUrl'>,
  orders: CompletedOrder[],
  mails: CaughtMail[],
): Promise<void> {
  const active: { phoneNumber: string; orderId: string }[] = (
    await api(stack.apiUrl, KEYS.customerKey).get('/v1/active-numbers?limit=500')
  ).body.data;
  for (const o of orders) {
    // Activated once: one active-number record, one activation and one completion in the timeline.
    expect(active.filter((n) => n.phoneNumber === o.phoneNumber)).toEqual([
      expect.objectContaining({ phoneNumber: o.phoneNumber, orderId: o.orderId }),
    ]);
    // Read from the store: persistSnapshot writes the timeline just after the order document.
    const events = await eventually(
      () => stack.store.models.OrderEvent.find({ orderId: o.orderId }).lean(),
      (es) => es.some((e) => e.type === 'number.completed'),
      15_000,
    );
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect({
      order: o.orderId,
      activated: count('number.activated'),
      completed: count('number.completed'),
    }).toEqual({ order: o.orderId, activated: 1, completed: 1 });

    // Submitted to the carrier once.
    expect((await simulatorPortRequest(stack, o.orderId)).submissions).toHaveLength(1);

    // Each email once: the completion notice went out, and no idempotency key came twice.
    const theirs = mails.filter((m) => m.to.includes(o.email));
    expect(theirs.some((m) => /port complete/.test(m.subject))).toBe(true);
    const keys = theirs.flatMap((m) => (m.idempotencyKey ? [m.idempotencyKey] : []));
    expect({ order: o.orderId, repeatedKeys: repeated(keys) }).toEqual({
      order: o.orderId,
      repeatedKeys: [],
    });
  }
}
