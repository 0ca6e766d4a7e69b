/**
 * A command run as a child process to its end, its output collected: how the tests run portctl, the
 * README's shell blocks and the operators' commands. Asynchronous on purpose: the API or fake API
 * under test often answers from the test's own process, which a synchronous spawn would block.
 */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `stdin` closed at once (not a TTY, as in a script or CI); stdout and stderr collected. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'stdio'>,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end();
  });
}
