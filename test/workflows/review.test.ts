/**
 * Rulebook 5.1: automatic checks, then a staff review promised within 24 hours. A breach escalates
 * (ops alert + the NeedsAttention flag ops filter on in the Temporal UI) and keeps waiting; a policy
 * may auto-approve orders whose automatic checks are clean.
 */
import { NeedsAttention, PortInStatus } from '../../workflows/search-attributes';
import { REFUSALS } from '../../workflows/messages';
import { customer, eventually, expectRefusal, HOUR_MS, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('review');

test('no decision within 24 h: ops alerted and the order flagged, then the late approval still proceeds', async () => {
  await t.withOrder({}, async (order) => {
    const started = Date.parse((await order.transitionsOf('order.submitted'))[0].at);
    await order.statusWhen((s) => s.status === 'in_review');
    expect(await order.searchAttribute(NeedsAttention)).toBe(false);

    // Just before the SLA: nothing escalated yet.
    await order.sleepUntil(started + 24 * HOUR_MS - 60_000);
    expect(order.fake.named('alertOps')).toHaveLength(0);
    expect((await order.status()).needsAttention).toBe(false);

    await order.sleepUntil(started + 24 * HOUR_MS + 1_000);
    const escalated = await order.statusWhen((s) => s.review === 'escalated', 'an escalated review');
    expect(escalated).toMatchObject({ status: 'in_review', needsAttention: true });
    const breach = escalated.transitions.find((t) => t.type === 'review.sla_breached')!;
    expect(Date.parse(breach.at) - started).toBeGreaterThanOrEqual(24 * HOUR_MS);
    expect(Date.parse(breach.at) - started).toBeLessThan(24 * HOUR_MS + 5_000);
    expect(order.fake.named('alertOps')).toEqual([
      expect.objectContaining({ reason: 'review_sla_breached' }),
    ]);
    expect(await order.searchAttribute(NeedsAttention)).toBe(true);
    expect(await order.searchAttribute(PortInStatus)).toBe('in_review');

    // Escalation happens once: another day without a decision raises no second alert.
    await order.sleepUntil(started + 48 * HOUR_MS);
    expect(order.fake.named('alertOps')).toHaveLength(1);

    // The late approval still goes through, and the flag comes down.
    expect(await order.approve()).toEqual({ review: 'approved' });
    const submitted = await order.statusWhen((s) => s.status === 'in_progress', 'in progress');
    expect(submitted).toMatchObject({ needsAttention: false, numbers: [{ status: 'submitted_to_carrier' }] });
    expect(order.fake.named('submitToCarrier')).toEqual([expect.objectContaining({ attempt: 1 })]);
    // Search attributes are published by the workflow right after it acts; visibility follows.
    await eventually(async () => {
      expect(await order.searchAttribute(NeedsAttention)).toBe(false);
      expect(await order.searchAttribute(PortInStatus)).toBe('in_progress');
    });
    expect(order.fake.notices('review_approved')).toHaveLength(1);
  });
}, 60_000);

test('auto-approve policy with clean checks: submitted to the carrier without staff review', async () => {
  await t.withOrder(
    { policy: { autoApproveCleanOrders: true }, script: { checksClean: true } },
    async (order) => {
      const s = await order.statusWhen((x) => x.numbers[0].status === 'submitted_to_carrier', 'submitted');
      expect(s.review).toBe('approved');
      expect(s.transitions.map((x) => x.type)).toContain('review.auto_approved');
      // The status shows the submission as soon as it is scheduled; the worker runs it just after.
      await eventually(async () => expect(order.fake.named('submitToCarrier')).toHaveLength(1));
      // No review left to decide, so no SLA can be breached.
      await order.sleepUntil(Date.parse(s.transitions[0].at) + 25 * HOUR_MS);
      expect(order.fake.named('alertOps')).toHaveLength(0);
      await expectRefusal(order.approve(), REFUSALS.wrongState);
    },
  );
}, 60_000);

test('auto-approve policy but checks not clean: waits for staff, who alone may decide', async () => {
  await t.withOrder(
    { policy: { autoApproveCleanOrders: true }, script: { checksClean: false } },
    async (order) => {
      const s = await order.statusWhen(
        (x) => x.transitions.some((t) => t.type === 'review.checks_flagged'),
        'checks flagged',
      );
      expect(s).toMatchObject({ review: 'pending', status: 'in_review' });
      await order.sleepUntil(Date.parse(s.transitions[0].at) + 12 * HOUR_MS);
      expect(order.fake.named('submitToCarrier')).toHaveLength(0);
      await expectRefusal(order.approve(customer), REFUSALS.roleNotAllowed);
      await order.approve();
      await order.statusWhen((x) => x.numbers[0].status === 'submitted_to_carrier', 'submitted');
    },
  );
}, 60_000);

test('default policy: even clean orders wait for a staff decision', async () => {
  await t.withOrder({ script: { checksClean: true } }, async (order) => {
    await order.statusWhen(
      (s) => order.fake.named('runAutomaticChecks').length === 1 && s.review === 'pending',
    );
    await order.sleepUntil((await order.now()) + HOUR_MS);
    expect(order.fake.named('submitToCarrier')).toHaveLength(0);
    expect((await order.status()).numbers[0].status).toBe('in_review');
  });
}, 60_000);

test('a staff review rejection is told as the review’s, with the resubmission deadline, not as the carrier’s', async () => {
  await t.withOrder({}, async (order) => {
    await order.statusWhen((s) => s.status === 'in_review');
    expect(await order.rejectReview('address_mismatch')).toEqual({ review: 'rejected' });
    const rejected = await order.statusWhen((s) => s.numbers[0].status === 'rejected', 'rejected');
    await eventually(async () =>
      expect(order.fake.notices('number_rejected')).toEqual([
        {
          kind: 'number_rejected',
          phoneNumbers: order.numbers,
          reasonCode: 'address_mismatch',
          resubmitBy: rejected.numbers[0].rejection!.resubmitBy,
          rejectedBy: 'review',
        },
      ]),
    );
  });
});
