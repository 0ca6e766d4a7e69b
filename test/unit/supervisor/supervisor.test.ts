/**
 * The supervisor of `npm start` (scripts/supervisor/supervisor.ts) with tiny real processes and a fast
 * policy: a crashing service is restarted with a line naming it, its exit and the delay, while a
 * steady one keeps running; a crash loop is reported with the service's name, its log and its last
 * lines; stopAll ends everything.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, type ManagedProcess } from '../../../scripts/servers/processes';
import { Supervisor, type ServiceSpec } from '../../../scripts/supervisor/supervisor';
import { isRunning, until } from '../../support/proc';

const dir = mkdtempSync(path.join(tmpdir(), 'supervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const service = (
  name: string,
  script: string,
  ready: (run: ManagedProcess) => Promise<void>,
): ServiceSpec => ({
  name,
  logFile: path.join(dir, `${name}.log`),
  spawn: () =>
    launch(name, 'sh', ['-c', script], { logFile: path.join(dir, `${name}.log`), dieWithParent: true }),
  ready,
  readyTimeoutMs: 30_000,
});

test('a crashing service is restarted with backoff while another keeps running; a crash loop stops', async () => {
  const lines: string[] = [];
  const crashLoops: string[] = [];
  const supervisor = new Supervisor({
    policy: { baseDelayMs: 100, maxDelayMs: 1_000, maxQuickCrashes: 3, stableRunMs: 30_000 },
    say: (line) => lines.push(line),
    onCrashLoop: (message) => crashLoops.push(message),
  });
  await supervisor.supervise(service('steady', 'exec sleep 600', () => Promise.resolve()));
  const steady = supervisor.pids().steady!;
  // Ready, then it fails a moment later: each run is a quick crash.
  void supervisor.supervise(
    service('flaky', 'echo "flaky: cannot open its database"; sleep 0.3; exit 3', () => Promise.resolve()),
  );

  await until(
    () => crashLoops.length > 0,
    30_000,
    () => lines.join('\n'),
  );
  const exits = lines.filter((l) => /flaky \(pid \d+\) exited with exit code 3 after [\d.]+ s/.test(l));
  expect(exits).toHaveLength(3);
  expect(exits[0]).toMatch(
    /restarting it in 0\.1 s at \d\d:\d\d:\d\dZ \(quick crash 1 in a row; 3 stop the stack\)/,
  );
  expect(exits[1]).toMatch(/restarting it in 0\.2 s at .*\(quick crash 2 in a row/);
  expect(exits[2]).toMatch(/3 quick crashes in a row: giving up/);
  expect(lines.filter((l) => /flaky is back \(pid \d+, ready/.test(l))).toHaveLength(2);
  expect(crashLoops).toHaveLength(1);
  expect(crashLoops[0]).toContain(
    'flaky crashed 3 times in a row, each within 30 s of its start (last: exit code 3)',
  );
  expect(crashLoops[0]).toContain(`Its log: ${path.join(dir, 'flaky.log')}`);
  expect(crashLoops[0]).toContain('| flaky: cannot open its database');
  // Each event is in the service's own log too, between its runs' lines.
  expect(readFileSync(path.join(dir, 'flaky.log'), 'utf8')).toMatch(
    /flaky: cannot open its database\n\[supervisor\] \S+ flaky \(pid \d+\) exited with exit code 3/,
  );

  expect(isRunning(steady)).toBe(true); // never touched
  expect(supervisor.pids().steady).toBe(steady);
  await supervisor.stopAll();
  expect(isRunning(steady)).toBe(false);
}, 60_000);

test('a service killed by a signal is restarted and its new run is reported back', async () => {
  const lines: string[] = [];
  const supervisor = new Supervisor({ say: (line) => lines.push(line), onCrashLoop: () => undefined });
  await supervisor.supervise(service('sleeper', 'exec sleep 600', () => Promise.resolve()));
  const first = supervisor.pids().sleeper!;
  process.kill(first, 'SIGKILL');
  await until(
    () => lines.some((l) => l.includes('sleeper is back')),
    20_000,
    () => lines.join('\n'),
  );
  expect(lines[0]).toMatch(
    new RegExp(`sleeper \\(pid ${first}\\) exited with signal SIGKILL after .*restarting it in 1 s`),
  );
  const second = supervisor.pids().sleeper!;
  expect(second).not.toBe(first);
  expect(isRunning(second)).toBe(true);
  await supervisor.stopAll();
  expect(isRunning(second)).toBe(false);
}, 60_000);
