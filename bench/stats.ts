/** Small statistics for the report: medians over repetitions, percentiles over samples. */
export const median = (xs: readonly number[]): number => percentile(xs, 50);

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const min = (xs: readonly number[]): number => (xs.length ? Math.min(...xs) : NaN);
export const max = (xs: readonly number[]): number => (xs.length ? Math.max(...xs) : NaN);

/** Runs `fn` `times` times one after the other. */
export async function repeat<T>(times: number, fn: (rep: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await fn(i));
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `work`, or an error naming `what` when it has not settled within `ms` (a bench never waits forever). */
export function within<T>(ms: number, what: () => string | Promise<string>, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => void Promise.resolve(what()).then((w) => reject(new Error(`${w}: nothing after ${ms / 1000} s`))),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
