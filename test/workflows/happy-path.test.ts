/**
 * The whole way through, one number: review → carrier → FOC midnight (after a DST change) → port →
 * capability tests → completed, with the notices the customer gets on the way.
 */
import { addDays } from '../../domain/calendar';
import { eventually, nextDstChange, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('happy');

test('review → carrier → FOC midnight (after a DST change) → port → tests → completed', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    // The Monday after New York springs forward: midnight is 04:00Z, no longer 05:00Z.
    const focDate = addDays(nextDstChange('spring', addDays(await order.today(), 2)), 1);
    const midnight = Date.parse(`${focDate}T04:00:00Z`);
    await order.accept(focDate);
    let snap = await order.statusWhen((s) => s.numbers[0].status === 'accepted');
    expect(snap.numbers[0]).toMatchObject({
      status: 'accepted',
      focDate,
      activationAt: new Date(midnight).toISOString(),
    });

    await order.sleepUntil(midnight + 1_000);
    snap = await order.statusWhen((s) => s.numbers[0].activated, 'activated');
    const activated = snap.transitions.find((x) => x.type === 'number.activated')!;
    // Activated at local midnight, give or take the activity's own duration.
    expect(Date.parse(activated.at) - midnight).toBeGreaterThanOrEqual(0);
    expect(Date.parse(activated.at) - midnight).toBeLessThan(5_000);
    expect(snap.status).toBe('in_progress'); // activated is not yet an active number

    await order.ported();
    const result = await order.handle.result();
    expect(result.status).toBe('completed');
    expect(result.numbers[0].status).toBe('completed');
    expect(order.fake.named('completeNumbers')).toHaveLength(1);
    await eventually(async () =>
      expect(order.fake.named('emailCustomer').map((c) => c.notice.kind)).toEqual([
        'submission_received',
        'review_approved',
        'foc_assigned',
        'completed',
      ]),
    );
    expect(order.fake.named('alertOps')).toHaveLength(0);
  });
}, 60_000);
