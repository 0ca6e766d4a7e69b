/**
 * Processes as Linux shows them in /proc: whether one still runs, its children, and every process
 * whose environment carries a marker (how the supervisor tests find all of a stack's processes,
 * re-parented ones included).
 */
import { readdirSync, readFileSync } from 'node:fs';

const pids = () =>
  readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number);

/** State and parent from /proc/<pid>/stat (the command may hold spaces and parentheses). */
function stat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Running (a zombie has ended; only its exit status waits for a parent to read it). */
export const isRunning = (pid: number) => {
  const s = stat(pid);
  return !!s && s.state !== 'Z' && s.state !== 'X';
};

export const childrenOf = (pid: number) => pids().filter((p) => stat(p)?.ppid === pid && isRunning(p));

/** Running processes whose environment has `name=value`. */
export function processesWithEnv(name: string, value: string): number[] {
  const wanted = `${name}=${value}`;
  return pids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(wanted) && isRunning(pid);
    } catch {
      return false;
    }
  });
}

export const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '(gone)';
  }
};

/** Polls until `check` holds (or fails with `describe()`'s account after `timeoutMs`). */
export async function until(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
