/**
 * `npm start` supervised, on real processes: scripts/start.ts run as `npm start` runs it (ts-node,
 * after setup), on free ports with its data, logs and mail in a temp folder. A SIGKILLed worker comes
 * back while the API keeps answering and an order in flight completes; SIGHUP (a closed terminal)
 * and a SIGKILL of the supervisor leave no process of the stack; a taken port is named with the
 * process holding it and nothing starts.
 *
 * A stack's processes are found by the PORTIN_SUPERVISOR_PID every child inherits (read from
 * /proc/<pid>/environ), so a re-parented orphan would be found too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localDate } from '../../domain/calendar';
import { binaries, freePort, ROOT } from '../../scripts/servers/processes';
import { api, eventually, orderBody } from '../support/api-client';
import { commandOf, isRunning, processesWithEnv, until } from '../support/proc';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Started {
  supervisor: ChildProcess;
  ports: Record<'temporal' | 'ui' | 'mongo' | 'api' | 'simulator' | 'smtp' | 'inbox', number>;
  localDir: string;
  output(): string;
  exited: Promise<number | null>;
  /** Processes of this stack still running. */
  processes(): number[];
  /** Whatever is left, however it got there (a failed test must not leave a stack behind). */
  cleanUp(): Promise<void>;
}

async function startSupervisor(portOverrides: Partial<Started['ports']> = {}): Promise<Started> {
  const localDir = mkdtempSync(path.join(tmpdir(), 'portin-supervisor-'));
  dirs.push(localDir);
  const names = ['temporal', 'ui', 'mongo', 'api', 'simulator', 'smtp', 'inbox'] as const;
  const ports = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, portOverrides[n] ?? (await freePort())])),
  ) as Started['ports'];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTIN_LOCAL_DIR: localDir,
    TEMPORAL_CLI_PATH: binaries.temporal(), // the cached builds, not under the temp folder
    FERRETDB_PATH: binaries.ferretdb(),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    FERRETDB_PORT: String(ports.mongo),
    API_PORT: String(ports.api),
    CARRIER_SIM_PORT: String(ports.simulator),
    SMTP_PORT: String(ports.smtp),
    SMTP_CATCHER_HTTP_PORT: String(ports.inbox),
    CARRIER_SIM_ANSWER_DELAY_MS: '200',
    CARRIER_SIM_PORT_DELAY_MS: '200',
  };
  for (const name of ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'NODE_ENV', 'PORTIN_SUPERVISOR_PID'])
    delete env[name];
  // As `npm start` after its setup step: ts-node on scripts/start.ts, in its own process group.
  const supervisor = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'ts-node'),
    ['--transpile-only', 'scripts/start.ts'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  supervisor.stdout!.on('data', (d) => (output += String(d)));
  supervisor.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
  const pid = String(supervisor.pid);
  const processes = () => processesWithEnv('PORTIN_SUPERVISOR_PID', pid);
  return {
    supervisor,
    ports,
    localDir,
    output: () => output,
    exited,
    processes,
    async cleanUp() {
      if (isRunning(supervisor.pid!)) {
        supervisor.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      }
      for (const p of processes()) process.kill(p, 'SIGKILL');
    },
  };
}

async function untilRunning(stack: Started): Promise<void> {
  await until(
    () => stack.output().includes('Port-in orchestrator is running') || stack.supervisor.exitCode !== null,
    300_000,
    () => `the stack did not start:\n${stack.output()}`,
  );
  if (stack.supervisor.exitCode !== null) throw new Error(`the supervisor exited:\n${stack.output()}`);
}

