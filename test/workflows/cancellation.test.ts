/**
 * Rulebook 6: cancellation windows, who may cancel, and the fee per number, measured from workflow
 * time to the activation instant (FOC midnight, local). Fees are charged once per number and
 * returned to the caller; a quote tells the same without cancelling. Exact window boundaries are
 * unit-tested in domain (test/unit/domain); here they are checked end to end through the workflow.
 */
import { WorkflowUpdateStage } from '@temporalio/client';
import type { ChangeWindow } from '../../domain/fees';
import { REFUSALS, cancelUpdate, type Actor } from '../../workflows/messages';
import { customer, DAY_MS, eventually, expectRefusal, HOUR_MS, support, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('cancel');

/**
 * The server's clock only moves forward between our sleep and the update (real time passes while
 * it is not skipping), so a target exactly on a band's upper edge stays inside its band, while one
 * exactly on a lower edge (h = 72, h = 24: "h ≥ …") would slip out of it: those sit 10 s inside.
 */
const INSIDE = 10_000;
const windows: {
  h: number;
  extraMs?: number;
  customerMay: boolean;
  feeCents: number;
  window: ChangeWindow;
  band: [number, number];
}[] = [
  { h: 100, customerMay: true, feeCents: 13_00, window: 'foc_72h_or_more', band: [72, Infinity] },
  {
    h: 72,
    extraMs: INSIDE,
    customerMay: true,
    feeCents: 13_00,
    window: 'foc_72h_or_more',
    band: [72, Infinity],
  },
  { h: 71.9, customerMay: false, feeCents: 13_00, window: 'foc_48h_to_72h', band: [48, 72] },
  { h: 48.01, customerMay: false, feeCents: 13_00, window: 'foc_48h_to_72h', band: [48, 72] },
  { h: 48, customerMay: false, feeCents: 98_00, window: 'foc_24h_to_48h', band: [24, 48] },
  { h: 24, extraMs: INSIDE, customerMay: false, feeCents: 98_00, window: 'foc_24h_to_48h', band: [24, 48] },
  { h: 23.99, customerMay: false, feeCents: 520_00, window: 'foc_under_24h', band: [0, 24] },
  { h: 1, customerMay: false, feeCents: 520_00, window: 'foc_under_24h', band: [0, 24] },
];

test('cancellation windows: who may cancel and the fee per number at h = 100 … 1 hours before FOC midnight', async () => {
  const phoneNumbers = windows.map((_, i) => `+1202555016${i}`);
  await t.withOrder({ input: { phoneNumbers } }, async (order) => {
    await order.approveAndSubmit();
    const focDate = await order.businessDaysAhead(10);
    await order.accept(focDate);
    await order.statusWhen((s) => s.numbers.every((n) => n.status === 'accepted'), 'all accepted');
    const activationAt = order.activationOf(focDate);

    for (const [i, row] of windows.entries()) {
      const number = phoneNumbers[i];
      await order.sleepUntil(activationAt - row.h * HOUR_MS - (row.extraMs ?? 0));
      const label = `h = ${row.h}`;

      // The quote says the same as the cancellation will, without cancelling.
      const quote = await order.quote('customer', [number]);
      expect({ label, ...quote.numbers[0] }).toMatchObject({
        label,
        phoneNumber: number,
        window: row.window,
        feeCents: row.feeCents,
        allowedRoles: row.customerMay ? ['customer', 'support'] : ['support'],
      });
      expect(quote.allowed).toBe(row.customerMay);
      expect(quote.totalCents).toBe(row.feeCents);
      expect((await order.quote('support', [number])).allowed).toBe(true);

      let actor: Actor = customer;
      if (!row.customerMay) {
        expect(quote.numbers[0].refusal).toBe('customer_inside_72h');
        const refusal = await expectRefusal(order.cancel(customer, [number]), REFUSALS.customerInside72h);
        expect(refusal.message).toMatch(/72 hours/);
        actor = support;
      }
      const result = await order.cancel(actor, [number]);
      expect({ label, result }).toEqual({
        label,
        result: {
          currency: 'USD',
          numbers: [{ phoneNumber: number, feeCents: row.feeCents }],
          totalCents: row.feeCents,
        },
      });

      // The fee was computed where the test meant it to be: the workflow's own clock at acceptance.
      const fee = (await order.status()).fees.find((f) => f.phoneNumber === number)!;
      const hAtCancel = (activationAt - Date.parse(fee.at)) / HOUR_MS;
      expect(hAtCancel).toBeGreaterThanOrEqual(row.band[0]);
      expect(hAtCancel).toBeLessThanOrEqual(row.band[1]);
      expect(hAtCancel).toBeLessThanOrEqual(row.h + (row.extraMs ?? 0) / HOUR_MS);
      expect(hAtCancel).toBeGreaterThan(row.h - 0.01);
    }

    const result = await order.handle.result();
    expect(result.status).toBe('canceled');
    expect(result.numbers.map((n) => n.cancellation)).toEqual(
      windows.map((row) => ({ by: row.customerMay ? 'customer' : 'support', feeCents: row.feeCents })),
    );
    // Charged exactly once per number, at the quoted fee; every number canceled at the carrier.
    const charged = order.fake.named('chargeFees').flatMap((c) => c.charges);
    expect(charged).toEqual(
      windows.map((row, i) => ({
        phoneNumber: phoneNumbers[i],
        feeCents: row.feeCents,
        reason: 'cancellation',
      })),
    );
    expect(new Set(order.fake.named('chargeFees').map((c) => c.idempotencyKey)).size).toBe(windows.length);
    expect(result.totalFeesCents).toBe(windows.reduce((sum, row) => sum + row.feeCents, 0));
    expect(order.fake.named('cancelAtCarrier').flatMap((c) => c.phoneNumbers)).toEqual(phoneNumbers);
    expect(order.fake.named('activateNumbers')).toHaveLength(0);
  });
}, 120_000);

test('cancel before carrier submission costs nothing, and nothing is sent to the carrier', async () => {
  await t.withOrder({}, async (order) => {
    await order.statusWhen((s) => s.status === 'in_review');
    const quote = await order.quote('customer');
    expect(quote).toMatchObject({
      allowed: true,
      totalCents: 0,
      numbers: [{ window: 'not_submitted', feeCents: 0 }],
    });
    expect(await order.cancel(customer)).toEqual({
      currency: 'USD',
      numbers: [{ phoneNumber: order.numbers[0], feeCents: 0 }],
      totalCents: 0,
    });
    const result = await order.handle.result();
    expect(result).toMatchObject({ status: 'canceled', totalFeesCents: 0, fees: [] });
    expect(result.numbers[0].cancellation).toEqual({ by: 'customer', feeCents: 0 });
    expect(order.fake.named('chargeFees')).toHaveLength(0);
    expect(order.fake.named('cancelAtCarrier')).toHaveLength(0);
    expect(order.fake.named('submitToCarrier')).toHaveLength(0);
    expect(order.fake.notices('canceled')).toEqual([
      {
        kind: 'canceled',
        phoneNumbers: order.numbers,
        canceledBy: 'customer',
        fees: [{ phoneNumber: order.numbers[0], feeCents: 0 }],
        totalCents: 0,
      },
    ]);
  });
}, 60_000);

test('submitted but no FOC yet: the customer may cancel, at the standard fee', async () => {
  await t.withOrder({}, async (order) => {
    await order.approveAndSubmit();
    expect((await order.quote('customer')).numbers[0]).toMatchObject({
      window: 'submitted_no_foc',
      feeCents: 13_00,
    });
    expect((await order.cancel(customer)).totalCents).toBe(13_00);
    const result = await order.handle.result();
    expect(result.totalFeesCents).toBe(13_00);
    expect(order.fake.named('cancelAtCarrier')).toEqual([
      expect.objectContaining({ phoneNumbers: order.numbers }),
    ]);
    expect(order.fake.named('chargeFees')).toHaveLength(1);
  });
}, 60_000);

test('after activation nobody may cancel (it is no longer a port), customer or support, named or not', async () => {
  await t.withOrder({}, async (order) => {
    await order.submittedAcceptedActivated();
    expect((await order.quote('support', order.numbers)).numbers[0]).toMatchObject({
      window: 'closed',
      allowedRoles: [],
      refusal: 'number_closed',
    });
    for (const actor of [customer, support]) {
      await expectRefusal(order.cancel(actor), REFUSALS.numberClosed);
      await expectRefusal(order.cancel(actor, order.numbers), REFUSALS.numberClosed);
    }
    expect(order.fake.named('chargeFees')).toHaveLength(0);
    expect(order.fake.named('cancelAtCarrier')).toHaveLength(0);
    expect((await order.status()).numbers[0]).toMatchObject({ status: 'accepted', activated: true });
  });
}, 60_000);

test('refusals carry their code: unknown number, ops role, and nothing left to cancel', async () => {
  await t.withOrder({}, async (order) => {
    await order.statusWhen((s) => s.status === 'in_review');
    await expectRefusal(order.cancel(customer, ['+12025559999']), REFUSALS.unknownNumber);
    await expectRefusal(order.cancel({ role: 'ops', id: 'ops-1' }), REFUSALS.roleNotAllowed);
    await order.cancel(support);
    // The order is over once its last number is canceled: later updates find no running order.
    await order.handle.result();
    expect(order.fake.named('chargeFees')).toHaveLength(0);
  });
}, 60_000);

test('a cancellation while the submission is in flight cancels at the carrier after the request landed', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await t.withOrder({ script: { gates: { submitToCarrier: () => held } } }, async (order) => {
    await order.approve();
    await eventually(async () => expect(order.fake.named('submitToCarrier')).toHaveLength(1));
    const cancel = await order.handle.startUpdate(cancelUpdate, {
      args: [{ actor: customer }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    // Cancelling at the carrier now could arrive before the submission: it waits for it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(order.fake.named('cancelAtCarrier')).toHaveLength(0);
    release();
    expect(await cancel.result()).toMatchObject({ totalCents: 13_00 });
    const names = order.fake.calls.map((c) => c.name);
    expect(names.indexOf('cancelAtCarrier')).toBeGreaterThan(names.indexOf('submitToCarrier'));
    expect((await order.handle.result()).status).toBe('canceled');
  });
}, 60_000);

test('concurrent cancellations of different numbers each notify the customer', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await t.withOrder(
    {
      input: { phoneNumbers: ['+12025550171', '+12025550172'] },
      script: { gates: { cancelAtCarrier: () => held } },
    },
    async (order) => {
      const [first, second] = order.numbers;
      await order.approveAndSubmit();
      const a = order.cancel(customer, [first]);
      const b = order.cancel(support, [second]);
      await eventually(async () => expect(order.fake.named('cancelAtCarrier')).toHaveLength(2));
      release();
      await Promise.all([a, b]);
      await order.handle.result();
      const keys = order.fake
        .named('emailCustomer')
        .filter((c) => c.notice.kind === 'canceled')
        .map((c) => c.idempotencyKey);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(2);
      expect(order.fake.named('chargeFees').map((c) => c.charges.map((x) => x.phoneNumber))).toEqual(
        expect.arrayContaining([[first], [second]]),
      );
    },
  );
}, 60_000);

describe('rejected numbers awaiting resubmission', () => {
  test('the customer gives up the only (rejected) number: free, nothing sent to the carrier, the order closes at once', async () => {
    await t.withOrder({}, async (order) => {
      await order.approveAndSubmit();
      await order.carrierReject('incorrect_account_number');
      await order.statusWhen((s) => s.numbers[0].status === 'rejected', 'rejected');

      const quote = await order.quote('customer');
      expect(quote).toMatchObject({
        allowed: true,
        totalCents: 0,
        numbers: [{ phoneNumber: order.numbers[0], window: 'rejected', feeCents: 0 }],
      });
      expect(await order.cancel(customer)).toEqual({
        currency: 'USD',
        numbers: [{ phoneNumber: order.numbers[0], feeCents: 0 }],
        totalCents: 0,
      });
      // Not 30 days later: the order is over now.
      const result = await order.handle.result();
      expect(result.status).toBe('canceled');
      expect(result.numbers[0]).toMatchObject({
        status: 'canceled',
        cancellation: { by: 'customer', feeCents: 0 },
      });
      expect(Date.parse(result.updatedAt) - Date.parse(result.transitions[0].at)).toBeLessThan(DAY_MS);
      expect(order.fake.named('cancelAtCarrier')).toHaveLength(0);
      expect(order.fake.named('chargeFees')).toHaveLength(0);
      expect(order.fake.notices('canceled')).toEqual([
        expect.objectContaining({ canceledBy: 'customer', totalCents: 0 }),
      ]);
    });
  }, 60_000);

  test('support cancels a named rejected number while the other number goes on; its port date cannot be changed', async () => {
    await t.withOrder({ input: { phoneNumbers: ['+12025550181', '+12025550182'] } }, async (order) => {
      const [accepted, rejected] = order.numbers;
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(10);
      await order.accept(focDate, [accepted]);
      await order.carrierReject('data_mismatch', [rejected]);
      await order.statusWhen(
        (s) => s.numbers[0].status === 'accepted' && s.numbers[1].status === 'rejected',
        'one accepted, one rejected',
      );
      // A port-date change leaves the rejected number alone, and refuses it by name.
      await expectRefusal(
        order.changePortDate(support, await order.businessDaysAhead(12), [rejected]),
        REFUSALS.numberClosed,
      );
      expect((await order.quote('support', [rejected])).numbers[0]).toMatchObject({
        window: 'rejected',
        feeCents: 0,
        allowedRoles: ['customer', 'support'],
      });

      expect(await order.cancel(support, [rejected])).toMatchObject({ totalCents: 0 });
      const s = await order.status();
      expect(s.numbers.map((n) => n.status)).toEqual(['accepted', 'canceled']);
      expect(s.waitingFor.some((w) => w.what.startsWith('resubmission'))).toBe(false);
      await expectRefusal(order.resubmit(customer, [rejected]), REFUSALS.notResubmittable);
      expect(order.fake.named('cancelAtCarrier')).toHaveLength(0);

      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported([accepted]);
      const result = await order.handle.result();
      expect(result.status).toBe('completed');
      expect(result.numbers.map((n) => n.status)).toEqual(['completed', 'canceled']);
    });
  }, 60_000);

  test('an unnamed cancellation takes the rejected numbers along, at their own (zero) fee', async () => {
    await t.withOrder({ input: { phoneNumbers: ['+12025550183', '+12025550184'] } }, async (order) => {
      const [submitted, rejected] = order.numbers;
      await order.approveAndSubmit();
      await order.carrierReject('invalid_btn', [rejected]);
      await order.statusWhen((s) => s.numbers[1].status === 'rejected', 'rejected');
      expect(await order.cancel(customer)).toEqual({
        currency: 'USD',
        numbers: [
          { phoneNumber: submitted, feeCents: 13_00 },
          { phoneNumber: rejected, feeCents: 0 },
        ],
        totalCents: 13_00,
      });
      const result = await order.handle.result();
      expect(result.numbers.map((n) => n.status)).toEqual(['canceled', 'canceled']);
      // Only the number still pending at the carrier is canceled there, and only it is charged.
      expect(order.fake.named('cancelAtCarrier')).toEqual([
        expect.objectContaining({ phoneNumbers: [submitted] }),
      ]);
      expect(order.fake.named('chargeFees').flatMap((c) => c.charges)).toEqual([
        { phoneNumber: submitted, feeCents: 13_00, reason: 'cancellation' },
      ]);
    });
  }, 60_000);
});
