/**
 * The carrier refuses a submission outright (an HTTP 4xx, a non-retryable activity failure) instead
 * of answering it later. The order lives on: a refusal coded with a rejection reason rejects the
 * numbers with that reason and its remedy (rulebook 5.4, 7), so the customer can fix and resubmit;
 * any other refusal holds the numbers in review, flagged for ops, until support resubmits or
 * someone cancels (free: nothing is pending at the carrier).
 */
import { NeedsAttention, PortInStatus } from '../../workflows/search-attributes';
import { customer, eventually, support, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('refusal');

test('the first submission refused with a rejection code: the numbers are rejected with its remedy, and a resubmission goes through', async () => {
  await t.withOrder(
    {
      input: { phoneNumbers: ['+12025550191', '+12025550192'] },
      script: {
        submitRefusal: (attempt) =>
          attempt === 1
            ? {
                code: 'incorrect_account_number',
                message: 'carrier refused POST /port-requests: no such account',
              }
            : undefined,
      },
    },
    async (order) => {
      await order.approve();
      const rejected = await order.statusWhen(
        (s) => s.numbers.every((n) => n.status === 'rejected'),
        'both numbers rejected',
      );
      expect(rejected.status).toBe('rejected');
      expect(rejected.numbers.map((n) => n.rejection?.code)).toEqual([
        'incorrect_account_number',
        'incorrect_account_number',
      ]);
      expect(rejected.numbers[0].rejection?.resubmitBy).toEqual(expect.any(String));
      expect(rejected.transitions.find((x) => x.type === 'number.rejected')?.detail).toBe(
        'incorrect_account_number (the carrier refused attempt 1)',
      );
      await eventually(async () =>
        expect(order.fake.notices('number_rejected')).toEqual([
          expect.objectContaining({ phoneNumbers: order.numbers, reasonCode: 'incorrect_account_number' }),
        ]),
      );
      expect((await order.handle.describe()).status.name).toBe('RUNNING');

      expect(await order.resubmit(customer)).toEqual({ phoneNumbers: order.numbers, attempt: 2 });
      const again = await order.statusWhen(
        (s) => s.numbers.every((n) => n.status === 'submitted_to_carrier' && n.attempt === 2),
        'attempt 2 submitted',
      );
      expect(again.status).toBe('in_progress');
      const focDate = await order.businessDaysAhead(5);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
      expect((await order.handle.result()).status).toBe('completed');
    },
  );
}, 60_000);

test('a refusal that is no rejection reason holds the numbers for ops (flagged, alerted) until support resubmits', async () => {
  await t.withOrder(
    {
      script: {
        submitRefusal: (attempt) =>
          attempt === 1 ? { code: 'invalid_request', message: 'carrier refused: malformed LSR' } : undefined,
      },
    },
    async (order) => {
      const [number] = order.numbers;
      await order.approve();
      const held = await order.statusWhen((s) => s.needsAttention, 'held for ops');
      expect(held.status).toBe('in_review');
      expect(held.numbers[0]).toMatchObject({
        status: 'in_review',
        attempt: 1,
        submissionRefusal: { code: 'invalid_request', message: 'carrier refused: malformed LSR' },
      });
      expect(held.waitingFor).toEqual([{ what: expect.stringContaining(`the carrier refused ${number}`) }]);
      await eventually(async () =>
        expect(order.fake.named('alertOps')).toEqual([
          expect.objectContaining({
            reason: 'carrier_refused_submission',
            details: expect.stringContaining('invalid_request'),
          }),
        ]),
      );
      await eventually(async () => expect(await order.searchAttribute(NeedsAttention)).toBe(true));
      expect(await order.searchAttribute(PortInStatus)).toEqual('in_review');
      // Nothing is pending at the carrier: cancelling now would be free.
      expect((await order.quote('customer')).numbers[0]).toMatchObject({
        window: 'not_submitted',
        feeCents: 0,
      });

      expect(await order.resubmit(support)).toEqual({ phoneNumbers: order.numbers, attempt: 2 });
      const resubmitted = await order.statusWhen(
        (s) => s.numbers[0].status === 'submitted_to_carrier' && s.numbers[0].attempt === 2,
        'attempt 2 submitted',
      );
      expect(resubmitted.needsAttention).toBe(false);
      expect(resubmitted.numbers[0].submissionRefusal).toBeUndefined();
      await eventually(async () => expect(await order.searchAttribute(NeedsAttention)).toBe(false));
      expect(order.fake.named('submitToCarrier').map((c) => c.attempt)).toEqual([1, 2]);
    },
  );
}, 60_000);

test('a held number can be canceled at once, free of charge, and nothing is canceled at the carrier', async () => {
  await t.withOrder(
    { script: { submitRefusal: () => ({ code: 'country_changed', message: 'carrier refused' }) } },
    async (order) => {
      await order.approve();
      await order.statusWhen((s) => s.needsAttention, 'held for ops');
      expect(await order.cancel(customer)).toMatchObject({ totalCents: 0 });
      const result = await order.handle.result();
      expect(result.status).toBe('canceled');
      expect(order.fake.named('cancelAtCarrier')).toHaveLength(0);
      expect(order.fake.named('chargeFees')).toHaveLength(0);
    },
  );
}, 60_000);
