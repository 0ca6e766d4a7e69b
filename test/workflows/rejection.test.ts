/**
 * Rulebook 5.4, 7 and 4: a rejected number waits up to 30 days for a corrected resubmission (back
 * to the carrier as a new attempt); `unportable` is final. The order's final status follows from
 * its numbers: any completed → completed; all rejected → rejected; else canceled.
 */
import { REFUSALS } from '../../workflows/messages';
import { customer, DAY_MS, eventually, expectRefusal, iso, support, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('rejection');

test('rejection → customer told the reason → resubmission → attempt 2 → accepted → completed', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    await order.carrierReject('wrong_wireless_pin');
    const rejected = await order.statusWhen((s) => s.numbers[0].status === 'rejected', 'rejected');
    const rejectedAt = Date.parse(rejected.transitions.find((x) => x.type === 'number.rejected')!.at);
    const resubmitBy = iso(rejectedAt + 30 * DAY_MS);
    expect(rejected.numbers[0]).toMatchObject({
      attempt: 1,
      rejection: { code: 'wrong_wireless_pin', resubmitBy },
    });
    expect(rejected.waitingFor).toEqual([{ what: `resubmission of ${order.numbers[0]}`, until: resubmitBy }]);
    await eventually(async () =>
      expect(order.fake.notices('number_rejected')).toEqual([
        {
          kind: 'number_rejected',
          phoneNumbers: order.numbers,
          reasonCode: 'wrong_wireless_pin',
          resubmitBy,
        },
      ]),
    );

    // Two weeks later the customer has the right PIN.
    await order.sleepUntil(rejectedAt + 14 * DAY_MS);
    await expectRefusal(
      order.handle.executeUpdate('resubmit', {
        args: [{ actor: { role: 'ops', id: 'ops-1' }, correctedFields: ['pin'] }],
      }),
      REFUSALS.roleNotAllowed,
    );
    expect(await order.resubmit(customer)).toEqual({ phoneNumbers: order.numbers, attempt: 2 });
    await eventually(async () =>
      expect(order.fake.named('submitToCarrier').map((s) => s.attempt)).toEqual([1, 2]),
    );
    const again = await order.status();
    expect(again.numbers[0]).toMatchObject({ status: 'submitted_to_carrier', attempt: 2 });
    expect(again.numbers[0].rejection).toBeUndefined();
    expect(again.status).toBe('in_progress');

    const focDate = await order.businessDaysAhead(5);
    await order.accept(focDate);
    await order.sleepUntil(order.activationOf(focDate) + 1_000);
    await order.ported();
    const result = await order.handle.result();
    expect(result.status).toBe('completed');
    expect(result.numbers[0]).toMatchObject({ status: 'completed', attempt: 2, focDate });
  });
}, 60_000);

test('no resubmission within 30 days: the order ends rejected', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    await order.carrierReject('incorrect_account_number');
    const s = await order.statusWhen((x) => x.numbers[0].status === 'rejected', 'rejected');
    const resubmitBy = Date.parse(s.numbers[0].rejection!.resubmitBy!);
    // A day before the window closes the order is still waiting.
    await order.sleepUntil(resubmitBy - DAY_MS);
    expect((await order.handle.describe()).status.name).toBe('RUNNING');
    const result = await order.handle.result();
    expect(result.status).toBe('rejected');
    expect(Date.parse(result.updatedAt)).toBeGreaterThanOrEqual(resubmitBy);
    expect(Date.parse(result.updatedAt) - resubmitBy).toBeLessThan(60_000);
    expect(order.fake.named('submitToCarrier')).toHaveLength(1);
  });
}, 60_000);

test('unportable is final: no resubmission window, resubmission refused, and the order ends rejected', async () => {
  await t.withOrder({ input: { phoneNumbers: ['+12025550121', '+12025550122'] } }, async (order) => {
    const [unportable, other] = order.numbers;
    await order.approveAndSubmit();
    await order.carrierReject('unportable', [unportable]);
    const s = await order.statusWhen((x) => x.numbers[0].status === 'rejected', 'rejected');
    expect(s.numbers[0].rejection).toEqual({ code: 'unportable' });
    await eventually(async () =>
      expect(order.fake.notices('number_rejected')).toEqual([
        { kind: 'number_rejected', phoneNumbers: [unportable], reasonCode: 'unportable' },
      ]),
    );
    await expectRefusal(order.resubmit(customer, [unportable]), REFUSALS.notResubmittable);
    await expectRefusal(order.resubmit(support, [unportable]), REFUSALS.notResubmittable);
    // Nothing of it is resubmittable, even unnamed.
    await expectRefusal(order.resubmit(customer), REFUSALS.notResubmittable);

    await order.carrierReject('unportable', [other]);
    const result = await order.handle.result();
    expect(result.status).toBe('rejected');
    expect(result.numbers.map((n) => n.status)).toEqual(['rejected', 'rejected']);
  });
}, 60_000);

