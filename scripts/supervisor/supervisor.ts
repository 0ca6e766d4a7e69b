/**
 * Keeps the processes of `npm start` running: a service that ends without being asked to is started
 * again after a delay (scripts/supervisor/policy.ts) while the others keep serving, each event a line
 * on the console and in the service's log; a crash loop calls `onCrashLoop` (the stack stops). The
 * children end with the supervisor however it ends (see orphan-guard.ts and watchdog.js).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { logOffset, type ManagedProcess, type ProcessExit } from '../servers/processes';
import { decideAfterCrash, DEFAULT_RESTART_POLICY, type CrashedRun, type RestartPolicy } from './policy';

export interface ServiceSpec {
  name: string;
  logFile: string;
  /** Starts one run of the service. */
  spawn(): ManagedProcess;
  /** Resolves when that run serves (its port answers, its log says ready); rejects if it exits first. */
  ready(run: ManagedProcess, logOffset: number): Promise<void>;
  /** How long the first start may take before the stack gives up. */
  readyTimeoutMs: number;
}

export interface SupervisorOptions {
  policy?: RestartPolicy;
  /** A line for the person at the console. */
  say(line: string): void;
  /** A service crashed too often: the message names it and its log; the caller stops the stack. */
  onCrashLoop(message: string): void;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const clock = (at = Date.now()) => new Date(at).toISOString().slice(11, 19) + 'Z';

function lastLines(file: string, count: number): string {
  try {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count);
    return lines.map((line) => `    | ${line.slice(0, 300)}`).join('\n');
  } catch {
    return '    (no log)';
  }
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

class SupervisedService {
  private readonly crashes: CrashedRun[] = [];
  private current: ManagedProcess | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private runs = 0;

  constructor(
    readonly spec: ServiceSpec,
    private readonly options: Required<Pick<SupervisorOptions, 'policy'>> & SupervisorOptions,
  ) {}

  get pid(): number | undefined {
    return this.current?.child.pid;
  }

  /**
   * Starts the first run; resolves once the service is ready (after restarts, if it crashed
   * meanwhile), rejects if that takes longer than `readyTimeoutMs`. Stays pending when the service is
   * stopped or gives up first (the stack is stopping then anyway).
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.readyTimer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.spec.name} was not ready within ${seconds(this.spec.readyTimeoutMs)}; its log: ${this.spec.logFile}`,
            ),
          ),
        this.spec.readyTimeoutMs,
      );
      this.firstReady = () => (clearTimeout(this.readyTimer), resolve());
      this.run();
    });
  }

  private firstReady: (() => void) | undefined;
  private readyTimer: NodeJS.Timeout | undefined;

  private run(): void {
    if (this.stopped) return;
    const offset = logOffset(this.spec.logFile);
    const startedAt = Date.now();
    let run: ManagedProcess;
    try {
      run = this.spec.spawn();
    } catch (err) {
      // Nothing to restart (a binary gone, a folder not writable): as a crash loop, with the reason.
      this.halt();
      this.options.onCrashLoop(
        `cannot start ${this.spec.name}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return;
    }
    const restart = this.runs++ > 0;
    this.current = run;
    void run.exited.then((exit) => this.exited(run, startedAt, exit));
    this.spec.ready(run, offset).then(
      () => {
        if (this.stopped || this.current !== run) return;
        if (restart)
          this.options.say(
            `${clock()} ${this.spec.name} is back (pid ${run.child.pid}, ready ${seconds(Date.now() - startedAt)} after its restart)`,
          );
        this.firstReady?.();
        this.firstReady = undefined;
      },
      () => undefined, // it exited before it was ready: exited() decides what follows
    );
  }

  private exited(run: ManagedProcess, startedAt: number, exit: ProcessExit): void {
    run.sweep(); // anything it left in its process group
    if (this.stopped) return;
    const endedAt = Date.now();
    this.crashes.push({ startedAt, endedAt });
    this.crashes.splice(0, this.crashes.length - 2 * this.options.policy.maxQuickCrashes); // enough to decide
    const decision = decideAfterCrash(this.crashes, this.options.policy);
    const { maxQuickCrashes, stableRunMs } = this.options.policy;
    const what = `${this.spec.name} (pid ${run.child.pid}) exited with ${describeExit(exit)} after ${seconds(endedAt - startedAt)}`;
    if (decision.action === 'give-up') {
      this.stopped = true;
      clearTimeout(this.readyTimer);
      this.note(`${what}; ${maxQuickCrashes} quick crashes in a row: giving up`);
      this.options.onCrashLoop(
        `${this.spec.name} crashed ${maxQuickCrashes} times in a row, each within ${seconds(stableRunMs)} of its start ` +
          `(last: ${describeExit(exit)}): stopping the whole stack.\n  Its log: ${this.spec.logFile}, ending with:\n` +
          lastLines(this.spec.logFile, 12),
      );
      return;
    }
    const count = decision.quickCrashes
      ? `quick crash ${decision.quickCrashes} in a row; ${maxQuickCrashes} stop the stack`
      : `after a run longer than ${seconds(stableRunMs)}: not counted as a quick crash`;
    this.note(
      `${what}; restarting it in ${seconds(decision.delayMs)} at ${clock(endedAt + decision.delayMs)} (${count})`,
    );
    this.restartTimer = setTimeout(() => this.run(), decision.delayMs);
  }

  /** On the console and in the service's own log, where its next run's lines follow. */
  private note(line: string): void {
    this.options.say(`${clock()} ${line}`);
    try {
      appendFileSync(this.spec.logFile, `[supervisor] ${new Date().toISOString()} ${line}\n`);
    } catch {
      /* the console has it */
    }
  }

  /** No restart from now on (the stack is stopping). */
  halt(): void {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.readyTimer);
  }

  async stop(): Promise<void> {
    this.halt();
    await this.current?.stop();
  }

  /** Immediately, without waiting: the last resort of a second Ctrl-C. */
  kill(): void {
    this.halt();
    this.current?.sweep();
  }
}

export class Supervisor {
  private readonly services: SupervisedService[] = [];
  private closed = false;
  private readonly options: Required<Pick<SupervisorOptions, 'policy'>> & SupervisorOptions;

  constructor(options: SupervisorOptions) {
    this.options = { ...options, policy: options.policy ?? DEFAULT_RESTART_POLICY };
  }

  /** Starts a service under supervision; resolves once it is ready. */
  supervise(spec: ServiceSpec): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`not starting ${spec.name}: the stack is stopping`));
    const service = new SupervisedService(spec, this.options);
    this.services.push(service);
    return service.start();
  }

  /** The current process of each service, by name. */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries(this.services.map((s) => [s.spec.name, s.pid]));
  }

  /** Stops the services in the reverse of their start: later ones depend on earlier ones. */
  async stopAll(): Promise<void> {
    this.closed = true;
    // None is restarted meanwhile, e.g. the API losing its store while the servers stop.
    for (const service of this.services) service.halt();
    for (const service of [...this.services].reverse()) await service.stop();
  }

  killAll(): void {
    this.closed = true;
    for (const service of this.services) service.kill();
  }
}
