// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, see below */
/* global require, process, setTimeout, setInterval */
'use strict';
/**
 * `node watchdog.js <command> [args...]`: runs a binary that cannot watch its parent itself (the
 * Temporal dev server, FerretDB: Go programs) for `npm start`, and stops it when the supervisor is
 * gone, even SIGKILLed. The supervisor starts this with an IPC channel, in a process group of its
 * own that the binary shares: the supervisor signals this process, and sweeps the group after.
 *
 * - the supervisor gone (its IPC channel closes, or this process is re-parented): SIGTERM to the
 *   binary, SIGKILL 10 s later;
 * - SIGTERM, SIGINT, SIGHUP sent to this process: passed on to the binary;
 * - the binary ends: this ends the same way (its exit code, or killed by its signal), so the
 *   supervisor reports what happened to the binary itself.
 *
 * Plain JavaScript on purpose: it starts in milliseconds and holds little memory, with no compiler.
 */
const { spawn } = require('node:child_process');
const { constants } = require('node:os');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node watchdog.js <command> [args...]\n');
  process.exit(2);
}
const supervisorPid = process.ppid;
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const forwarded = /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP']);
for (const signal of forwarded) process.on(signal, () => child.kill(signal));

let supervisorGone = false;
/** @param {string} sign */
function stopChild(sign) {
  if (supervisorGone) return;
  supervisorGone = true;
  process.stderr.write(
    `[watchdog] the supervisor (pid ${supervisorPid}) is gone (${sign}): stopping ${command} (pid ${child.pid})\n`,
  );
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
}
process.once('disconnect', () => stopChild('its IPC channel closed'));
process.channel?.unref(); // a sign of life only: the child's exit decides when this one ends
setInterval(() => {
  if (process.ppid !== supervisorPid) stopChild(`re-parented to pid ${process.ppid}`);
}, 1_000).unref();

child.once('error', (err) => {
  process.stderr.write(`[watchdog] cannot start ${command}: ${err.message}\n`);
  process.exit(127);
});
child.once('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  for (const s of forwarded) process.removeAllListeners(s);
  process.kill(process.pid, signal);
  // A signal whose default is not to end the process: end with the shell's code for it.
  setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 1_000);
});
