/**
 * Rulebook 5.3–5.7: carrier events arrive as signals (de-duplicated by event id), a silent carrier
 * is followed up every 7 business days (status query + ops alert, repeated), and what the query
 * returns counts like an event. An FOC move moves the activation timer.
 */
import type { CarrierNumberAnswer } from '../../activities/types';
import { businessDaysLater } from '../../domain/calendar';
import { focChangedSignal, numberRejectedSignal } from '../../workflows/messages';
import { NeedsAttention } from '../../workflows/search-attributes';
import { customer, DAY_MS, eventually, HOUR_MS, iso, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('carrier');

test('carrier silent for 7 business days: query + ops alert, repeated; the answer the query returns is applied', async () => {
  let answers: CarrierNumberAnswer[] = [];
  await t.withOrder({ script: { carrierAnswers: () => answers } }, async (order) => {
    const [number] = order.numbers;
    answers = [{ phoneNumber: number, state: 'pending' }];
    await order.approveAndSubmit();
    const submittedAt = Date.parse((await order.transitionsOf('number.submitted_to_carrier'))[0].at);
    const firstFollowUp = businessDaysLater(submittedAt, 7, 'US', order.input.timeZone);
    // 7 business days span at least one weekend: never just 7 calendar days (the follow-up keeps
    // the submission's wall-clock minute, so allow for the dropped seconds).
    expect(firstFollowUp - submittedAt).toBeGreaterThan(9 * 24 * HOUR_MS - 60_000);

    await order.sleepUntil(firstFollowUp - 60_000);
    expect(order.fake.named('queryCarrier')).toHaveLength(0);
    expect(order.fake.named('alertOps')).toHaveLength(0);

    await order.sleepUntil(firstFollowUp + 1_000);
    await eventually(async () => expect(order.fake.named('queryCarrier')).toHaveLength(1));
    expect(order.fake.named('alertOps')).toEqual([expect.objectContaining({ reason: 'carrier_silent' })]);
    const [query] = order.fake.timed('queryCarrier');
    expect(query.at - firstFollowUp).toBeGreaterThanOrEqual(0);
    expect(query.at - firstFollowUp).toBeLessThan(5_000);
    expect(await order.status()).toMatchObject({
      needsAttention: true,
      numbers: [{ status: 'submitted_to_carrier' }],
    });
    await eventually(async () => expect(await order.searchAttribute(NeedsAttention)).toBe(true));

    // Still silent: follow up again 7 business days after the first follow-up.
    const secondFollowUp = businessDaysLater(firstFollowUp, 7, 'US', order.input.timeZone);
    await order.sleepUntil(secondFollowUp - 60_000);
    expect(order.fake.named('queryCarrier')).toHaveLength(1);
    await order.sleepUntil(secondFollowUp + 1_000);
    await eventually(async () => expect(order.fake.named('queryCarrier')).toHaveLength(2));
    expect(order.fake.named('alertOps').map((a) => a.reason)).toEqual(['carrier_silent', 'carrier_silent']);

    // The third query finds the carrier had accepted: applied as if the event had come.
    const focDate = await order.businessDaysAhead(10);
    answers = [{ phoneNumber: number, state: 'accepted', focDate }];
    await order.sleepUntil(businessDaysLater(secondFollowUp, 7, 'US', order.input.timeZone) + 1_000);
    const accepted = await order.statusWhen((s) => s.numbers[0].status === 'accepted', 'accepted');
    expect(accepted.numbers[0]).toMatchObject({ focDate, activationAt: iso(order.activationOf(focDate)) });
    expect(accepted.needsAttention).toBe(false);
    await eventually(async () =>
      expect(order.fake.notices('foc_assigned')).toEqual([expect.objectContaining({ focDate })]),
    );
  });
}, 60_000);

test('a carrier query that reports the numbers rejected or canceled is applied like the events', async () => {
  let answers: CarrierNumberAnswer[] = [];
  await t.withOrder(
    {
      input: { phoneNumbers: ['+12025550111', '+12025550112'] },
      script: { carrierAnswers: () => answers },
    },
    async (order) => {
      const [rejected, canceled] = order.numbers;
      answers = [
        { phoneNumber: rejected, state: 'rejected', reasonCode: 'invalid_btn' },
        { phoneNumber: canceled, state: 'canceled' },
      ];
      await order.approveAndSubmit();
      const submittedAt = Date.parse((await order.transitionsOf('number.submitted_to_carrier'))[0].at);
      await order.sleepUntil(businessDaysLater(submittedAt, 7, 'US', order.input.timeZone) + 1_000);
      const s = await order.statusWhen(
        (x) => x.numbers.every((n) => n.status !== 'submitted_to_carrier'),
        'both numbers answered',
      );
      expect(s.numbers).toEqual([
        expect.objectContaining({
          phoneNumber: rejected,
          status: 'rejected',
          rejection: expect.objectContaining({ code: 'invalid_btn' }),
        }),
        expect.objectContaining({
          phoneNumber: canceled,
          status: 'canceled',
          cancellation: { by: 'carrier', feeCents: 0 },
        }),
      ]);
      await eventually(async () => {
        expect(order.fake.notices('number_rejected')).toEqual([
          expect.objectContaining({ phoneNumbers: [rejected], reasonCode: 'invalid_btn' }),
        ]);
        expect(order.fake.notices('canceled')).toEqual([
          expect.objectContaining({ phoneNumbers: [canceled], canceledBy: 'carrier', totalCents: 0 }),
        ]);
      });
      expect(order.fake.named('chargeFees')).toHaveLength(0);
    },
  );
}, 60_000);

test('duplicate carrier events (same event id) are ignored, even when redelivered after later events', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    const focDate = await order.businessDaysAhead(10);
    const later = await order.businessDaysAhead(12);
    await order.accept(focDate, order.numbers, 'carrier-evt-1');
    // The carrier retries its webhook, with a different payload even: still the same event.
    await order.accept(later, order.numbers, 'carrier-evt-1');
    await order.moveFoc(later); // a genuine move, fresh id
    let s = await order.statusWhen((x) => x.numbers[0].focDate === later, 'the FOC move');
    expect(s.transitions.filter((x) => x.type === 'number.accepted')).toHaveLength(1);

    // An old "FOC moved" event redelivered late must not move the date back.
    const moveId = `${order.input.orderId}-foc-redelivered`;
    const occurredAt = iso(await order.now());
    await order.handle.signal(focChangedSignal, {
      eventId: moveId,
      phoneNumbers: order.numbers,
      focDate: later,
      occurredAt,
    });
    await order.handle.signal(focChangedSignal, {
      eventId: moveId,
      phoneNumbers: order.numbers,
      focDate,
      occurredAt,
    });
    s = await order.statusWhen(
      (x) => x.transitions.filter((t) => t.type === 'number.foc_changed').length === 2,
    );
    await order.moveFoc(later); // a fresh event after the duplicate: once processed, the duplicate was too
    s = await order.statusWhen(
      (x) => x.transitions.filter((t) => t.type === 'number.foc_changed').length === 3,
    );
    expect(s.numbers[0]).toMatchObject({ focDate: later, activationAt: iso(order.activationOf(later)) });
    await eventually(async () => expect(order.fake.notices('foc_assigned')).toHaveLength(1));

    await order.sleepUntil(order.activationOf(later) + 1_000);
    await order.ported(order.numbers, 'carrier-evt-2');
    await order.ported(order.numbers, 'carrier-evt-2');
    const result = await order.handle.result();
    expect(result.status).toBe('completed');
    expect(result.transitions.filter((x) => x.type === 'number.ported')).toHaveLength(1);
    expect(order.fake.named('testCapabilities')).toHaveLength(1);
    expect(order.fake.named('completeNumbers')).toHaveLength(1);
  });
}, 60_000);

