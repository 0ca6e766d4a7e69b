/**
 * Cluster mode for tests: exactly what `npm run start:cluster` runs (scripts/cluster/services.ts),
 * every process separate and supervised, on free ports with throw-away data, plus what a test
 * needs to act on it: a Temporal client on the frontend, the store, the processes' pids, killing one
 * and waiting until the supervisor has it back, and the server's dynamic config at run time.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { connectStore, type Store } from '../../../store/connection';
import { createDataConverter } from '../../../temporal/data-converter';
import { freePort } from '../../../scripts/servers/processes';
import { startCluster, type ClusterLayout } from '../../../scripts/cluster/services';
import { renderDynamicConfig, type DynamicConfig } from '../../../scripts/cluster/temporal-config';
import { CLUSTER, frontendAddress, type ClusterPorts } from '../../../scripts/cluster/topology';
import { canListen } from '../../../scripts/supervisor/ports';
import { Supervisor } from '../../../scripts/supervisor/supervisor';
import { CARRIER_SECRET, KEYS, type Stack } from '../../support/stack';
import { perTestFile } from '../../support/per-file';

export interface Cluster {
  apiUrl: string;
  simulatorUrl: string;
  inboxUrl: string;
  temporalAddress: string;
  mongodbUri: string;
  ports: ClusterPorts;
  client: Client;
  store: Store;
  taskQueue: string;
  logDir: string;
  /** The supervisor's lines so far (restarts, crashes). */
  lines: string[];
  /** The current pid of each process, by service name (`worker-1`, `temporal-history`, `api-2`, …). */
  pids(): Record<string, number | undefined>;
  /** Sends `signal` to a service's process and waits until the supervisor reports it back. */
  kill(name: string, signal?: NodeJS.Signals): Promise<{ before: number; after: number }>;
  /** Replaces the server's dynamic config (cluster mode's own values stay) and waits for it to be read. */
  setDynamicConfig(values: DynamicConfig): Promise<void>;
  /** The mail catcher's inbox (JSON), newest first. */
  inbox(): Promise<{ to: string[]; subject: string; idempotencyKey?: string }[]>;
  stop(): Promise<void>;
}

/**
 * A free port below 32768: Temporal stores its services' ports in PostgreSQL as `smallint`
 * (cluster_membership), and the ports the OS hands out for port 0 are above that on Linux.
 */
async function freeLowPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await canListen(port, '127.0.0.1'))) {
      taken.add(port);
      return port;
    }
  }
}

async function freePorts(): Promise<ClusterPorts> {
  const next = () => freePort();
  const low = new Set<number>();
  const temporal = {} as ClusterPorts['temporal'];
  for (const s of CLUSTER.temporalServices)
    temporal[s] = { grpc: await freeLowPort(low), membership: await freeLowPort(low) };
  return {
    postgres: await next(),
    temporal,
    frontendHttp: await next(),
    mongo: await next(),
    api: await next(),
    apiReplicas: [await next(), await next()],
    simulator: await next(),
    smtp: await next(),
    inbox: await next(),
  };
}

