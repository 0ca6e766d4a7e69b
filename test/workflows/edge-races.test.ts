/**
 * Edge races of the order's lifecycle: the end-of-business check answered by the carrier's query
 * (rulebook 5.7: query, then alert only what is still unconfirmed), a staff review delivered with the
 * workflow's first task (the customer hears "received" before "approved"), and a cancellation
 * waiting on a submission the carrier refuses (nothing of it at the carrier to cancel).
 */
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import type { CarrierNumberAnswer } from '../../activities/types';
import { DEFAULT_POLICY, reviewUpdate, type PortInOrderInput } from '../../workflows/messages';
import { portInOrderWorkflow } from '../../workflows/port-in-order';
import { fakeActivities } from '../support/fake-activities';
import { testDataConverter } from '../support/time-skipping';
import { customer, eventually, HOUR_MS, support, useWorkflowTestEnv } from './harness';

const t = useWorkflowTestEnv('edge-races');

test('end of business on the FOC date: the query comes first; a number it shows ported is neither flagged nor alerted', async () => {
  let answers: CarrierNumberAnswer[] = [];
  await t.withOrder(
    { input: { phoneNumbers: ['+12025550261', '+12025550262'] }, script: { carrierAnswers: () => answers } },
    async (order) => {
      const [confirmedLate, unconfirmed] = order.numbers;
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      // The carrier ported the first number, but its confirmation never reached us.
      answers = [
        { phoneNumber: confirmedLate, state: 'ported' },
        { phoneNumber: unconfirmed, state: 'accepted' },
      ];
      const endOfBusiness = order.activationOf(focDate) + 17 * HOUR_MS; // no DST change on an ordinary day
      await order.sleepUntil(endOfBusiness + 1_000);
      await eventually(async () => expect(order.fake.named('queryCarrier')).toHaveLength(1));
      const status = await order.statusWhen(
        (s) => s.transitions.some((x) => x.type === 'carrier.port_overdue'),
        'the overdue port flagged',
      );
      expect(status.transitions.filter((x) => x.type === 'carrier.port_overdue')).toEqual([
        expect.objectContaining({ phoneNumbers: [unconfirmed] }),
      ]);
      expect(status.transitions.filter((x) => x.type === 'number.ported')).toEqual([
        expect.objectContaining({ phoneNumbers: [confirmedLate] }),
      ]);
      // The ported number's record came before the overdue flag: queried, applied, then flagged.
      const seqOf = (type: string) => status.transitions.find((x) => x.type === type)!.seq;
      expect(seqOf('number.ported')).toBeLessThan(seqOf('carrier.port_overdue'));
      await eventually(async () =>
        expect(order.fake.named('alertOps').filter((a) => a.reason === 'port_overdue')).toEqual([
          expect.objectContaining({ details: `carrier has not confirmed the port of ${unconfirmed}` }),
        ]),
      );
    },
  );
}, 60_000);

test('end of business on the FOC date: a query showing every number ported raises no overdue alert at all', async () => {
  let answers: CarrierNumberAnswer[] = [];
  await t.withOrder({ script: { carrierAnswers: () => answers } }, async (order) => {
    const [number] = order.numbers;
    await order.approveAndSubmit();
    const focDate = await order.businessDaysAhead(3);
    await order.accept(focDate);
    answers = [{ phoneNumber: number, state: 'ported' }];
    await order.sleepUntil(order.activationOf(focDate) + 17 * HOUR_MS + 1_000);
    const result = await order.handle.result();
    expect(result.status).toBe('completed');
    expect(order.fake.named('queryCarrier')).toHaveLength(1);
    expect(order.fake.named('alertOps').map((a) => a.reason)).toEqual([]);
    expect(result.transitions.map((x) => x.type)).not.toContain('carrier.port_overdue');
    expect(result.numbers[0]).toMatchObject({ status: 'completed' });
  });
}, 60_000);