test('rejected at review by staff: the customer may resubmit, which goes to the carrier as attempt 1', async () => {
  await t.withOrder({}, async (order) => {
    await order.statusWhen((s) => s.review === 'pending');
    await expectRefusal(
      order.handle.executeUpdate('review', {
        args: [{ actor: { role: 'support', id: 's' }, decision: 'reject', reasonCode: 'not_a_code' }],
      }),
      REFUSALS.invalidReason,
    );
    expect(await order.rejectReview('address_mismatch')).toEqual({ review: 'rejected' });
    await expectRefusal(order.approve(), REFUSALS.wrongState);
    const s = await order.statusWhen((x) => x.numbers[0].status === 'rejected');
    expect(s.numbers[0].rejection?.code).toBe('address_mismatch');
    expect(order.fake.named('submitToCarrier')).toHaveLength(0);
    expect(await order.resubmit(customer)).toEqual({ phoneNumbers: order.numbers, attempt: 1 });
    // The update answers once the submission is on its way; the call itself follows.
    await eventually(async () =>
      expect(order.fake.named('submitToCarrier')).toEqual([expect.objectContaining({ attempt: 1 })]),
    );
  });
}, 60_000);

describe('final status of mixed outcomes', () => {
  test('one completed + one rejected (window expired) → completed; a late resubmission is refused', async () => {
    await t.withOrder({ input: { phoneNumbers: ['+12025550131', '+12025550132'] } }, async (order) => {
      const [ported, rejected] = order.numbers;
      await order.approveAndSubmit();
      await order.carrierReject('data_mismatch', [rejected]);
      const s = await order.statusWhen((x) => x.numbers[1].status === 'rejected');
      const resubmitBy = Date.parse(s.numbers[1].rejection!.resubmitBy!);
      // The other number's FOC comes after the rejected one's window has closed.
      const focDate = await order.businessDaysAhead(30);
      await order.accept(focDate, [ported]);
      await order.sleepUntil(resubmitBy + 1_000);
      await expectRefusal(order.resubmit(customer, [rejected]), REFUSALS.notResubmittable);
      expect((await order.status()).status).toBe('in_progress');
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported([ported]);
      const result = await order.handle.result();
      expect(result.status).toBe('completed');
      expect(result.numbers.map((n) => n.status)).toEqual(['completed', 'rejected']);
    });
  }, 60_000);

  test('all rejected → rejected', async () => {
    await t.withOrder({ input: { phoneNumbers: ['+12025550141', '+12025550142'] } }, async (order) => {
      await order.approveAndSubmit();
      await order.carrierReject('number_inactive', [order.numbers[0]]);
      await order.carrierReject('resold_account', [order.numbers[1]]);
      const result = await order.handle.result();
      expect(result.status).toBe('rejected');
      expect(result.numbers.map((n) => n.rejection?.code)).toEqual(['number_inactive', 'resold_account']);
    });
  }, 60_000);

  test('canceled + rejected → canceled', async () => {
    await t.withOrder({ input: { phoneNumbers: ['+12025550151', '+12025550152'] } }, async (order) => {
      const [canceled, rejected] = order.numbers;
      await order.approveAndSubmit();
      expect(await order.cancel(customer, [canceled])).toEqual({
        currency: 'USD',
        numbers: [{ phoneNumber: canceled, feeCents: 13_00 }],
        totalCents: 13_00,
      });
      await order.carrierReject('unportable', [rejected]);
      const result = await order.handle.result();
      expect(result.status).toBe('canceled');
      expect(result.numbers.map((n) => n.status)).toEqual(['canceled', 'rejected']);
    });
  }, 60_000);
});