test('a rejection redelivered after the resubmission does not reject attempt 2', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    await order.carrierReject('invalid_btn', order.numbers, 'carrier-rej-1');
    await order.statusWhen((s) => s.numbers[0].status === 'rejected');
    await order.resubmit(customer);
    await order.statusWhen(
      (s) => s.numbers[0].attempt === 2 && s.numbers[0].status === 'submitted_to_carrier',
    );
    await order.carrierReject('invalid_btn', order.numbers, 'carrier-rej-1'); // the webhook retried
    const focDate = await order.businessDaysAhead(5);
    await order.accept(focDate); // a later event: once it shows, the redelivery was handled
    const s = await order.statusWhen((x) => x.numbers[0].focDate === focDate, 'accepted');
    expect(s.numbers[0]).toMatchObject({ status: 'accepted', attempt: 2 });
    expect(s.transitions.filter((x) => x.type === 'number.rejected')).toHaveLength(1);
    await eventually(async () => expect(order.fake.notices('number_rejected')).toHaveLength(1));
  });
}, 60_000);

test('a late rejection of attempt 1 (another event id) arriving after the resubmission is ignored and recorded', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    await order.carrierReject('wrong_wireless_pin', order.numbers, 'attempt-1-rejected');
    const rejected = await order.statusWhen((s) => s.numbers[0].status === 'rejected', 'rejected');
    const rejectedAt = Date.parse(rejected.transitions.find((x) => x.type === 'number.rejected')!.at);

    await order.sleepUntil(rejectedAt + DAY_MS);
    await order.resubmit(customer);
    await order.statusWhen(
      (s) => s.numbers[0].attempt === 2 && s.numbers[0].status === 'submitted_to_carrier',
      'attempt 2 submitted',
    );
    // The carrier's second rejection of attempt 1 (its own event, sent back then) arrives only now.
    await order.handle.signal(numberRejectedSignal, {
      eventId: 'attempt-1-rejected-again',
      phoneNumbers: order.numbers,
      reasonCode: 'invalid_btn',
      occurredAt: iso(rejectedAt + 60_000),
    });
    const ignored = await order.statusWhen(
      (s) => s.transitions.some((x) => x.type === 'carrier.event_ignored'),
      'the stale event in the timeline',
    );
    expect(ignored.numbers[0]).toMatchObject({ status: 'submitted_to_carrier', attempt: 2 });
    expect(ignored.transitions.find((x) => x.type === 'carrier.event_ignored')).toMatchObject({
      phoneNumbers: order.numbers,
      detail: expect.stringContaining('attempt-1-rejected-again'),
    });
    expect(ignored.transitions.filter((x) => x.type === 'number.rejected')).toHaveLength(1);

    // An answer that occurred after the resubmission applies as usual.
    const focDate = await order.businessDaysAhead(5);
    await order.accept(focDate);
    const accepted = await order.statusWhen((s) => s.numbers[0].status === 'accepted', 'accepted');
    expect(accepted.numbers[0]).toMatchObject({ attempt: 2, focDate });
    await eventually(async () => expect(order.fake.notices('number_rejected')).toHaveLength(1));
  });
}, 60_000);

