/**
 * Rulebook section 2: a port outside the US and Canada carries a one-time charge per number, and a
 * port outside business hours an extra fee; US and Canadian ports are otherwise free. The workflow
 * records each charge once, when the number is ported (domain/porting-charges.ts, patch
 * `porting-charges`): on the order's fees and through the charge ledger (chargeFees), keyed per
 * order, kind and number. A number that never ports (canceled) is not charged.
 */
import { useWorkflowTestEnv, type OrderDriver } from './harness';

const t = useWorkflowTestEnv('porting');

const AU_ORDER = { country: 'AU' as const, timeZone: 'Australia/Sydney' };

/** Approved, accepted, activated and confirmed ported; then every capability passes: completed. */
async function portToCompletion(order: OrderDriver) {
  await order.approveAndSubmit();
  return acceptedToCompletion(order, order.numbers);
}

/** Submitted numbers accepted, activated and confirmed ported, through to completed. */
async function acceptedToCompletion(order: OrderDriver, phoneNumbers: string[]) {
  const focDate = await order.businessDaysAhead(3);
  await order.accept(focDate, phoneNumbers);
  await order.sleepUntil(order.activationOf(focDate) + 1_000);
  await order.statusWhen((s) =>
    phoneNumbers.every((p) => s.numbers.find((n) => n.phoneNumber === p)?.activated),
  );
  await order.ported(phoneNumbers);
  return order.statusWhen(
    (s) => phoneNumbers.every((p) => s.numbers.find((n) => n.phoneNumber === p)?.status === 'completed'),
    'ported numbers completed',
  );
}

const portingFees = (fees: { reason: string }[]) =>
  fees.filter((f) => f.reason === 'international_port' || f.reason === 'after_hours_port');

test('a US port outside business hours: the after-hours fee per number, recorded once when ported', async () => {
  const phoneNumbers = ['+12025550501', '+12025550502'];
  await t.withOrder({ input: { phoneNumbers, afterHoursPort: true } }, async (order) => {
    await order.approveAndSubmit();
    const focDate = await order.businessDaysAhead(3);
    await order.accept(focDate);
    await order.sleepUntil(order.activationOf(focDate) + 1_000);
    await order.statusWhen((s) => s.numbers.every((n) => n.activated), 'activated');
    // Activated is not ported: nothing is charged before the carrier confirms the port.
    expect(order.fake.named('chargeFees')).toEqual([]);
    expect((await order.status()).fees).toEqual([]);

    await order.ported();
    // The carrier telling it again (a new event id) charges nothing more.
    await order.ported();
    const done = await order.statusWhen((s) => s.status === 'completed', 'completed');

    expect(order.fake.named('chargeFees')).toEqual([
      {
        orderId: order.input.orderId,
        charges: phoneNumbers.map((phoneNumber) => ({
          phoneNumber,
          feeCents: 50_00,
          reason: 'after_hours_port',
        })),
        idempotencyKey: `${order.input.orderId}:porting-charge:after_hours_port`,
      },
    ]);
    expect(done.fees).toEqual(
      phoneNumbers.map((phoneNumber) => ({
        phoneNumber,
        feeCents: 50_00,
        reason: 'after_hours_port',
        at: expect.any(String),
      })),
    );
    expect(done.totalFeesCents).toBe(100_00);
    expect(done.transitions.filter((x) => x.type === 'number.porting_charged')).toHaveLength(1);
  });
});

test('an AU port: the international charge support quoted, per number, recorded once when ported', async () => {
  const phoneNumbers = ['+61255501234', '+61255501235'];
  await t.withOrder(
    { input: { ...AU_ORDER, phoneNumbers, quotedPortingChargeCents: 40_00 } },
    async (order) => {
      const done = await portToCompletion(order);
      expect(order.fake.named('chargeFees')).toEqual([
        {
          orderId: order.input.orderId,
          charges: phoneNumbers.map((phoneNumber) => ({
            phoneNumber,
            feeCents: 40_00,
            reason: 'international_port',
          })),
          idempotencyKey: `${order.input.orderId}:porting-charge:international_port`,
        },
      ]);
      expect(portingFees(done.fees)).toHaveLength(2);
      expect(done.totalFeesCents).toBe(80_00);
    },
  );
});

test('an AU port without a quote is charged the schedule’s amount; after hours adds its own charge', async () => {
  await t.withOrder(
    {
      input: { ...AU_ORDER, phoneNumbers: ['+61255501236'], afterHoursPort: true },
      policy: {
        portingChargeSchedule: {
          currency: 'USD',
          internationalCentsByCountry: { AU: 31_00 },
          internationalDefaultCents: 99_00,
          afterHoursCents: 77_00,
        },
      },
    },
    async (order) => {
      const done = await portToCompletion(order);
      const calls = order.fake.named('chargeFees');
      expect(calls.map((c) => [c.idempotencyKey, c.charges])).toEqual([
        [
          `${order.input.orderId}:porting-charge:international_port`,
          [{ phoneNumber: '+61255501236', feeCents: 31_00, reason: 'international_port' }],
        ],
        [
          `${order.input.orderId}:porting-charge:after_hours_port`,
          [{ phoneNumber: '+61255501236', feeCents: 77_00, reason: 'after_hours_port' }],
        ],
      ]);
      expect(done.totalFeesCents).toBe(108_00);
    },
  );
});

test('a plain US port carries no charge', async () => {
  await t.withOrder({ input: { phoneNumbers: ['+12025550511'] } }, async (order) => {
    const done = await portToCompletion(order);
    expect(order.fake.named('chargeFees')).toEqual([]);
    expect(done.fees).toEqual([]);
    expect(done.transitions.some((x) => x.type === 'number.porting_charged')).toBe(false);
  });
});

test('a number canceled before its port carries no porting charge; its ported sibling does', async () => {
  const [canceled, ported] = ['+12025550521', '+12025550522'];
  await t.withOrder({ input: { phoneNumbers: [canceled, ported], afterHoursPort: true } }, async (order) => {
    await order.approveAndSubmit();
    await order.carrierCancel([canceled]);
    await order.statusWhen((s) => s.numbers[0].status === 'canceled', 'canceled by the carrier');
    await acceptedToCompletion(order, [ported]);
    const done = await order.statusWhen((s) => s.status === 'completed', 'completed');
    expect(order.fake.named('chargeFees').flatMap((c) => c.charges)).toEqual([
      { phoneNumber: ported, feeCents: 50_00, reason: 'after_hours_port' },
    ]);
    expect(done.fees.map((f) => f.phoneNumber)).toEqual([ported]);
  });
});
