/**
 * Capability tests of ported numbers (rulebook 5.8): which numbers are due, what a round's results
 * do (a failing capability is retested with backoff, alerted after a few failures), and completion.
 * The test and completion activities are called from due-actions.ts.
 */
import type { CapabilityResult } from '../activities/types';
import { isTerminalNumberStatus, type NumberStatus } from '../domain/statuses';
import type { NumberState, OrderState } from './messages';
import type { OrderRun } from './order-run';

export const dueForCapabilityTest = (state: OrderState, now: number): NumberState[] =>
  state.numbers.filter(
    (n) =>
      n.ported &&
      !isTerminalNumberStatus(n.status) &&
      n.nextCapabilityTestAt !== undefined &&
      now >= n.nextCapabilityTestAt,
  );

/**
 * The round's key part. A failed round changes no status (so not seq) but always counts a failure:
 * the key of each round differs, so the carrier never answers a retest with the cached result of
 * the last one.
 */
export const capabilityRound = (state: OrderState, toTest: NumberState[]): string =>
  `${state.seq}.${toTest.reduce((sum, n) => sum + n.capabilityFailures, 0)}`;

/** Applies a round's results: returns the numbers that passed; the others wait for their retest. */
export const recordCapabilityResults = (
  run: OrderRun,
  toTest: NumberState[],
  results: CapabilityResult[],
): NumberState[] => {
  const { input } = run;
  const { policy } = input;
  const testedAt = Date.now();
  const passed: NumberState[] = [];
  for (const n of toTest) {
    // A requested capability works only when the test says so; a number missing from the
    // results was not tested at all, which is no proof that anything works.
    const r = results.find((x) => x.phoneNumber === n.phoneNumber);
    const voiceOk = r?.voice === true;
    const smsOk = input.capabilities === 'voice' || r?.sms === true;
    if (voiceOk && smsOk) {
      passed.push(n);
      continue;
    }
    const status: NumberStatus =
      !voiceOk && !smsOk
        ? 'ported_sms_voice_inactive'
        : !voiceOk
          ? 'ported_voice_inactive'
          : 'ported_sms_inactive';
    n.capabilityFailures += 1;
    const { initialIntervalMs, maximumIntervalMs, alertAfterFailures } = policy.capabilityRetry;
    n.nextCapabilityTestAt =
      testedAt + Math.min(maximumIntervalMs, initialIntervalMs * 2 ** (n.capabilityFailures - 1));
    if (n.status !== status) run.transition('number.capability_failed', [n], status, status);
    if (n.capabilityFailures === alertAfterFailures) {
      const failing = [...(!voiceOk ? ['voice' as const] : []), ...(!smsOk ? ['sms' as const] : [])];
      run.outbox.alert(
        'capability_failing',
        `${n.phoneNumber}: ${failing.join(' and ')} still failing after ${alertAfterFailures} tests`,
      );
      run.outbox.notice(
        { kind: 'capability_degraded', phoneNumbers: [n.phoneNumber], failing },
        n.phoneNumber,
        n.attempt,
      );
    }
  }
  return passed;
};

/** The numbers passed every requested capability: the port is complete. */
export const completed = (run: OrderRun, passed: NumberState[], round: string) => {
  for (const n of passed) n.nextCapabilityTestAt = undefined;
  run.transition('number.completed', passed, 'completed', 'capabilities tested and working');
  run.outbox.notice({ kind: 'completed', phoneNumbers: passed.map((n) => n.phoneNumber) }, round);
};
