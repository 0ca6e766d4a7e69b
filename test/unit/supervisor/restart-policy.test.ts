/**
 * When a crashed service of `npm start` is restarted, after how long, and when the stack gives up
 * (scripts/supervisor/policy.ts).
 */
import {
  decideAfterCrash,
  DEFAULT_RESTART_POLICY,
  type CrashedRun,
} from '../../../scripts/supervisor/policy';

const policy = { baseDelayMs: 1_000, maxDelayMs: 5_000, maxQuickCrashes: 5, stableRunMs: 60_000 };
/** Runs that each lasted `ms`, back to back from t=0 (the last one is the crash just seen). */
const runs = (...durations: number[]): CrashedRun[] => {
  let t = 0;
  return durations.map((ms) => {
    const run = { startedAt: t, endedAt: t + ms };
    t += ms + 1_000;
    return run;
  });
};

test('the first crash is restarted after the base delay', () => {
  expect(decideAfterCrash(runs(5_000), policy)).toEqual({
    action: 'restart',
    delayMs: 1_000,
    quickCrashes: 1,
  });
});

test('each further quick crash in a row doubles the delay, up to the maximum', () => {
  expect(decideAfterCrash(runs(100, 100), policy)).toMatchObject({ delayMs: 2_000, quickCrashes: 2 });
  expect(decideAfterCrash(runs(100, 100, 100), policy)).toMatchObject({ delayMs: 4_000, quickCrashes: 3 });
  expect(decideAfterCrash(runs(100, 100, 100, 100), policy)).toMatchObject({
    action: 'restart',
    delayMs: 5_000, // 8 s, capped
    quickCrashes: 4,
  });
});

test('the fifth quick crash in a row is a crash loop: give up', () => {
  expect(decideAfterCrash(runs(100, 100, 100, 100, 100), policy)).toEqual({
    action: 'give-up',
    quickCrashes: 5,
  });
  expect(decideAfterCrash(runs(100, 200, 59_999, 100, 100, 100), policy).action).toBe('give-up');
});

test('a run that lasted the stable time resets the count: an occasional crash is always restarted', () => {
  // Four quick crashes, then a long run, then a crash: a new series.
  expect(decideAfterCrash(runs(100, 100, 100, 100, 60_000), policy)).toEqual({
    action: 'restart',
    delayMs: 1_000,
    quickCrashes: 0,
  });
  expect(decideAfterCrash(runs(100, 100, 100, 100, 60_000, 100), policy)).toMatchObject({
    action: 'restart',
    delayMs: 1_000,
    quickCrashes: 1,
  });
  const hourly = Array.from({ length: 50 }, () => 3_600_000);
  expect(decideAfterCrash(runs(...hourly), policy).action).toBe('restart');
});

test('the default: 1, 2, 4, 8 s between the first five crashes within a minute of their start, then stop', () => {
  const delays: number[] = [];
  const crashes: CrashedRun[] = [];
  let now = 0;
  for (;;) {
    crashes.push({ startedAt: now, endedAt: now + 3_000 });
    now += 3_000;
    const decision = decideAfterCrash(crashes, DEFAULT_RESTART_POLICY);
    if (decision.action === 'give-up') break;
    delays.push(decision.delayMs);
    now += decision.delayMs;
  }
  expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  expect(crashes).toHaveLength(5);
  expect(now).toBeLessThan(60_000); // five crashes within a minute
});
