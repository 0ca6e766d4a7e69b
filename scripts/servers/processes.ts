/**
 * Starts the project's local servers as child processes and waits until each is ready.
 * Shared by `npm start` (fixed ports, persistent data, supervised), the benchmark and the test harness
 * (free ports, temp data).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../workflows/search-attributes';

export const ROOT = path.resolve(__dirname, '..', '..');
export const LOCAL_DIR = process.env.PORTIN_LOCAL_DIR ?? path.join(ROOT, '.local');
const BIN = path.join(LOCAL_DIR, 'bin');
const TS_NODE = path.join(ROOT, 'node_modules', '.bin', 'ts-node');
const ORPHAN_GUARD = path.join(ROOT, 'scripts', 'supervisor', 'orphan-guard.ts');
const WATCHDOG = path.join(ROOT, 'scripts', 'supervisor', 'watchdog.js');

export const binaries = {
  temporal: () => process.env.TEMPORAL_CLI_PATH ?? path.join(BIN, 'temporal'),
  ferretdb: () => process.env.FERRETDB_PATH ?? path.join(BIN, 'ferretdb'),
  testServer: () => process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(BIN, 'temporal-test-server'),
};
/** The variable that points at an existing binary instead of the build (for messages). */
const BINARY_VARIABLES = { temporal: 'TEMPORAL_CLI_PATH', ferretdb: 'FERRETDB_PATH' } as const;

