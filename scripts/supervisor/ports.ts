/**
 * Before `npm start` starts anything: is each port free, and if not, which process holds it. A port
 * found taken only once servers are starting gives a half-started stack and a confusing error (or,
 * worse, a "running" stack talking to someone else's servers).
 *
 * The holder is read from /proc (the listening socket's inode in /proc/net/tcp{,6}, then the process
 * with that socket among its file descriptors); where /proc does not tell (not Linux, another user's
 * process), from `ss -ltnp` or `lsof` when installed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

export interface PortHolder {
  pid: number;
  command: string;
  /** The `npm start` it belongs to (PORTIN_SUPERVISOR_PID in its environment), if that still runs. */
  supervisorPid?: number;
}

export interface WantedPort {
  port: number;
  host: string;
  /** What would listen there, e.g. "API". */
  service: string;
  /** The variable that moves it, e.g. "API_PORT". */
  variable: string;
}

export interface TakenPort extends WantedPort {
  holders: PortHolder[];
}

/** Whether a listener could bind `host:port` now (it is released again at once). */
export function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The wanted ports that are taken, each with the processes listening on it. */
export async function takenPorts(wanted: readonly WantedPort[]): Promise<TakenPort[]> {
  const taken: TakenPort[] = [];
  for (const w of wanted) {
    if (!(await canListen(w.port, w.host))) taken.push({ ...w, holders: portHolders(w.port) });
  }
  return taken;
}

export function portHolders(port: number): PortHolder[] {
  const pids = pidsFromProc(port);
  const found = pids.length ? pids : pidsFromTools(port);
  return [...new Set(found)].map((pid) => {
    const supervisorPid = runningSupervisorOf(pid);
    return { pid, command: commandOf(pid), ...(supervisorPid ? { supervisorPid } : {}) };
  });
}

/** A process of a running `npm start`: killing it alone would only get it restarted. */
function runningSupervisorOf(pid: number): number | undefined {
  try {
    const entry = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .find((e) => e.startsWith('PORTIN_SUPERVISOR_PID='));
    const supervisor = Number(entry?.split('=')[1]);
    if (!supervisor) return undefined;
    process.kill(supervisor, 0); // throws when it is gone
    return supervisor;
  } catch {
    return undefined; // not Linux, another user's, no supervisor, or it is gone
  }
}

/** Listening TCP sockets on `port` (IPv4 and IPv6) by inode, then their processes by open descriptor. */
function pidsFromProc(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      const [, local, , state, , , , , , inode] = fields;
      if (!local || state !== '0A' || !inode || inode === '0') continue; // 0A: LISTEN
      if (parseInt(local.split(':').pop() ?? '', 16) === port) inodes.add(inode);
    }
  }
  if (!inodes.size) return [];
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const pid of entries) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          pids.push(Number(pid));
          break;
        }
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return pids;
}

function pidsFromTools(port: number): number[] {
  const attempts: Array<[string, string[], RegExp]> = [
    ['ss', ['-Hltnp', 'sport', '=', `:${port}`], /pid=(\d+)/g],
    ['lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fp'], /^p(\d+)$/gm],
  ];
  for (const [tool, args, pattern] of attempts) {
    try {
      const out = execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const pids = [...out.matchAll(pattern)].map((m) => Number(m[1]));
      if (pids.length) return pids;
    } catch {
      /* not installed, or it found nothing */
    }
  }
  return [];
}

function commandOf(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (argv.length) return argv.join(' ');
  } catch {
    /* not Linux, or gone */
  }
  try {
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '(command unknown)';
  }
}

/** The message `npm start` stops with: every taken port, who holds it, and what to do. */
export function describeTakenPorts(taken: readonly TakenPort[], projectDir: string): string {
  const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);
  const lines = [
    `Cannot start: ${taken.length === 1 ? 'a port is' : 'ports are'} already in use (nothing was started).`,
  ];
  for (const t of taken) {
    const who = t.holders.length
      ? t.holders.map((h) => `pid ${h.pid}: ${clip(h.command)}`).join('; ')
      : "a process this user cannot see (another user's, or outside this container; `sudo ss -ltnp` names it)";
    lines.push(`  port ${t.port} (${t.service}, ${t.variable}) is held by ${who}`);
  }
  const holders = taken.flatMap((t) => t.holders);
  const supervisors = [...new Set(holders.flatMap((h) => (h.supervisorPid ? [h.supervisorPid] : [])))];
  if (supervisors.length) {
    lines.push(
      `An \`npm start\` is running (supervisor pid ${supervisors.join(', ')}): stop it with Ctrl-C in its terminal, or:`,
      `  kill ${supervisors.join(' ')}`,
    );
  }
  const leftovers = holders.filter((h) => !h.supervisorPid && h.command.includes(projectDir));
  if (leftovers.length) {
    lines.push(
      'The processes from this folder look like servers of an earlier `npm start` still running; stop them with:',
      `  kill ${[...new Set(leftovers.map((h) => h.pid))].join(' ')}`,
    );
  }
  const one = taken.length === 1;
  lines.push(
    `Stop the process${one ? '' : 'es'} holding ${one ? 'it' : 'them'}, or set ${taken.map((t) => t.variable).join(', ')} ` +
      `to ${one ? 'a free port' : 'free ports'}, then start again.`,
  );
  return lines.join('\n');
}
