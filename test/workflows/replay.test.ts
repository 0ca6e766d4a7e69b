/**
 * Determinism guard: histories recorded from real runs of the main paths are replayed against the
 * current workflow code. A change that would break orders already running (a reordered activity, a
 * new timer, ...) fails here, before it reaches a worker. See workflows/VERSIONING.md.
 *
 * Re-record (only for a deliberate, patched() change, or a new path worth guarding):
 *   RECORD_HISTORIES=1 npx jest test/workflows/replay.test.ts --selectProjects workflows
 * Histories recorded now hold payloads encrypted with the development key the harness uses (the
 * older fixtures are plain); replay decrypts with that same key.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { addBusinessDays } from '../../domain/calendar';
import { addCommentUpdate, numberRejectedSignal } from '../../workflows/messages';
import { testDataConverter } from '../support/time-skipping';
import {
  HOUR_MS,
  customer,
  quietRuntime,
  support,
  useWorkflowTestEnv,
  type OrderDriver,
  type OrderOptions,
} from './harness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'histories');
const RECORDING = process.env.RECORD_HISTORIES === '1';

/** A submission the carrier holds until the scenario lets it answer. */
const heldSubmission = (() => {
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  return { answered, release };
})();

/** The paths whose histories are guarded; each runs an order to its end. */
const scenarios: Record<string, { options: OrderOptions; run: (order: OrderDriver) => Promise<void> }> = {
  'happy-path': {
    options: { input: { phoneNumbers: ['+12025550201', '+12025550202'] } },
    async run(order) {
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(5);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
    },
  },
  'rejection-resubmission': {
    options: {},
    async run(order) {
      await order.approveAndSubmit();
      await order.carrierReject('wrong_wireless_pin');
      await order.statusWhen((s) => s.numbers[0].status === 'rejected');
      await order.sleepUntil((await order.now()) + 3 * 24 * HOUR_MS);
      await order.resubmit(customer);
      const focDate = await order.businessDaysAhead(5);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
    },
  },
  cancellation: {
    options: { input: { phoneNumbers: ['+12025550211', '+12025550212'] } },
    async run(order) {
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(5);
      await order.accept(focDate);
      await order.statusWhen((s) => s.numbers.every((n) => n.status === 'accepted'));
      await order.cancel(customer, [order.numbers[0]]);
      await order.sleepUntil(order.activationOf(focDate) - 30 * HOUR_MS);
      await order.cancel(support);
    },
  },
  // Most of the remaining commands: review SLA escalation, carrier follow-up, port-date change,
  // end-of-business query, capability retries.
  'escalation-follow-up-port-date': {
    options: {
      script: {
        carrierAnswers: () => [],
        capabilityResults: (phoneNumbers, round) =>
          phoneNumbers.map((phoneNumber) => ({ phoneNumber, voice: true, sms: round > 1 })),
      },
    },
    async run(order) {
      await order.sleepUntil((await order.now()) + 25 * HOUR_MS);
      await order.approveAndSubmit();
      await order.sleepUntil((await order.now()) + 12 * 24 * HOUR_MS);
      const focDate = await order.businessDaysAhead(6);
      await order.accept(focDate);
      await order.statusWhen((s) => s.numbers[0].status === 'accepted');
      const moved = addBusinessDays(focDate, 2, 'US');
      await order.changePortDate(customer, moved);
      await order.sleepUntil(order.activationOf(moved) + 18 * HOUR_MS);
      await order.ported();
    },
  },
  // The patched paths (workflows/patches.ts): a refused first submission, a late event of attempt 1,
  // a rejected number given up, an FOC move and a carrier cancellation after activation.
  'patched-paths': {
    options: {
      input: { phoneNumbers: ['+12025550221', '+12025550222', '+12025550223', '+12025550224'] },
      script: {
        submitRefusal: (attempt) =>
          attempt === 1 ? { code: 'invalid_btn', message: 'carrier refused: BTN does not match' } : undefined,
      },
    },
    async run(order) {
      const [moved, canceled, plain, givenUp] = order.numbers;
      await order.approve();
      const refused = await order.statusWhen((s) => s.numbers.every((n) => n.status === 'rejected'));
      const refusedAt = Date.parse(refused.transitions.find((x) => x.type === 'number.rejected')!.at);
      await order.sleepUntil(refusedAt + 24 * HOUR_MS);
      await order.resubmit(customer);
      await order.statusWhen((s) => s.numbers.every((n) => n.status === 'submitted_to_carrier'));
      await order.handle.signal(numberRejectedSignal, {
        eventId: 'late-attempt-1',
        phoneNumbers: [moved],
        reasonCode: 'invalid_btn',
        occurredAt: new Date(refusedAt).toISOString(),
      });
      await order.carrierReject('data_mismatch', [givenUp]);
      const focDate = await order.businessDaysAhead(5);
      await order.accept(focDate, [moved, canceled, plain]);
      await order.statusWhen((s) => s.numbers[0].status === 'accepted' && s.numbers[3].status === 'rejected');
      await order.cancel(customer, [givenUp]);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.statusWhen((s) => s.numbers[0].activated);
      await order.moveFoc(addBusinessDays(focDate, 1, 'US'), [moved]);
      await order.carrierCancel([canceled]);
      await order.ported([moved, plain]);
    },
  },
  // separate-notice-channels: each notice's email and webhook apart; one webhook refused (not
  // retried, alerted), one delivered on its second attempt, the others at once.
  'notice-channels': {
    options: {
      script: {
        gates: {
          async sendCustomerWebhook({ notice }) {
            if (notice.kind === 'submission_received')
              throw ApplicationFailure.nonRetryable('destination_not_allowed', 'WebhookDestinationRefused');
            if (notice.kind === 'review_approved' && activityInfo().attempt === 1)
              throw new Error('http_status: receiver answered HTTP 503');
          },
        },
      },
    },
    async run(order) {
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
    },
  },
  // review-rejection-notice: a staff review rejection is told as the review's (rejectedBy: 'review').
  'review-rejection': {
    options: {},
    async run(order) {
      await order.statusWhen((s) => s.status === 'in_review');
      await order.rejectReview('address_mismatch');
      await order.statusWhen((s) => s.numbers[0].status === 'rejected');
      await order.cancel(customer);
    },
  },
  // order-comments: a customer's comment (ops alert), support's (customer notice), an internal note.
  comments: {
    options: {},
    async run(order) {
      await order.statusWhen((s) => s.status === 'in_review');
      for (const [actor, seq, internal] of [
        [customer, 1, false],
        [support, 2, false],
        [support, 3, true],
      ] as const)
        await order.handle.executeUpdate(addCommentUpdate, { args: [{ actor, seq, internal }] });
      await order.statusWhen((s) => s.transitions.filter((t) => t.type.startsWith('comment.')).length === 3);
      await order.cancel(customer);
    },
  },
  // carrier-calls-carrier-policy: the automatic checks' look-ups and the capability tests (a failing
  // round, then a passing one) scheduled under the carrier's retry policy.
  'carrier-policy': {
    options: {
      script: {
        capabilityResults: (phoneNumbers, round) =>
          phoneNumbers.map((phoneNumber) => ({ phoneNumber, voice: true, sms: round > 1 })),
      },
    },
    async run(order) {
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(4);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
    },
  },
  // lean-snapshot-persist: after the first persist, deltas of the numbers that changed (here one
  // number rejected apart from the others, then given up) and of the new transitions.
  'lean-snapshot': {
    options: { input: { phoneNumbers: ['+12025550231', '+12025550232', '+12025550233'] } },
    async run(order) {
      const [first, second, rejected] = order.numbers;
      await order.approveAndSubmit();
      await order.carrierReject('wrong_wireless_pin', [rejected]);
      await order.statusWhen((s) => s.numbers[2].status === 'rejected');
      const focDate = await order.businessDaysAhead(4);
      await order.accept(focDate, [first, second]);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported([first, second]);
      await order.statusWhen(
        (s) => s.numbers[0].status === 'completed' && s.numbers[1].status === 'completed',
      );
      await order.cancel(customer, [rejected]);
    },
  },
  // query-before-overdue: end of business on the FOC date, the query shows one number ported (its
  // confirmation lost): only the other is flagged and alerted, then ported. (Recorded after
  // received-notice-first: its marker opens the history.)
  'end-of-business-query': {
    options: {
      input: { phoneNumbers: ['+12025550251', '+12025550252'] },
      script: {
        carrierAnswers: (call) => (call === 1 ? [{ phoneNumber: '+12025550251', state: 'ported' }] : []),
      },
    },
    async run(order) {
      const [, unconfirmed] = order.numbers;
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 17 * HOUR_MS + 1_000);
      await order.statusWhen((s) => s.transitions.some((x) => x.type === 'carrier.port_overdue'));
      await order.ported([unconfirmed]);
    },
  },
  // cancel-skips-refused-submission: the customer cancels while the submission is in flight, and the
  // carrier refuses that submission: nothing is canceled at the carrier.
  'cancel-refused-submission': {
    options: {
      script: {
        submitRefusal: () => ({ code: 'invalid_btn', message: 'carrier refused: BTN does not match' }),
        gates: { submitToCarrier: () => heldSubmission.answered },
      },
    },
    async run(order) {
      await order.approve();
      await order.statusWhen((s) => s.numbers[0].status === 'submitted_to_carrier');
      const cancel = order.cancel(customer);
      await order.statusWhen((s) => s.numbers[0].status === 'canceled');
      heldSubmission.release();
      await cancel;
    },
  },
  // porting-charges: an AU order ported after hours at support's quote: both charges of each number,
  // recorded once when the port is confirmed.
  'porting-charges': {
    options: {
      input: {
        country: 'AU',
        timeZone: 'Australia/Sydney',
        phoneNumbers: ['+61255501241', '+61255501242'],
        afterHoursPort: true,
        quotedPortingChargeCents: 40_00,
      },
    },
    async run(order) {
      await order.approveAndSubmit();
      const focDate = await order.businessDaysAhead(3);
      await order.accept(focDate);
      await order.sleepUntil(order.activationOf(focDate) + 1_000);
      await order.ported();
    },
  },
};

