/**
 * Named timers, at most one per key, all cancelled by clearAll() so a closed simulator leaves no
 * open handles. Due times may be days away (an FOC date): Node caps setTimeout at ~24.8 days, so
 * long waits are chained and the due time is re-checked against the clock on each wake-up.
 */
const MAX_DELAY_MS = 2_147_483_647;

export class Timers {
  private readonly handles = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly now: () => number) {}

  /** Runs `fn` at `dueAt` on the injected clock (at once when already due), replacing the key's timer. */
  at(key: string, dueAt: number, fn: () => void): void {
    this.clear(key);
    if (this.closed) return;
    const delay = Math.min(Math.max(0, dueAt - this.now()), MAX_DELAY_MS);
    const handle = setTimeout(() => {
      this.handles.delete(key);
      if (delay === MAX_DELAY_MS && dueAt > this.now()) this.at(key, dueAt, fn);
      else fn();
    }, delay);
    this.handles.set(key, handle);
  }

  /** Runs `fn` after `delayMs` of real time (delivery backoff does not follow the simulated clock). */
  after(key: string, delayMs: number, fn: () => void): void {
    this.clear(key);
    if (this.closed) return;
    const handle = setTimeout(
      () => {
        this.handles.delete(key);
        fn();
      },
      Math.min(Math.max(0, delayMs), MAX_DELAY_MS),
    );
    this.handles.set(key, handle);
  }

  has(key: string): boolean {
    return this.handles.has(key);
  }

  clear(key: string): void {
    const handle = this.handles.get(key);
    if (handle) clearTimeout(handle);
    this.handles.delete(key);
  }

  clearAll(): void {
    this.closed = true;
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }
}
