/**
 * When `npm start` restarts a crashed service, and when it gives up. Pure: the supervisor hands in
 * the service's crashes, this answers restart-after-a-delay or stop-the-stack.
 *
 * A crash counts toward a crash loop when its run was short (it died within `stableRunMs` of its
 * start); a run that lasted longer resets the count. So a service that cannot start (a bad setting,
 * a broken build) stops the stack after `maxQuickCrashes` attempts, with the delay doubling from
 * `baseDelayMs` in between, while one that crashes now and then is restarted every time.
 */
export interface RestartPolicy {
  /** Delay before the first restart; doubled for each further quick crash in a row. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** This many quick crashes in a row are a crash loop: the stack stops. */
  maxQuickCrashes: number;
  /** A run shorter than this is a quick crash. */
  stableRunMs: number;
}

/** 1 s, 2 s, 4 s, 8 s, then the fifth crash within a minute of its start stops the stack. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxQuickCrashes: 5,
  stableRunMs: 60_000,
};

/** One run of a service that ended without being asked to (epoch milliseconds). */
export interface CrashedRun {
  startedAt: number;
  endedAt: number;
}

export type RestartDecision =
  { action: 'restart'; delayMs: number; quickCrashes: number } | { action: 'give-up'; quickCrashes: number };

/** `crashes` in the order they happened, the one just seen last. */
export function decideAfterCrash(
  crashes: readonly CrashedRun[],
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  let quickCrashes = 0;
  for (let i = crashes.length - 1; i >= 0; i--) {
    const run = crashes[i]!;
    if (run.endedAt - run.startedAt >= policy.stableRunMs) break;
    quickCrashes++;
  }
  if (quickCrashes >= policy.maxQuickCrashes) return { action: 'give-up', quickCrashes };
  // A crash after a stable run is restarted after the base delay, as the first of a new series.
  const exponent = Math.max(0, quickCrashes - 1);
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return { action: 'restart', delayMs, quickCrashes };
}
