/**
 * Rulebook 5.5–5.8: activation at midnight of the FOC date in the service address's zone (DST
 * included), the end-of-business check, capability tests retried with backoff through the degraded
 * statuses until they pass, and notices that never hold up a deadline.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { CarrierNumberAnswer } from '../../activities/types';
import { addBusinessDays, addDays, type CalendarCountry } from '../../domain/calendar';
import { FocDate, NeedsAttention } from '../../workflows/search-attributes';
import { eventually, HOUR_MS, iso, nextDstChange, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('activation');

describe('activation at FOC midnight across DST changes', () => {
  // Offsets written out by hand (not computed with the code under test). The Sunday rows are the
  // change day itself: midnight comes before the 02:00 switch, so it still has the old offset.
  const cases: {
    zone: string;
    country: CalendarCountry;
    change: 'spring' | 'fall';
    day: 'sunday' | 'monday';
    utcHour: number;
  }[] = [
    { zone: 'America/New_York', country: 'US', change: 'spring', day: 'monday', utcHour: 4 }, // EDT, UTC-4
    { zone: 'America/New_York', country: 'US', change: 'spring', day: 'sunday', utcHour: 5 }, // still EST
    { zone: 'America/New_York', country: 'US', change: 'fall', day: 'monday', utcHour: 5 }, // EST, UTC-5
    { zone: 'America/New_York', country: 'US', change: 'fall', day: 'sunday', utcHour: 4 }, // still EDT
    { zone: 'America/Toronto', country: 'CA', change: 'spring', day: 'monday', utcHour: 4 },
    { zone: 'America/Toronto', country: 'CA', change: 'fall', day: 'monday', utcHour: 5 },
    { zone: 'America/Halifax', country: 'CA', change: 'spring', day: 'monday', utcHour: 3 }, // ADT, UTC-3
    { zone: 'America/Halifax', country: 'CA', change: 'fall', day: 'monday', utcHour: 4 }, // AST, UTC-4
  ];
  test.each(cases)(
    '$zone, $change change, FOC on the $day: midnight is $utcHour:00 UTC',
    async (c) => {
      await t.withOrder({ input: { timeZone: c.zone, country: c.country } }, async (order) => {
        const change = nextDstChange(c.change, addDays(await order.today(), 2));
        const focDate = c.day === 'sunday' ? change : addDays(change, 1);
        const expected = Date.parse(`${focDate}T${String(c.utcHour).padStart(2, '0')}:00:00Z`);
        await order.approveAndSubmit();
        await order.accept(focDate);
        const s = await order.statusWhen((x) => x.numbers[0].status === 'accepted');
        expect(s.numbers[0].activationAt).toBe(iso(expected));
        await eventually(async () =>
          expect(await order.searchAttribute(FocDate)).toEqual(new Date(expected)),
        );

        // The wait crosses the change: an hour's error either way shows here.
        await order.sleepUntil(expected - 30 * 60_000);
        expect(order.fake.named('activateNumbers')).toHaveLength(0);
        await order.sleepUntil(expected + 1_000);
        await eventually(async () => expect(order.fake.named('activateNumbers')).toHaveLength(1));
        const [activation] = order.fake.timed('activateNumbers');
        expect(activation.at - expected).toBeGreaterThanOrEqual(0);
        expect(activation.at - expected).toBeLessThan(5_000);
      });
    },
    60_000,
  );
});

test('capability failures: through each degraded status with backoff, ops alerted at the threshold, then completed', async () => {
  // Round by round: voice fails, then SMS, then both (the 3rd failure: threshold), then all pass.
  const rounds: Record<number, { voice: boolean; sms: boolean }> = {
    1: { voice: false, sms: true },
    2: { voice: true, sms: false },
    3: { voice: false, sms: false },
  };
  await t.withOrder(
    {
      script: {
        capabilityResults: (phoneNumbers, round) =>
          phoneNumbers.map((phoneNumber) => ({
            phoneNumber,
            ...(rounds[round] ?? { voice: true, sms: true }),
          })),
      },
    },
    async (order) => {
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
      const result = await order.handle.result();

      expect(result.status).toBe('completed');
      expect(result.numbers[0].status).toBe('completed');
      expect(
        result.transitions.filter((x) => x.type === 'number.capability_failed').map((x) => x.detail),
      ).toEqual(['ported_voice_inactive', 'ported_sms_inactive', 'ported_sms_voice_inactive']);
      // Backoff: 5, 10, then 20 minutes between tests (policy: 5 min initial, doubling).
      const times = order.fake.timed('testCapabilities').map((c) => c.at);
      expect(times).toHaveLength(4);
      // Each retest is a new request to the carrier, never a replay of the previous one's key.
      const keys = order.fake.named('testCapabilities').map((c) => c.idempotencyKey);
      expect(new Set(keys).size).toBe(4);
      const gaps = times.slice(1).map((at, i) => at - times[i]);
      [5, 10, 20].forEach((minutes, i) => {
        expect(gaps[i]).toBeGreaterThanOrEqual(minutes * 60_000);
        expect(gaps[i]).toBeLessThan(minutes * 60_000 + 5_000);
      });
      // One alert and one customer notice, after the third failure, naming what still fails.
      const alerts = order.fake.timed('alertOps');
      expect(alerts.map((a) => a.input.reason)).toEqual(['capability_failing']);
      expect(alerts[0].at).toBeGreaterThanOrEqual(times[2]);
      expect(order.fake.notices('capability_degraded')).toEqual([
        { kind: 'capability_degraded', phoneNumbers: order.numbers, failing: ['voice', 'sms'] },
      ]);
      // What the API served along the way: each degraded status, flagged only from the threshold on.
      const seen = order.fake.snapshots.map((s) => [s.numbers[0].status, s.needsAttention, s.status]);
      expect(seen).toEqual(
        expect.arrayContaining([
          ['ported_voice_inactive', false, 'in_progress'],
          ['ported_sms_inactive', false, 'in_progress'],
          ['ported_sms_voice_inactive', true, 'in_progress'],
          ['completed', false, 'completed'],
        ]),
      );
      expect(order.fake.named('completeNumbers')).toHaveLength(1);
      expect(order.fake.notices('completed')).toHaveLength(1);
      expect(await order.searchAttribute(NeedsAttention)).toBe(false);
    },
  );
}, 60_000);

test('a number missing from the test results is not taken as working; a voice-only order needs no SMS', async () => {
  await t.withOrder(
    {
      input: { phoneNumbers: ['+12025550181', '+12025550182'], capabilities: 'voice' },
      script: {
        // Round 1 reports only the first number (voice only: no SMS result for a voice port).
        capabilityResults: (phoneNumbers, round) =>
          phoneNumbers
            .filter((p) => round > 1 || p === '+12025550181')
            .map((phoneNumber) => ({ phoneNumber, voice: true })),
      },
    },
    async (order) => {
      const [reported, missing] = order.numbers;
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
      const result = await order.handle.result();
      expect(result.status).toBe('completed');
      expect(order.fake.named('completeNumbers').map((c) => c.phoneNumbers)).toEqual([[reported], [missing]]);
      expect(result.transitions.filter((x) => x.type === 'number.capability_failed')).toEqual([
        expect.objectContaining({ phoneNumbers: [missing], detail: 'ported_voice_inactive' }),
      ]);
    },
  );
}, 60_000);

test('no port confirmation by 17:00 on the FOC date: query + ops alert, again next business day; the query answer applies', async () => {
  let answers: CarrierNumberAnswer[] = [];
  await t.withOrder({ script: { carrierAnswers: () => answers } }, async (order) => {
    const [number] = order.numbers;
    answers = [{ phoneNumber: number, state: 'accepted' }];
    await order.approveAndSubmit();
    const focDate = await order.businessDaysAhead(3);
    await order.accept(focDate);
    const endOfBusiness = order.activationOf(focDate) + 17 * HOUR_MS; // no DST change on an ordinary day
    await order.sleepUntil(endOfBusiness - 60_000);
    expect(order.fake.named('queryCarrier')).toHaveLength(0);
    await order.sleepUntil(endOfBusiness + 1_000);
    await eventually(async () => expect(order.fake.named('queryCarrier')).toHaveLength(1));
    expect(order.fake.named('alertOps').map((a) => a.reason)).toEqual(['port_overdue']);
    expect(await order.status()).toMatchObject({
      needsAttention: true,
      numbers: [{ status: 'accepted', activated: true }],
    });

    // Next business day, 17:00: still nothing, ask again; this time the carrier says it is done.
    answers = [{ phoneNumber: number, state: 'ported' }];
    const next = addBusinessDays(focDate, 1, 'US');
    const nextEndOfBusiness = order.activationOf(next) + 17 * HOUR_MS;
    await order.sleepUntil(nextEndOfBusiness - 60_000);
    expect(order.fake.named('queryCarrier')).toHaveLength(1);
    const result = await order.handle.result();
    expect(result.status).toBe('completed');
    const queries = order.fake.timed('queryCarrier');
    expect(queries).toHaveLength(2);
    expect(queries[1].at - nextEndOfBusiness).toBeGreaterThanOrEqual(0);
    expect(queries[1].at - nextEndOfBusiness).toBeLessThan(5_000);
  });
}, 60_000);

test('an email outage neither delays FOC-midnight activation nor fails the order; ops hear of it', async () => {
  const smtpDown = ApplicationFailure.create({
    type: 'SmtpUnavailable',
    message: 'mail provider down',
    nonRetryable: true,
  });
  await t.withOrder(
    { script: { gates: { emailCustomer: () => Promise.reject(smtpDown) } } },
    async (order) => {
      // Reviewed once the order exists, as staff would. (A review delivered with the first task used
      // to swap the first two emails; `received-notice-first` fixed it, edge-races.test.ts shows it.)
      await order.statusWhen((s) => s.status === 'in_review');
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await eventually(async () => expect(order.fake.named('activateNumbers')).toHaveLength(1));
      expect(order.fake.timed('activateNumbers')[0].at - order.activationOf(focDate)).toBeLessThan(5_000);
      await order.ported();
      const result = await order.handle.result();
      expect(result.status).toBe('completed');
      // Every email was tried (in order) and given up; each one raised an ops alert.
      const kinds = order.fake.named('emailCustomer').map((c) => c.notice.kind);
      expect(kinds).toEqual(['submission_received', 'review_approved', 'foc_assigned', 'completed']);
      expect(order.fake.named('alertOps').filter((a) => a.reason === 'notification_failed')).toHaveLength(
        kinds.length,
      );
    },
  );
}, 60_000);