/**
 * Fixtures are protobufjs's own JSON of the History (JSON.stringify of fetchHistory()), so
 * History.fromObject reads them back exactly. (The SDK's historyFromJSON expects the CLI's proto3
 * JSON and, under Jest's module registry, trips over two copies of protobufjs.)
 */
function readHistory(file: string): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(file, 'utf8')));
}

(RECORDING ? describe : describe.skip)('recording histories (RECORD_HISTORIES=1)', () => {
  const t = useWorkflowTestEnv('replay');
  test.each(Object.keys(scenarios))(
    'records %s',
    async (name) => {
      const { options, run } = scenarios[name];
      await t.withOrder(options, async (order) => {
        await run(order);
        await order.handle.result();
        mkdirSync(FIXTURES, { recursive: true });
        writeFileSync(path.join(FIXTURES, `${name}.json`), JSON.stringify(await order.handle.fetchHistory()));
      });
    },
    120_000,
  );
});

describe('replay', () => {
  beforeAll(() => quietRuntime());
  const fixtures = (): HistoryAndWorkflowId[] =>
    readdirSync(FIXTURES)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ workflowId: file, history: readHistory(path.join(FIXTURES, file)) }));

  test('the main paths are recorded', () => {
    expect(fixtures().map((f) => f.workflowId)).toEqual(
      expect.arrayContaining(Object.keys(scenarios).map((name) => `${name}.json`)),
    );
  });

  test('every recorded history replays on the current workflow code', async () => {
    const results = [];
    for await (const result of Worker.runReplayHistories(
      // With the payload codec: the fixtures predate encryption and must pass through it.
      {
        workflowsPath: require.resolve('../../workflows'),
        replayName: 'fixtures',
        dataConverter: testDataConverter,
      },
      fixtures(),
    )) {
      results.push({ fixture: result.workflowId, error: result.error?.message });
    }
    expect(results).toEqual(fixtures().map((f) => ({ fixture: f.workflowId, error: undefined })));
  }, 120_000);

  test('a non-deterministic change is caught (guard for the guard)', async () => {
    const happy = fixtures().find((f) => f.workflowId === 'happy-path.json')!;
    await expect(
      Worker.runReplayHistory(
        { workflowsPath: require.resolve('./replay-drift'), replayName: 'drift' },
        happy.history,
      ),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  }, 120_000);
});
