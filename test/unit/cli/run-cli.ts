/**
 * Runs the built portctl (lib/cli/portctl.js, built by the unit project's global setup,
 * test/support/build-cli.ts) as a real child process, executed as the package's bin through its
 * shebang: the process boundary is real (argv, env, exit code, stdout/stderr, a non-TTY stdin).
 * Asynchronous spawn, because the fake API runs in this process and spawnSync would block its event loop.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { runProcess } from '../../support/run-process';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'lib/cli/portctl.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An empty HOME, so a developer's real ~/.config/portctl never leaks into a test. */
export const emptyHome = (): string => mkdtempSync(join(tmpdir(), 'portctl-home-'));

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runProcess(CLI, args, {
    cwd: ROOT,
    // Only what the CLI should see: no PORTCTL_* from the developer's shell.
    // This node first on PATH: the shebang (`#!/usr/bin/env node`) then runs the same version.
    env: { PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`, HOME: emptyHome(), ...env },
  });
}
