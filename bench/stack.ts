/**
 * The service for the benchmark, started as `npm start` starts it: each process on its own (so its
 * CPU and memory can be read from /proc), FerretDB and the Temporal dev server on free ports with
 * throw-away data, plus the baselines the figures are divided by: a bare Temporal worker on its own
 * task queue and a bare Express + mongoose server, both on the same servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../config/development-material';
import {
  freePort,
  launchNodeService,
  serviceEnv as localServiceEnv,
  startFerretDb,
  startTemporalDevServer,
  waitForLine,
  waitForPort,
  type ManagedProcess,
} from '../scripts/servers/processes';
import { connectStore, type Store } from '../store/connection';
import { createDataConverter } from '../temporal/data-converter';

export const TASK_QUEUE = 'port-in-orders-bench';
export const BARE_TASK_QUEUE = 'bare-bench';
export const CARRIER_SECRET = DEV_CARRIER_WEBHOOK_SECRET;
export const KEYS = { customer: 'demo-customer-key', support: 'demo-support-key' };
export const ACCOUNT_ID = 'acct_demo_standard';

export interface BenchStack {
  dir: string;
  apiUrl: string;
  bareHttpUrl: string;
  simulatorUrl: string;
  temporalAddress: string;
  mongodbUri: string;
  /** Encrypting client, as the API's: reads the project's workflows. */
  client: Client;
  /** Plain client for the bare workflows. */
  bareClient: Client;
  store: Store;
  /** The processes whose CPU and memory are reported, by name. */
  pids(): Record<string, number>;
  /** Stops the worker, starts a new one (worker/main.ts, as npm start) and times its "worker ready". */
  restartWorker(): Promise<{ readyMs: number }>;
  stop(): Promise<void>;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Environment shared by the service processes: npm start's, plus the bench's own settings. */
function serviceEnv(ports: Record<string, number>, temporalAddress: string, mongodbUri: string, dir: string) {
  return {
    ...localServiceEnv({
      ports: { api: ports.api, simulator: ports.simulator, smtp: ports.smtp, inbox: ports.inbox },
      temporalAddress,
      mongodbUri,
      carrierWebhookSecret: CARRIER_SECRET,
      mailDir: path.join(dir, 'mail'),
    }),
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    // The bench plays the losing carrier through the simulator's /control routes (bench/orders.ts):
    // nothing happens on its own timers, and the FOC it grants is the earliest business day.
    CARRIER_SIM_AUTO_ANSWER: 'false',
    CARRIER_SIM_FOC_LEAD_BUSINESS_DAYS: '0',
    // Clean orders approve themselves (no staff in a benchmark); the per-key limit would cap the load.
    PORTIN_AUTO_APPROVE: 'true',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    BARE_HTTP_PORT: String(ports.bareHttp),
    BARE_TASK_QUEUE,
    NODE_ENV: 'development',
  };
}

export async function startBenchStack(): Promise<BenchStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portin-bench-'));
  const running = new Map<string, ManagedProcess>();
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    for (const p of [...running.values()].reverse()) await p.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const names = ['mongo', 'temporal', 'api', 'simulator', 'smtp', 'inbox', 'bareHttp'] as const;
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])));
    log(`starting FerretDB and the Temporal dev server under ${dir}`);
    const [ferretdb, temporal] = await Promise.all([
      startFerretDb({
        port: ports.mongo,
        dataDir: path.join(dir, 'ferretdb'),
        logFile: path.join(dir, 'ferretdb.log'),
      }),
      startTemporalDevServer({
        port: ports.temporal,
        dbFile: path.join(dir, 'temporal.db'),
        logFile: path.join(dir, 'temporal.log'),
      }),
    ]);
    running.set('ferretdb', ferretdb).set('temporal', temporal);
    const temporalAddress = `127.0.0.1:${ports.temporal}`;
    const mongodbUri = `mongodb://127.0.0.1:${ports.mongo}/portin`;
    const env = serviceEnv(ports, temporalAddress, mongodbUri, dir);
    const node = (name: string, script: string) => {
      const p = launchNodeService(name, script, { logFile: path.join(dir, `${name}.log`), env });
      running.set(name, p);
      return p;
    };

    log('starting SMTP catcher, carrier simulator, API, worker and the baselines');
    node('smtp-catcher', 'notifications/smtp-catcher-main.ts');
    node('carrier-simulator', 'carrier-simulator/main.ts');
    node('api', 'api/main.ts');
    const workerStart = Date.now();
    node('worker', 'worker/main.ts');
    node('bare-worker', 'bench/bare/worker.ts');
    node('bare-http', 'bench/bare/http-server.ts');
    await Promise.all([
      waitForPort(ports.smtp, 120_000),
      waitForPort(ports.simulator, 120_000),
      waitForPort(ports.api, 120_000),
      waitForPort(ports.bareHttp, 120_000),
      waitForLine(path.join(dir, 'worker.log'), 'worker ready', 300_000, running.get('worker')!),
      waitForLine(
        path.join(dir, 'bare-worker.log'),
        'bare worker ready',
        300_000,
        running.get('bare-worker')!,
      ),
    ]);
    log(`all up (worker ready ${((Date.now() - workerStart) / 1000).toFixed(1)} s after spawn)`);

    const store = await connectStore(mongodbUri);
    cleanups.push(() => store.close());
    const connection = await Connection.connect({ address: temporalAddress });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, dataConverter: createDataConverter() });
    const bareClient = new Client({ connection });

    let workerRuns = 1;
    return {
      dir,
      apiUrl: `http://127.0.0.1:${ports.api}`,
      bareHttpUrl: `http://127.0.0.1:${ports.bareHttp}`,
      simulatorUrl: `http://127.0.0.1:${ports.simulator}`,
      temporalAddress,
      mongodbUri,
      client,
      bareClient,
      store,
      pids: () =>
        Object.fromEntries(
          [...running].flatMap(([name, p]) => (p.child.pid ? [[name, p.child.pid] as const] : [])),
        ),
      async restartWorker() {
        await running.get('worker')?.stop();
        const logName = `worker-${++workerRuns}`;
        const startedAt = Date.now();
        const p = launchNodeService('worker', 'worker/main.ts', {
          logFile: path.join(dir, `${logName}.log`),
          env,
        });
        running.set('worker', p);
        await waitForLine(path.join(dir, `${logName}.log`), 'worker ready', 300_000, p);
        return { readyMs: Date.now() - startedAt };
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
