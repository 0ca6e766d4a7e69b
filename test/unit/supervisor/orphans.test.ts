/**
 * No orphans: what `npm start` launches ends when the supervisor is SIGKILLed (it can stop nobody
 * then). A binary runs under scripts/supervisor/watchdog.js, a Node service with
 * scripts/supervisor/orphan-guard.ts preloaded; both notice the supervisor is gone. Real processes;
 * the whole stack is covered by test/e2e/supervisor.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, ROOT } from '../../../scripts/servers/processes';
import { childrenOf, commandOf, isRunning, until } from '../../support/proc';

const dir = mkdtempSync(path.join(tmpdir(), 'orphans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (file: string) => {
  try {
    return readFileSync(path.join(dir, file), 'utf8');
  } catch {
    return '';
  }
};

test('the supervisor SIGKILLed: the watched binary and the guarded Node service both stop', async () => {
  const parent = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'ts-node'),
    ['--transpile-only', path.join(__dirname, 'fixtures', 'parent.ts'), dir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d))));
  const { watchdog, service } = JSON.parse(line) as { watchdog: number; service: number };
  await until(
    () => read('idle.log').includes('idle service up') && childrenOf(watchdog).length === 1,
    60_000,
    () => `not up: ${read('idle.log')} / children of the watchdog: ${childrenOf(watchdog)}`,
  );
  const [binary] = childrenOf(watchdog);
  expect(commandOf(binary!)).toBe('sleep 600');

  parent.kill('SIGKILL');
  const left = () => [watchdog, binary!, service].filter(isRunning);
  await until(
    () => left().length === 0,
    20_000,
    () => `still running: ${left().map(commandOf).join(' | ')}`,
  );
  expect(read('idle.log')).toContain('is gone (its IPC channel closed): stopping');
  expect(read('idle.log')).toContain('idle service: SIGTERM, stopping'); // its own graceful stop ran
  expect(read('sleeper.log')).toContain('[watchdog] the supervisor');
}, 90_000);

test('under the watchdog, the binary’s own exit is what the launcher sees: exit code or signal', async () => {
  const exits = await Promise.all(
    [`exit 3`, `kill -KILL $$`].map(
      (script, i) =>
        launch(`exit-${i}`, 'sh', ['-c', script], {
          logFile: path.join(dir, `exit-${i}.log`),
          dieWithParent: true,
        }).exited,
    ),
  );
  expect(exits).toEqual([
    { code: 3, signal: null },
    { code: null, signal: 'SIGKILL' },
  ]);
});

test('stop() ends the binary under the watchdog with one SIGTERM passed on, and nothing is left', async () => {
  const proc = launch('sleeper-2', 'sleep', ['600'], {
    logFile: path.join(dir, 'sleeper-2.log'),
    dieWithParent: true,
  });
  await until(
    () => childrenOf(proc.child.pid!).length === 1,
    10_000,
    () => 'sleep not started',
  );
  const [binary] = childrenOf(proc.child.pid!);
  await proc.stop();
  expect(await proc.exited).toEqual({ code: null, signal: 'SIGTERM' });
  expect(isRunning(binary!)).toBe(false);
});