function requireBinary(name: keyof typeof BINARY_VARIABLES): string {
  const file = binaries[name]();
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: run 'npm run setup' (builds the local servers) or set ${BINARY_VARIABLES[name]}`,
    );
  }
  return file;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once `host:port` accepts connections; fails early when `proc` (that should listen) exits. */
export async function waitForPort(
  port: number,
  timeoutMs: number,
  host = '127.0.0.1',
  proc?: ManagedProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
    });
    if (open) return;
    if (proc && hasExited(proc.child)) throw new Error(`${proc.name} exited before listening on ${port}`);
    if (Date.now() > deadline) throw new Error(`nothing listening on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The size of a log file now: a run's own lines start there (logs are appended across restarts). */
export function logOffset(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Waits until a process's log has a line containing `text` after `fromOffset` (polling: a plain file). */
export async function waitForLine(
  file: string,
  text: string,
  timeoutMs: number,
  proc: ManagedProcess,
  fromOffset = 0,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const content = readFrom(file, fromOffset);
    if (content.includes(text)) return;
    if (hasExited(proc.child))
      throw new Error(`${proc.name} exited before "${text}":\n${content.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" in ${file} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readFrom(file: string, offset: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return ''; // not written yet
  }
  try {
    const size = statSync(file).size;
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves when the process has ended, with how. */
  exited: Promise<ProcessExit>;
  /** SIGTERM, SIGKILL after 10 s; then whatever is left of its process group is killed. */
  stop(): Promise<void>;
  /** Kills whatever is left of its process group (after it ended on its own). */
  sweep(): void;
}

export interface LaunchOptions {
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * The process ends when the one that launched it is gone, even SIGKILLed (`npm start`): a Node
   * service through an IPC channel and scripts/supervisor/orphan-guard.ts, any other binary under
   * scripts/supervisor/watchdog.js.
   */
  dieWithParent?: boolean;
}

/** Spawns a binary in its own process group with output to a log file, so stop() leaves no orphans. */
export function launch(
  name: string,
  command: string,
  args: string[],
  options: LaunchOptions,
): ManagedProcess {
  return options.dieWithParent
    ? spawnManaged(name, process.execPath, [WATCHDOG, command, ...args], options, true)
    : spawnManaged(name, command, args, options, false);
}

/** A TypeScript entry point (`api/main.ts`, …) run by ts-node, as `npm start` runs the services. */
export function launchNodeService(name: string, script: string, options: LaunchOptions): ManagedProcess {
  const guard = options.dieWithParent ? ['-r', ORPHAN_GUARD] : [];
  return spawnManaged(
    name,
    TS_NODE,
    ['--transpile-only', ...guard, script],
    options,
    !!options.dieWithParent,
  );
}

function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: LaunchOptions,
  ipc: boolean,
): ManagedProcess {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ipc ? ['ignore', out, out, 'ipc'] : ['ignore', out, out],
      detached: true, // its own process group: a signal to the group reaches nothing else
    });
  } finally {
    closeSync(out); // the child holds its own copy
  }
  // Nothing is sent on the channel: the child watches it close (see orphan-guard.ts, watchdog.js).
  child.channel?.unref();
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* the group is empty */
    }
  };
  return {
    name,
    child,
    exited,
    sweep: () => signalGroup('SIGKILL'),
    async stop() {
      if (!hasExited(child)) {
        // The leader only: a watchdog passes it on to its binary, which so gets exactly one.
        try {
          child.kill('SIGTERM');
        } catch {
          /* already gone */
        }
        const killer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      signalGroup('SIGKILL');
    },
  };
}

export interface TemporalDevServerOptions {
  port: number;
  uiPort?: number; // omitted: headless
  dbFile: string;
  logFile: string;
  namespace?: string;
  codecEndpoint?: string;
  /** Server dynamic config (`--dynamic-config-value KEY=JSON`), e.g. a small history limit in tests. */
  dynamicConfig?: Record<string, unknown>;
  dieWithParent?: boolean;
}

/** Spawns the Temporal dev server; ready once `temporalDevServerReady` resolves. */
export function spawnTemporalDevServer(o: TemporalDevServerOptions): ManagedProcess {
  mkdirSync(path.dirname(o.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(o.port),
    '--db-filename',
    o.dbFile,
  ];
  args.push('--namespace', o.namespace ?? 'default', '--log-level', 'warn');
  if (o.uiPort) args.push('--ui-port', String(o.uiPort));
  else args.push('--headless');
  if (o.codecEndpoint) args.push('--ui-codec-endpoint', o.codecEndpoint);
  for (const [name, type] of SEARCH_ATTRIBUTE_FLAGS) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(o.dynamicConfig ?? {}))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  return launch('temporal', requireBinary('temporal'), args, {
    logFile: o.logFile,
    dieWithParent: o.dieWithParent,
  });
}

export async function temporalDevServerReady(
  o: TemporalDevServerOptions,
  proc: ManagedProcess,
): Promise<void> {
  await waitForPort(o.port, 60_000, '127.0.0.1', proc);
  if (o.uiPort) await waitForPort(o.uiPort, 60_000, '127.0.0.1', proc);
}

export async function startTemporalDevServer(o: TemporalDevServerOptions): Promise<ManagedProcess> {
  const proc = spawnTemporalDevServer(o);
  await temporalDevServerReady(o, proc).catch(async (err) => {
    await proc.stop();
    throw err;
  });
  return proc;
}

export interface FerretDbOptions {
  port: number;
  dataDir: string;
  logFile: string;
  dieWithParent?: boolean;
}

/** Spawns FerretDB on SQLite; ready once its port answers. */
export function spawnFerretDb(o: FerretDbOptions): ManagedProcess {
  mkdirSync(o.dataDir, { recursive: true });
  const args = [
    `--listen-addr=127.0.0.1:${o.port}`,
    '--handler=sqlite',
    `--sqlite-url=file:${o.dataDir}/`,
    `--state-dir=${o.dataDir}`,
    '--telemetry=disable',
    '--debug-addr=-', // no metrics listener: it would collide between parallel instances
    '--log-level=warn',
  ];
  return launch('ferretdb', requireBinary('ferretdb'), args, {
    logFile: o.logFile,
    dieWithParent: o.dieWithParent,
  });
}

export async function startFerretDb(o: FerretDbOptions): Promise<ManagedProcess> {
  const proc = spawnFerretDb(o);
  await waitForPort(o.port, 30_000, '127.0.0.1', proc).catch(async (err) => {
    await proc.stop();
    throw err;
  });
  return proc;
}

/** The ports of the local service processes (API, carrier simulator, SMTP catcher). */
export interface ServicePorts {
  api: number;
  simulator: number;
  smtp: number;
  inbox: number;
}

/** The environment every service process gets from `npm start` (and the benchmark, which adds its own). */
export function serviceEnv(o: {
  ports: ServicePorts;
  temporalAddress: string;
  mongodbUri: string;
  carrierWebhookSecret: string;
  mailDir: string;
}): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: o.temporalAddress,
    MONGODB_URI: o.mongodbUri,
    CARRIER_BASE_URL: `http://127.0.0.1:${o.ports.simulator}`,
    CARRIER_EVENTS_URL: `http://127.0.0.1:${o.ports.api}/v1/carrier/events`,
    CARRIER_WEBHOOK_SECRET: o.carrierWebhookSecret,
    CARRIER_SIM_PORT: String(o.ports.simulator),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(o.ports.smtp),
    SMTP_CATCHER_SMTP_PORT: String(o.ports.smtp),
    SMTP_CATCHER_HTTP_PORT: String(o.ports.inbox),
    SMTP_CATCHER_DIR: o.mailDir,
    API_PORT: String(o.ports.api),
  };
}
