/**
 * Rulebook 6 ("supp"): a port-date change follows the cancellation windows and fees; the new date
 * must be a business day on or after the FOC; the carrier's answer becomes the FOC and the
 * activation timer moves with it.
 */
import { ApplicationFailure } from '@temporalio/common';
import { addBusinessDays, addDays, isPublicHoliday, isWeekend } from '../../domain/calendar';
import { REFUSALS } from '../../workflows/messages';
import { customer, eventually, expectRefusal, HOUR_MS, iso, support, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('portdate');

const firstDayAfter = (date: string, pick: (d: string) => boolean) => {
  for (let d = addDays(date, 1), i = 0; i < 800; d = addDays(d, 1), i++) if (pick(d)) return d;
  throw new Error(`no matching day after ${date}`);
};

test('validation: the new date must be a real, future business day on or after the FOC', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    const foc = await order.businessDaysAhead(10);
    await order.accept(foc);
    await order.statusWhen((s) => s.numbers[0].focDate === foc);
    const saturday = firstDayAfter(foc, (d) => isWeekend(d));
    const holiday = firstDayAfter(foc, (d) => !isWeekend(d) && isPublicHoliday(d, 'US'));
    const beforeFoc = addDays(foc, -1);
    for (const bad of ['2027-02-30', 'next tuesday', saturday, holiday, beforeFoc, await order.today()]) {
      const refusal = await expectRefusal(order.changePortDate(support, bad), REFUSALS.invalidPortDate);
      expect(refusal.message).toContain(bad);
    }
    expect(order.fake.named('changeDateAtCarrier')).toHaveLength(0);
    expect(order.fake.named('chargeFees')).toHaveLength(0);
    expect((await order.status()).numbers[0].focDate).toBe(foc);
  });
}, 60_000);

test('customer moves the port date ≥ 72 h ahead: $13, the FOC moves and activation happens at the new midnight', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    const oldFoc = await order.businessDaysAhead(6);
    const newFoc = addBusinessDays(oldFoc, 2, 'US');
    await order.accept(oldFoc);
    await order.statusWhen((s) => s.numbers[0].focDate === oldFoc);

    const quote = await order.quote('customer');
    expect(quote).toMatchObject({
      allowed: true,
      totalCents: 13_00,
      numbers: [{ window: 'foc_72h_or_more' }],
    });
    expect(await order.changePortDate(customer, newFoc)).toEqual({
      currency: 'USD',
      numbers: [{ phoneNumber: order.numbers[0], feeCents: 13_00 }],
      totalCents: 13_00,
      focDate: newFoc,
    });
    expect(order.fake.named('changeDateAtCarrier')).toEqual([
      expect.objectContaining({ phoneNumbers: order.numbers, portDate: newFoc }),
    ]);
    expect(order.fake.named('chargeFees')).toEqual([
      expect.objectContaining({
        charges: [{ phoneNumber: order.numbers[0], feeCents: 13_00, reason: 'port_date_change' }],
      }),
    ]);
    const s = await order.status();
    expect(s.numbers[0]).toMatchObject({ focDate: newFoc, activationAt: iso(order.activationOf(newFoc)) });
    expect(s.fees).toEqual([expect.objectContaining({ feeCents: 13_00, reason: 'port_date_change' })]);
    await eventually(async () =>
      expect(order.fake.notices('port_date_changed')).toEqual([
        {
          kind: 'port_date_changed',
          phoneNumbers: order.numbers,
          focDate: newFoc,
          previousFocDate: oldFoc, // the email shows what the date was
          activationAt: iso(order.activationOf(newFoc)),
          totalCents: 13_00,
        },
      ]),
    );

    await order.sleepUntil(order.activationOf(oldFoc) + HOUR_MS);
    expect(order.fake.named('activateNumbers')).toHaveLength(0);
    await order.expectActivationAtMidnightOf(newFoc);
  });
}, 60_000);

test('inside 48 h only support may move the date, at $98; the FOC becomes what the carrier grants', async () => {
  await t.withOrder(
    { script: { changeDate: (portDate) => addBusinessDays(portDate, 1, 'US') } },
    async (order) => {
      await order.approveAndSubmit();
      const foc = await order.businessDaysAhead(5);
      await order.accept(foc);
      await order.statusWhen((s) => s.numbers[0].focDate === foc);
      // 36 h before the port: well inside the 24–48 h band.
      await order.sleepUntil(order.activationOf(foc) - 36 * HOUR_MS);
      const requested = addBusinessDays(foc, 3, 'US');
      const granted = addBusinessDays(requested, 1, 'US');
      await expectRefusal(order.changePortDate(customer, requested), REFUSALS.customerInside72h);
      expect(order.fake.named('changeDateAtCarrier')).toHaveLength(0);
      expect(await order.changePortDate(support, requested)).toMatchObject({
        totalCents: 98_00,
        focDate: granted,
      });
      expect((await order.status()).numbers[0]).toMatchObject({
        focDate: granted,
        activationAt: iso(order.activationOf(granted)),
      });
      expect(order.fake.named('chargeFees').flatMap((c) => c.charges)).toEqual([
        { phoneNumber: order.numbers[0], feeCents: 98_00, reason: 'port_date_change' },
      ]);
    },
  );
}, 60_000);

test('the carrier refuses the new date: a carrier_refused refusal, nothing moved, nothing charged', async () => {
  const refused = ApplicationFailure.create({
    type: 'CarrierRequestRefused',
    message: 'before_foc: the losing carrier cannot release on that date',
    nonRetryable: true,
  });
  await t.withOrder(
    { script: { gates: { changeDateAtCarrier: () => Promise.reject(refused) } } },
    async (order) => {
      await order.approveAndSubmit();
      const foc = await order.businessDaysAhead(6);
      await order.accept(foc);
      await order.statusWhen((s) => s.numbers[0].focDate === foc);
      const refusal = await expectRefusal(
        order.changePortDate(customer, addBusinessDays(foc, 1, 'US')),
        REFUSALS.carrierRefused,
      );
      expect(refusal.message).toContain('before_foc');
      const s = await order.status();
      expect(s.numbers[0]).toMatchObject({ focDate: foc, activationAt: iso(order.activationOf(foc)) });
      expect(s.fees).toEqual([]);
      expect(order.fake.named('chargeFees')).toHaveLength(0);
      expect(order.fake.notices('port_date_changed')).toHaveLength(0);
    },
  );
}, 60_000);

test('before submission the new date is free, stays with us, and goes with the submission', async () => {
  await t.withOrder({}, async (order) => {
    await order.statusWhen((s) => s.status === 'in_review');
    const portDate = await order.businessDaysAhead(12);
    expect(await order.changePortDate(customer, portDate)).toMatchObject({
      totalCents: 0,
      focDate: portDate,
    });
    expect(order.fake.named('changeDateAtCarrier')).toHaveLength(0);
    expect(order.fake.named('chargeFees')).toHaveLength(0);
    await order.approveAndSubmit();
    expect(order.fake.named('submitToCarrier')).toEqual([
      expect.objectContaining({ requestedPortDate: portDate }),
    ]);
  });
}, 60_000);

test('after activation the port date can no longer change', async () => {
  await t.withOrder({}, async (order) => {
    const foc = await order.submittedAcceptedActivated(2);
    for (const actor of [customer, support]) {
      await expectRefusal(order.changePortDate(actor, addBusinessDays(foc, 3, 'US')), REFUSALS.numberClosed);
    }
  });
}, 60_000);