export async function startTestCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portin-cluster-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user (when the tests run as root) and must reach its folder
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    if (process.env.CLUSTER_TEST_VERBOSE) console.log(`[cluster] ${line}`);
  };
  let crashLoop: string | undefined;
  let onCrashLoop: (message: string) => void = () => undefined;
  // A crash loop while starting ends the start at once (not after the next step's timeout).
  const crashed = new Promise<never>((_, reject) => (onCrashLoop = (m) => reject(new Error(m))));
  crashed.catch(() => undefined);
  const supervisor = new Supervisor({
    say,
    onCrashLoop: (m) => {
      crashLoop = m;
      onCrashLoop(m);
    },
  });
  const ports = await freePorts();
  const layout: ClusterLayout = {
    ports,
    dataDir: path.join(dir, 'data'),
    logDir: path.join(dir, 'logs'),
    mailDir: path.join(dir, 'mail'),
    carrierWebhookSecret: CARRIER_SECRET,
    env: {
      DEMO_CUSTOMER_API_KEY: KEYS.customerKey,
      DEMO_SECOND_CUSTOMER_API_KEY: KEYS.secondCustomerKey,
      DEMO_TRIAL_CUSTOMER_API_KEY: KEYS.trialCustomerKey,
      DEMO_SUPPORT_API_KEY: KEYS.supportKey,
      DEMO_OPS_API_KEY: KEYS.opsKey,
      CARRIER_SIM_AUTO_ANSWER: 'true',
      CARRIER_SIM_ANSWER_DELAY_MS: '200',
      CARRIER_SIM_PORT_DELAY_MS: '200',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT_PER_MINUTE: '100000', // the tests poll; the limit is not what they test
    },
    dynamicConfig: { 'system.forceSearchAttributesCacheRefreshOnRead': true },
    dieWithParent: false,
  };
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await supervisor.stopAll();
    if (!process.env.CLUSTER_TEST_KEEP) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([startCluster(supervisor, layout, say), crashed]);
    const mongodbUri = `mongodb://127.0.0.1:${ports.mongo}/portin`;
    const store = await connectStore(mongodbUri);
    cleanups.push(() => store.close());
    const connection = await Connection.connect({ address: frontendAddress(ports) });
    cleanups.push(() => connection.close());
    const client = new Client({
      connection,
      namespace: CLUSTER.namespace,
      dataConverter: createDataConverter(),
    });
    const dynamicConfigFile = path.join(layout.dataDir, 'temporal', 'dynamicconfig.yaml');

    const kill = async (name: string, signal: NodeJS.Signals = 'SIGKILL') => {
      const before = supervisor.pids()[name];
      if (!before) throw new Error(`no process named ${name}: ${Object.keys(supervisor.pids()).join(', ')}`);
      const seen = lines.length;
      process.kill(before, signal);
      const deadline = Date.now() + 240_000;
      while (!lines.slice(seen).some((l) => l.includes(` ${name} is back `))) {
        if (crashLoop) throw new Error(crashLoop);
        if (Date.now() > deadline)
          throw new Error(`${name} not back after ${signal}:\n${lines.slice(seen).join('\n')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      return { before, after: supervisor.pids()[name]! };
    };

    return {
      apiUrl: `http://127.0.0.1:${ports.api}`,
      simulatorUrl: `http://127.0.0.1:${ports.simulator}`,
      inboxUrl: `http://127.0.0.1:${ports.inbox}`,
      temporalAddress: frontendAddress(ports),
      mongodbUri,
      ports,
      client,
      store,
      taskQueue: 'port-in-orders',
      logDir: layout.logDir,
      lines,
      pids: () => supervisor.pids() as Record<string, number | undefined>,
      kill,
      async setDynamicConfig(values) {
        const before = readFileSync(dynamicConfigFile, 'utf8');
        const next = renderDynamicConfig({ ...layout.dynamicConfig, ...values });
        if (next === before) return;
        writeFileSync(dynamicConfigFile, next);
        await new Promise((r) => setTimeout(r, 12_000)); // every service re-reads it within its 10 s poll
      },
      async inbox() {
        const res = await fetch(`http://127.0.0.1:${ports.inbox}/messages?format=json`);
        return (await res.json()) as { to: string[]; subject: string; idempotencyKey?: string }[];
      },
      stop,
    };
  } catch (err) {
    const detail = crashLoop && !String(err).includes(crashLoop) ? `\n${crashLoop}` : '';
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}${detail}`);
  }
}

/** One cluster for a test file: starting one takes a minute or two. */
export function useCluster(): Cluster {
  return perTestFile('the cluster', startTestCluster, (c) => c.stop(), { startMs: 600_000, stopMs: 120_000 });
}

/**
 * The cluster as the e2e helpers' `Stack` (test/support/scenarios.ts reads apiUrl, simulatorUrl and
 * the client): what it does not have (the in-process mail catcher, the servers' controls) throws.
 */
export function asStack(cluster: Cluster): Stack {
  const missing = (what: string) => () => {
    throw new Error(`the cluster has no ${what}: use cluster.inbox() / cluster.kill()`);
  };
  return {
    get apiUrl() {
      return cluster.apiUrl;
    },
    get simulatorUrl() {
      return cluster.simulatorUrl;
    },
    get temporalAddress() {
      return cluster.temporalAddress;
    },
    get mongodbUri() {
      return cluster.mongodbUri;
    },
    get client() {
      return cluster.client;
    },
    get store() {
      return cluster.store;
    },
    get taskQueue() {
      return cluster.taskQueue;
    },
    workerIdentities: [],
    get mail(): Stack['mail'] {
      return missing('in-process mail catcher')();
    },
    get servers(): Stack['servers'] {
      return missing('server controls')();
    },
    stop: () => cluster.stop(),
  };
}