test('FOC moved by the carrier: activation happens at the new midnight, not the old one', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    const oldFoc = await order.businessDaysAhead(5);
    const newFoc = await order.businessDaysAhead(8);
    await order.accept(oldFoc);
    await order.statusWhen((s) => s.numbers[0].focDate === oldFoc, 'the first FOC');
    await order.moveFoc(newFoc);
    const moved = await order.statusWhen((s) => s.numbers[0].focDate === newFoc, 'the moved FOC');
    expect(moved.numbers[0].activationAt).toBe(iso(order.activationOf(newFoc)));
    await eventually(async () =>
      expect(order.fake.notices('foc_moved')).toEqual([
        expect.objectContaining({ focDate: newFoc, previousFocDate: expect.any(String) }),
      ]),
    );

    await order.sleepUntil(order.activationOf(oldFoc) + HOUR_MS);
    expect(order.fake.named('activateNumbers')).toHaveLength(0);
    expect((await order.status()).numbers[0].activated).toBe(false);

    await order.sleepUntil(order.activationOf(newFoc) - 60_000);
    expect(order.fake.named('activateNumbers')).toHaveLength(0);
    await order.expectActivationAtMidnightOf(newFoc);
  });
}, 60_000);

test('a carrier answer that arrives while the submission activity is still in flight is not lost', async () => {
  // The carrier can answer before our submit call has returned (a retried submit, a fast carrier).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await t.withOrder({ script: { gates: { submitToCarrier: () => held } } }, async (order) => {
    const focDate = await order.businessDaysAhead(10);
    await order.approve();
    await eventually(async () => expect(order.fake.named('submitToCarrier')).toHaveLength(1));
    await order.accept(focDate);
    release();
    const s = await order.statusWhen(
      (x) => !x.waitingFor.some((w) => w.what.startsWith('submission')),
      'submitted',
    );
    expect(s.numbers[0]).toMatchObject({ status: 'accepted', focDate, attempt: 1 });
  });
}, 60_000);

test('the carrier cancels: numbers canceled with no fee, the customer told to contact support', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    await order.carrierCancel();
    const result = await order.handle.result();
    expect(result.status).toBe('canceled');
    expect(result.numbers[0]).toMatchObject({
      status: 'canceled',
      cancellation: { by: 'carrier', feeCents: 0 },
    });
    expect(result.totalFeesCents).toBe(0);
    expect(order.fake.named('chargeFees')).toHaveLength(0);
    expect(order.fake.notices('canceled')).toEqual([
      expect.objectContaining({ canceledBy: 'carrier', totalCents: 0, fees: [] }),
    ]);
  });
}, 60_000);
