/**
 * Starts the project's local servers as child processes and waits until each is ready.
 * Shared by `npm start` (fixed ports, persistent data) and the test harness (free ports, temp data).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../workflows/search-attributes';

export const ROOT = path.resolve(__dirname, '..', '..');
export const LOCAL_DIR = process.env.PORTIN_LOCAL_DIR ?? path.join(ROOT, '.local');
const BIN = path.join(LOCAL_DIR, 'bin');

export const binaries = {
  temporal: () => process.env.TEMPORAL_CLI_PATH ?? path.join(BIN, 'temporal'),
  ferretdb: () => process.env.FERRETDB_PATH ?? path.join(BIN, 'ferretdb'),
  testServer: () => process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(BIN, 'temporal-test-server'),
};

export function requireBinary(file: string): string {
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: run 'npm run setup' (builds the local servers) or set its path variable`,
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

export async function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listening on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns a process in its own process group with output to a log file, so stop() leaves no orphans. */
export function launch(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string },
): ManagedProcess {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(killer);
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
}

export async function startTemporalDevServer(o: TemporalDevServerOptions): Promise<ManagedProcess> {
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
  const proc = launch('temporal', requireBinary(binaries.temporal()), args, { logFile: o.logFile });
  await waitForPort(o.port, 60_000);
  if (o.uiPort) await waitForPort(o.uiPort, 60_000);
  return proc;
}

export interface FerretDbOptions {
  port: number;
  dataDir: string;
  logFile: string;
}

export async function startFerretDb(o: FerretDbOptions): Promise<ManagedProcess> {
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
  const proc = launch('ferretdb', requireBinary(binaries.ferretdb()), args, { logFile: o.logFile });
  await waitForPort(o.port, 30_000);
  return proc;
}
