/**
 * A resource started once for a whole test file and stopped after it, handed out before it exists:
 * the returned object stands for the running resource, and reading it before `beforeAll` has run
 * throws. Hooks the file registers after this call run once the resource is up.
 */
export function perTestFile<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (running: T) => unknown,
  timeouts: { startMs?: number; stopMs?: number } = {},
): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  }, timeouts.startMs);
  afterAll(async () => {
    if (running) await stop(running);
  }, timeouts.stopMs);
  return new Proxy({} as T, {
    get(_target, property) {
      if (!running) throw new Error(`${what} is not running (did its beforeAll fail?)`);
      return Reflect.get(running, property);
    },
  });
}
