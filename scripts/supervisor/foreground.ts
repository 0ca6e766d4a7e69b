/**
 * The supervisor as `npm start` and `npm run start:cluster` run it in a terminal: `[supervisor]`
 * lines, a crash loop or a signal (SIGINT, SIGTERM, SIGHUP) stops every process, a second signal
 * while stopping kills them at once, and a closed terminal does not end it before its children.
 */
import { Supervisor } from './supervisor';

export interface ForegroundSupervisor {
  supervisor: Supervisor;
  say(line: string): void;
  /** Stops every process, then exits with `code` (once; later calls do nothing). */
  shutdown(code: number, why?: string): Promise<void>;
  /** Every running process by name, for the banner. */
  pidList(): string;
}

export function superviseInForeground(): ForegroundSupervisor {
  const say = (line: string) => console.log(`[supervisor] ${line}`);
  let stopping = false;
  const shutdown = async (code: number, why?: string) => {
    if (stopping) return;
    stopping = true;
    say(`${why ? `${why}: ` : ''}stopping every process…`);
    await supervisor.stopAll();
    say('all processes stopped');
    process.exit(code);
  };
  const supervisor = new Supervisor({
    say,
    onCrashLoop: (message) => {
      console.error(`[supervisor] ${message}`);
      void shutdown(1);
    },
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) return void shutdown(0, signal);
    // A second Ctrl-C while stopping: do not wait for graceful stops any more.
    say(`${signal} again: killing every process now`);
    supervisor.killAll();
    process.exit(1);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  // A closed terminal turns console writes into EIO/EPIPE errors: they must not end the supervisor
  // before it has stopped its children.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const pidList = () =>
    Object.entries(supervisor.pids())
      .map(([name, pid]) => `${name} ${pid}`)
      .join(', ');
  return { supervisor, say, shutdown, pidList };
}
