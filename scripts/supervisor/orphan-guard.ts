/**
 * Preloaded into every Node service `npm start` supervises (`ts-node -r`): the service stops when
 * the supervisor is gone. The supervisor stops its children itself on SIGINT, SIGTERM and SIGHUP,
 * but a SIGKILL (or a crash of the supervisor) gives it no chance; the services run in their own
 * process groups, so nothing else would end them and the next `npm start` would find their ports
 * taken.
 *
 * Two signs, either suffices: the IPC channel the supervisor opened closes (the kernel closes its end
 * with the process, so this is immediate), or the process is re-parented (polled every second, for
 * a channel that was never opened or closed late). The service then gets SIGTERM, its own graceful
 * stop, and is ended after a grace period if that stop hangs.
 */
import { isMainThread } from 'node:worker_threads';

const GRACE_MS = 10_000; // as the supervisor's own stop: SIGTERM, then SIGKILL after 10 s

function watchSupervisor(): void {
  const supervisorPid = process.ppid;
  let gone = false;
  const stop = (sign: string) => {
    if (gone) return;
    gone = true;
    console.error(`[orphan-guard] the supervisor (pid ${supervisorPid}) is gone (${sign}): stopping`);
    setTimeout(() => process.exit(1), GRACE_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  };
  process.once('disconnect', () => stop('its IPC channel closed'));
  // The channel is only a sign of life: it must not keep a service alive that has finished.
  process.channel?.unref();
  setInterval(() => {
    if (process.ppid !== supervisorPid) stop(`re-parented to pid ${process.ppid}`);
  }, 1_000).unref();
}

// Worker threads share the process and its signals; only the main thread watches.
if (isMainThread && process.send) watchSupervisor();