/** The one process running `script` (not the watchdog that runs it). */
const processNamed = (stack: Started, script: string) => {
  const found = stack
    .processes()
    .filter((p) => commandOf(p).includes(script) && !commandOf(p).includes('watchdog'));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('a running stack', () => {
  let stack: Started;
  beforeAll(async () => {
    stack = await startSupervisor();
    await untilRunning(stack);
  }, 320_000);
  afterAll(() => stack?.cleanUp(), 60_000);

  test('a SIGKILLed worker is restarted while the API keeps answering, and an order in flight completes', async () => {
    const apiUrl = `http://127.0.0.1:${stack.ports.api}`;
    const customer = api(apiUrl, 'demo-customer-key');
    const support = api(apiUrl, 'demo-support-key');
    const others = [
      'api/main.ts',
      'carrier-simulator/main.ts',
      'smtp-catcher-main.ts',
      'server start-dev',
      'ferretdb',
    ].map((script) => processNamed(stack, script));
    const worker = processNamed(stack, 'worker/main.ts');

    const created = await customer.post('/v1/port-in-orders', orderBody());
    expect(created.status).toBe(201);
    const orderId: string = created.body.orders[0].id;
    const today = localDate(Date.now(), 'America/New_York');
    const documents: Record<string, string>[] = [
      { kind: 'loa', loaTemplate: 'standard', signerName: 'Ada Lovelace' },
      { kind: 'bill', issuedOn: today },
    ];
    for (const fields of documents)
      expect((await customer.upload(`/v1/port-in-orders/${orderId}/documents`, fields)).status).toBe(201);
    expect((await customer.post(`/v1/port-in-orders/${orderId}/submit`)).status).toBe(202);

    // The order's workflow runs (waiting for staff review) when its worker dies.
    process.kill(worker, 'SIGKILL');
    await until(
      () => !isRunning(worker),
      10_000,
      () => 'the worker survived SIGKILL',
    );
    expect((await customer.get('/healthz')).status).toBe(200); // the API answers meanwhile
    expect((await customer.get('/v1/port-in-orders')).status).toBe(200);
    expect((await customer.get(`/v1/port-in-orders/${orderId}`)).body.status).toBe('in_review');
    await until(
      () => stack.output().includes(`worker (pid ${worker}) exited with signal SIGKILL`),
      10_000,
      () => `no exit line:\n${stack.output()}`,
    );
    expect(stack.output()).toMatch(
      new RegExp(
        `worker \\(pid ${worker}\\) exited with signal SIGKILL after [\\d.]+ s; restarting it in 1 s at `,
      ),
    );

    await until(
      () => /worker is back \(pid \d+, ready/.test(stack.output()),
      180_000,
      () => `the worker did not come back:\n${stack.output()}`,
    );
    const restarted = processNamed(stack, 'worker/main.ts');
    expect(restarted).not.toBe(worker);
    expect(stack.output()).toContain(`worker is back (pid ${restarted}, ready`);
    expect(others.filter((p) => !isRunning(p))).toEqual([]); // nothing else was restarted

    const reviewed = await support.post(`/v1/port-in-orders/${orderId}/review`, { decision: 'approve' });
    expect(reviewed.status).toBe(200);

    // The simulator accepts (FOC some business days away); as the carrier, move the FOC to today:
    // activation, the port and the capability tests follow on their own.
    await eventually(
      () => customer.get(`/v1/port-in-orders/${orderId}`),
      (r) => r.body.numbers?.[0]?.status === 'accepted',
      120_000,
    );
    const moved = await fetch(
      `http://127.0.0.1:${stack.ports.simulator}/control/port-requests/${orderId}/move-foc`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ focDate: today }),
      },
    );
    expect(moved.status).toBe(200);
    await eventually(
      () => customer.get(`/v1/port-in-orders/${orderId}`),
      (r) => r.body.status === 'completed',
      120_000,
    );
  }, 420_000);

  test('every address the banner prints answers, and every file it names exists', async () => {
    const banner = stack.output().slice(stack.output().indexOf('Port-in orchestrator is running'));
    const lines = banner.split('\n').filter((l) => /https?:\/\/localhost:\d+/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(6); // API, docs, console, Temporal UI, simulator, inbox
    const wrong: string[] = [];
    for (const line of lines) {
      const url = /(https?:\/\/localhost:\d+\S*)/.exec(line)![1];
      // An API without a page says so; its health route answers instead.
      const res = await fetch(/no page/.test(line) ? `${url}/healthz` : url, {
        headers: { accept: 'text/html' },
      });
      // `/v1` asks for a key (401): it answers; a 404 or a 5xx is a printed address leading nowhere.
      if (res.status === 404 || res.status >= 500) wrong.push(`${line.trim()}: ${res.status}`);
    }
    for (const file of banner.match(/\b[\w-]+\/[\w./-]+\.(?:md|ts|sh)\b/g) ?? [])
      if (!existsSync(path.join(ROOT, file))) wrong.push(`${file}: no such file`);
    expect(wrong).toEqual([]);
  });

  test('SIGHUP (the terminal closed) stops every process of the stack, then the supervisor', async () => {
    const before = stack.processes();
    expect(before.length).toBeGreaterThanOrEqual(8); // 4 services, 2 servers, 2 watchdogs
    stack.supervisor.kill('SIGHUP');
    expect(await stack.exited).toBe(0);
    expect(stack.output()).toContain('SIGHUP: stopping every process');
    expect(stack.output()).toContain('all processes stopped');
    expect(before.filter(isRunning).map(commandOf)).toEqual([]);
    expect(stack.processes().map(commandOf)).toEqual([]);
  }, 120_000);
});

test('the supervisor SIGKILLed: every process of the stack notices and stops', async () => {
  const stack = await startSupervisor();
  try {
    await untilRunning(stack);
    const before = stack.processes();
    expect(before.length).toBeGreaterThanOrEqual(8);
    stack.supervisor.kill('SIGKILL');
    await until(
      () => before.filter(isRunning).length === 0,
      60_000,
      () => `still running: ${before.filter(isRunning).map(commandOf).join(' | ')}`,
    );
    expect(stack.processes()).toEqual([]);
  } finally {
    await stack.cleanUp();
  }
}, 420_000);

test('a taken port is named with the process holding it, and nothing starts', async () => {
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const port = (holder.address() as { port: number }).port;
  const stack = await startSupervisor({ api: port });
  try {
    expect(await stack.exited).toBe(1);
    expect(stack.output()).toContain('nothing was started');
    expect(stack.output()).toContain(`port ${port} (API, API_PORT) is held by pid ${process.pid}: `);
    expect(stack.processes()).toEqual([]);
    expect(existsSync(path.join(stack.localDir, 'logs'))).toBe(false); // no server was spawned
  } finally {
    await stack.cleanUp();
    await new Promise((resolve) => holder.close(resolve));
  }
}, 120_000);
