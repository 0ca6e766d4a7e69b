/**
 * Staff may create orders of up to 100 numbers. The workflow groups numbers per step (one activity
 * call, one timer, one transition for all the numbers an event names), so a 100-number order's
 * history must stay about as long as a 1-number order's, far from Temporal's history limits.
 */
import { useWorkflowTestEnv, type OrderDriver } from './harness';

const t = useWorkflowTestEnv('scale');

const numbers = (count: number) =>
  Array.from({ length: count }, (_, i) => `+1202556${String(i).padStart(4, '0')}`);

async function happyPath(order: OrderDriver) {
  await order.approveAndSubmit();
  const focDate = await order.businessDaysAhead(4);
  await order.accept(focDate);
  await order.sleepUntil(order.activationOf(focDate) + 1_000);
  await order.ported();
  const result = await order.handle.result();
  const history = await order.handle.fetchHistory();
  return { result, events: history.events?.length ?? 0, bytes: JSON.stringify(history).length };
}

test('a 100-number happy path keeps a history about as long as a 1-number one', async () => {
  const one = await t.withOrder({ input: { phoneNumbers: numbers(1) } }, happyPath);
  const hundred = await t.withOrder({ input: { phoneNumbers: numbers(100) } }, async (order) => {
    const run = await happyPath(order);
    // One call per step for all 100 numbers, not one per number.
    for (const step of [
      'submitToCarrier',
      'activateNumbers',
      'testCapabilities',
      'completeNumbers',
    ] as const) {
      expect(order.fake.named(step)).toHaveLength(1);
    }
    expect(order.fake.named('completeNumbers')[0].phoneNumbers).toHaveLength(100);
    return run;
  });

  expect(one.result.status).toBe('completed');
  expect(hundred.result.status).toBe('completed');
  expect(hundred.result.numbers.every((n) => n.status === 'completed')).toBe(true);
  // Event count: the same steps whatever the size (a little slack for timer/update interleaving).
  expect(hundred.events).toBeLessThanOrEqual(Math.ceil(one.events * 1.2));
  // Bytes do grow with the numbers (each persisted snapshot lists them): about 5x here, ~270 kB,
  // far below the point where Temporal suggests continuing as new.
  expect(hundred.bytes).toBeLessThan(1_000_000);
}, 120_000);
