/**
 * PostgreSQL from Debian's packages (`postgresql`: initdb, pg_ctl, postgres) for the Temporal
 * cluster: one data folder under the cache, initialised once, loopback TCP only on its own port, no
 * Unix socket (so it never collides with a system PostgreSQL). PostgreSQL refuses to run as root:
 * run by root (containers, CI), it runs as the `postgres` user the package creates.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { launch, waitForPort, type ManagedProcess } from '../servers/processes';
import { CLUSTER } from './topology';

const run = promisify(execFile);

/** initdb and postgres of the installed major version: on PATH, or Debian's /usr/lib/postgresql/<major>/bin. */
export function postgresBinary(name: 'initdb' | 'postgres'): string {
  const onPath = ['/usr/local/bin', '/usr/bin'].map((d) => path.join(d, name)).find((f) => existsSync(f));
  if (onPath) return onPath;
  const debian = '/usr/lib/postgresql';
  try {
    const majors = execFileSync('ls', [debian], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const found = majors
      .sort((a, b) => Number(b) - Number(a))
      .map((m) => path.join(debian, m, 'bin', name))
      .find((f) => existsSync(f));
    if (found) return found;
  } catch {
    /* no Debian layout */
  }
  throw new Error(`PostgreSQL's ${name} was not found: install it (Debian: apt-get install postgresql)`);
}

const asRoot = () => process.getuid?.() === 0;

/** As root: the same command as the `postgres` user (setpriv execs it: signals reach it directly). */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return asRoot()
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]]
    : [command, args];
}

/** Creates the data folder once (a `PG_VERSION` file says it is done), with the Temporal user as superuser. */
export async function initPostgres(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  rmSync(dataDir, { recursive: true, force: true }); // a half-made folder from an interrupted init
  // The parents readable by the postgres user (a recursive mkdir would give them the data folder's 0700).
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { mode: 0o700 });
  const pwfile = `${dataDir}.pw`;
  writeFileSync(pwfile, `${CLUSTER.dbPassword}\n`, { mode: 0o644 });
  if (asRoot()) {
    const [uid, gid] = ['-u', '-g'].map((f) =>
      Number(execFileSync('id', [f, 'postgres'], { encoding: 'utf8' })),
    );
    chownSync(dataDir, uid, gid);
  }
  try {
    const [command, args] = asPostgres(postgresBinary('initdb'), [
      '-D',
      dataDir,
      '-U',
      CLUSTER.dbUser,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    await run(command, args);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

export function spawnPostgres(o: {
  dataDir: string;
  port: number;
  logFile: string;
  dieWithParent?: boolean;
}): ManagedProcess {
  const [command, args] = asPostgres(postgresBinary('postgres'), [
    '-D',
    o.dataDir,
    '-p',
    String(o.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200', // four Temporal services with their pools, restarts overlapping
    '-c',
    'fsync=off', // a local throw-away cluster: durability is production's database's job
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ]);
  return launch('postgres', command, args, {
    logFile: o.logFile,
    ...(o.dieWithParent ? { dieWithParent: true } : {}),
  });
}

/** Ready once it accepts a login (the port opens before recovery has finished). */
export async function postgresReady(port: number, proc: ManagedProcess, timeoutMs = 60_000): Promise<void> {
  await waitForPort(port, timeoutMs, '127.0.0.1', proc);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await run('psql', [postgresUrl(port, 'postgres'), '-Atc', 'select 1']);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export const postgresUrl = (port: number, database: string) =>
  `postgresql://${CLUSTER.dbUser}:${CLUSTER.dbPassword}@127.0.0.1:${port}/${database}`;