test.each([
  [
    'refuses the query',
    () =>
      ApplicationFailure.create({
        message: 'no such request',
        type: 'CarrierRequestRefused',
        nonRetryable: true,
      }),
  ],
  ['cannot be reached', () => new Error('connect ECONNREFUSED carrier')],
])(
  'end of business on the FOC date: when the carrier %s, ops still hear of the overdue port and the order keeps waiting',
  async (_case, failure) => {
    let failing = false;
    await t.withOrder(
      {
        script: {
          carrierAnswers: () => {
            if (failing) throw failure();
            return [];
          },
        },
      },
      async (order) => {
        const [number] = order.numbers;
        await order.approveAndSubmit();
        const focDate = await order.businessDaysAhead(3);
        await order.accept(focDate);
        failing = true;
        // Past end of business and past the query's 15 minutes of retries.
        await order.sleepUntil(order.activationOf(focDate) + 17 * HOUR_MS + 20 * 60_000);
        await eventually(async () =>
          expect(order.fake.named('alertOps').filter((a) => a.reason === 'port_overdue')).toEqual([
            expect.objectContaining({ details: `carrier has not confirmed the port of ${number}` }),
          ]),
        );
        const status = await order.statusWhen((s) => s.needsAttention, 'the overdue port flagged');
        expect(status.numbers[0]).toMatchObject({ status: 'accepted', activated: true });
        // The carrier's confirmation still completes the order.
        failing = false;
        await order.ported();
        expect((await order.handle.result()).status).toBe('completed');
      },
    );
  },
  120_000,
);

test('a review delivered with the first workflow task: the customer gets "received" before "approved"', async () => {
  // Started with no worker polling, then reviewed at once: the update waits on the server and is
  // delivered with the first task, as when staff approve an order the moment it appears.
  const orderId = 'edge-races-first-task';
  const taskQueue = `tq-${orderId}`;
  const fake = fakeActivities({});
  const input: PortInOrderInput = {
    orderId,
    accountId: 'acct-1',
    country: 'US',
    timeZone: 'America/New_York',
    losingCarrier: 'Simulated Telco',
    phoneNumbers: ['+12025550271'],
    capabilities: 'voice+sms',
    policy: DEFAULT_POLICY,
  };
  const handle = await t.env.client.workflow.start(portInOrderWorkflow, {
    taskQueue,
    workflowId: `wf-${orderId}`,
    args: [input],
  });
  const review = handle.executeUpdate(reviewUpdate, { args: [{ actor: support, decision: 'approve' }] });
  review.catch(() => undefined); // awaited below, once a worker runs
  // Give the update time to reach the server before the first task is polled.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const worker = await Worker.create({
    connection: t.env.nativeConnection,
    taskQueue,
    workflowBundle: t.bundle,
    activities: fake.activities,
    dataConverter: testDataConverter,
  });
  await worker.runUntil(async () => {
    try {
      await expect(review).resolves.toEqual({ review: 'approved' });
      const history = await handle.fetchHistory();
      const firstTaskCompleted = history.events!.findIndex((e) => e.workflowTaskCompletedEventAttributes);
      const accepted = history.events!.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      // The review did arrive with the first task (otherwise this test shows nothing).
      expect(accepted).toBeGreaterThan(firstTaskCompleted);
      expect(
        history.events!.slice(0, accepted).filter((e) => e.workflowTaskCompletedEventAttributes),
      ).toHaveLength(1);
      await eventually(async () =>
        expect(fake.named('emailCustomer').map((c) => c.notice.kind)).toEqual([
          'submission_received',
          'review_approved',
        ]),
      );
    } finally {
      await handle.terminate('test finished').catch(() => undefined);
    }
  });
}, 60_000);

test('a cancellation waiting on a submission the carrier refuses: nothing is canceled at the carrier, the cancellation answers', async () => {
  let releaseSubmission!: () => void;
  const submissionHeld = new Promise<void>((resolve) => (releaseSubmission = resolve));
  await t.withOrder(
    {
      script: {
        submitRefusal: () => ({ code: 'invalid_btn', message: 'carrier refused: BTN does not match' }),
        gates: {
          submitToCarrier: () => submissionHeld,
          // As the carrier does for a port it never took.
          async cancelAtCarrier() {
            throw ApplicationFailure.create({
              type: 'CarrierRequestRefused',
              message: 'no such port request',
              nonRetryable: true,
            });
          },
        },
      },
    },
    async (order) => {
      const [number] = order.numbers;
      await order.approve();
      await eventually(async () => expect(order.fake.named('submitToCarrier')).toHaveLength(1));
      const cancel = order.cancel(customer);
      cancel.catch(() => undefined);
      await order.statusWhen(
        (s) => s.numbers[0].status === 'canceled',
        'canceled while the submission waits',
      );
      releaseSubmission();
      await expect(cancel).resolves.toMatchObject({ numbers: [{ phoneNumber: number }] });
      expect(order.fake.named('cancelAtCarrier')).toEqual([]);
      const result = await order.handle.result();
      expect(result.status).toBe('canceled');
      expect(result.numbers[0]).toMatchObject({ status: 'canceled' });
      expect(order.fake.named('emailCustomer').map((c) => c.notice.kind)).toContain('canceled');
    },
  );
}, 60_000);
