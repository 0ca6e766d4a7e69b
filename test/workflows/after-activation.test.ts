/**
 * Carrier events about numbers already activated (added to the account's inventory at FOC
 * midnight) but not yet ported: a cancellation takes them back out of the inventory, and a moved
 * FOC date is recorded, alerted and told to the customer without activating them again.
 */
import { DAY_MS, eventually, HOUR_MS, iso, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('after-activation');

test('the carrier cancels after activation: the numbers are deactivated in one batch and the order ends canceled', async () => {
  await t.withOrder({ input: { phoneNumbers: ['+12025550231', '+12025550232'] } }, async (order) => {
    await order.approveAndSubmit();
    const focDate = await order.businessDaysAhead(3);
    await order.accept(focDate);
    await order.sleepUntil(order.activationOf(focDate) + 1_000);
    await order.statusWhen((s) => s.numbers.every((n) => n.activated), 'activated');

    await order.carrierCancel();
    const result = await order.handle.result();
    expect(result.status).toBe('canceled');
    expect(result.numbers).toEqual(
      order.numbers.map((phoneNumber) =>
        expect.objectContaining({
          phoneNumber,
          status: 'canceled',
          activated: false,
          cancellation: { by: 'carrier', feeCents: 0 },
        }),
      ),
    );
    expect(order.fake.named('deactivateNumbers')).toEqual([
      expect.objectContaining({ phoneNumbers: order.numbers, idempotencyKey: expect.any(String) }),
    ]);
    const types = result.transitions.map((x) => x.type);
    expect(types.indexOf('number.deactivated')).toBeGreaterThan(types.indexOf('number.canceled'));
    // The read model's last snapshot already shows the numbers out of the account.
    expect(order.fake.snapshots.at(-1)?.numbers.every((n) => !n.activated)).toBe(true);
    expect(order.fake.named('completeNumbers')).toHaveLength(0);
  });
}, 60_000);

test('a carrier cancellation before activation deactivates nothing', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    await order.accept(await order.businessDaysAhead(5));
    await order.statusWhen((s) => s.numbers[0].status === 'accepted');
    await order.carrierCancel();
    await order.handle.result();
    expect(order.fake.named('deactivateNumbers')).toHaveLength(0);
  });
}, 60_000);

test('FOC moved after activation: recorded, ops alerted, customer told, no re-activation; the port check follows the new date', async () => {
  await t.withOrder({}, async (order) => {
    const focDate = await order.submittedAcceptedActivated();

    const moved = await order.businessDaysAhead(4);
    await order.moveFoc(moved);
    const s = await order.statusWhen(
      (x) => x.transitions.some((tr) => tr.type === 'number.foc_moved_after_activation'),
      'the move in the timeline',
    );
    expect(s.numbers[0]).toMatchObject({ status: 'accepted', activated: true, focDate: moved });
    // Still the instant it was activated at: nothing was activated again.
    expect(s.numbers[0].activationAt).toBe(iso(order.activationOf(focDate)));
    expect(s.transitions.find((x) => x.type === 'number.foc_moved_after_activation')?.detail).toContain(
      `was ${focDate}`,
    );
    await eventually(async () => {
      expect(order.fake.named('alertOps')).toEqual([
        expect.objectContaining({ reason: 'foc_moved_after_activation' }),
      ]);
      expect(order.fake.notices('foc_moved')).toEqual([
        expect.objectContaining({ focDate: moved, previousFocDate: focDate }),
      ]);
    });

    // The end-of-business check of the old date would only cry wolf now: it moved to the new date.
    await order.sleepUntil(order.activationOf(focDate) + DAY_MS - HOUR_MS);
    expect(order.fake.named('queryCarrier')).toHaveLength(0);
    expect(order.fake.named('alertOps').map((a) => a.reason)).toEqual(['foc_moved_after_activation']);

    await order.sleepUntil(order.activationOf(moved) + 1_000);
    await order.ported();
    const result = await order.handle.result();
    expect(result.status).toBe('completed');
    expect(order.fake.named('activateNumbers')).toHaveLength(1);
  });
}, 60_000);
