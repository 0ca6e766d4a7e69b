/**
 * Cluster mode's processes as supervised services (scripts/supervisor), and the order they start
 * in. Shared by `npm run start:cluster` (fixed ports, data under .local/cluster) and the cluster
 * tests (free ports, throw-away data), so the tests run what the command runs.
 *
 *   PostgreSQL ─┬─ schemas (temporal-sql-tool) ─ history, matching, frontend, worker (Temporal)
 *   FerretDB  ──┘                                 └─ namespace + search attributes (operator API)
 *   then SMTP catcher, carrier simulator, API replica 1, 2, the API proxy, worker 1, 2.
 */
import path from 'node:path';
import { launchNodeService, serviceEnv, spawnFerretDb, waitForLine, waitForPort } from '../servers/processes';
import type { ServiceSpec, Supervisor } from '../supervisor/supervisor';
import { initPostgres, postgresReady, spawnPostgres } from './postgres';
import { writeServerConfig, type DynamicConfig } from './temporal-config';
import {
  applySchemas,
  registerNamespace,
  spawnTemporalService,
  temporalServiceReady,
} from './temporal-server';
import { CLUSTER, frontendAddress, type ClusterPorts, type TemporalService } from './topology';

export interface ClusterLayout {
  ports: ClusterPorts;
  /** PostgreSQL's and FerretDB's data, the rendered server config. */
  dataDir: string;
  logDir: string;
  mailDir: string;
  carrierWebhookSecret: string;
  /** Added to every Node service's environment (demo keys, simulator delays, …). */
  env?: Record<string, string>;
  /** Server knobs on top of cluster mode's own (tests: a small history limit). */
  dynamicConfig?: DynamicConfig;
  /** `npm start`'s children die with it; test children are stopped by the test. */
  dieWithParent: boolean;
}

const log = (l: ClusterLayout, name: string) => path.join(l.logDir, `${name}.log`);

/** The environment of every Node service: the cluster's frontend and namespace, the local store. */
export function clusterServiceEnv(l: ClusterLayout): Record<string, string> {
  return {
    ...serviceEnv({
      ports: l.ports,
      temporalAddress: frontendAddress(l.ports),
      mongodbUri: `mongodb://127.0.0.1:${l.ports.mongo}/portin`,
      carrierWebhookSecret: l.carrierWebhookSecret,
      mailDir: l.mailDir,
    }),
    TEMPORAL_NAMESPACE: CLUSTER.namespace,
    API_PUBLIC_URL: `http://localhost:${l.ports.api}`,
    ...l.env,
  };
}

function nodeService(
  l: ClusterLayout,
  name: string,
  script: string,
  ready: { port: number } | { line: string },
  env: Record<string, string> = {},
): ServiceSpec {
  const file = log(l, name);
  return {
    name,
    logFile: file,
    spawn: () =>
      launchNodeService(name, script, {
        logFile: file,
        env: { ...clusterServiceEnv(l), ...env },
        ...(l.dieWithParent ? { dieWithParent: true } : {}),
      }),
    ready: (run, offset) =>
      'port' in ready
        ? waitForPort(ready.port, 120_000, '127.0.0.1', run)
        : waitForLine(file, ready.line, 300_000, run, offset),
    readyTimeoutMs: 300_000,
  };
}

export function postgresService(l: ClusterLayout): ServiceSpec {
  return {
    name: 'postgres',
    logFile: log(l, 'postgres'),
    spawn: () =>
      spawnPostgres({
        dataDir: path.join(l.dataDir, 'postgres'),
        port: l.ports.postgres,
        logFile: log(l, 'postgres'),
        dieWithParent: l.dieWithParent,
      }),
    ready: (run) => postgresReady(l.ports.postgres, run),
    readyTimeoutMs: 120_000,
  };
}

export function ferretDbService(l: ClusterLayout): ServiceSpec {
  return {
    name: 'ferretdb',
    logFile: log(l, 'ferretdb'),
    spawn: () =>
      spawnFerretDb({
        port: l.ports.mongo,
        dataDir: path.join(l.dataDir, 'ferretdb'),
        logFile: log(l, 'ferretdb'),
        dieWithParent: l.dieWithParent,
      }),
    ready: (run) => waitForPort(l.ports.mongo, 60_000, '127.0.0.1', run),
    readyTimeoutMs: 120_000,
  };
}

export function temporalService(l: ClusterLayout, service: TemporalService, configFile: string): ServiceSpec {
  const name = `temporal-${service}`;
  return {
    name,
    logFile: log(l, name),
    spawn: () =>
      spawnTemporalService({ service, configFile, logFile: log(l, name), dieWithParent: l.dieWithParent }),
    ready: (run) => temporalServiceReady(l.ports, service, run),
    readyTimeoutMs: 180_000,
  };
}

/** The Node services by name: SMTP catcher, simulator, API replicas, the proxy, workers. */
export function appServices(l: ClusterLayout) {
  const replicas = l.ports.apiReplicas.map((port, i) =>
    nodeService(l, `api-${i + 1}`, 'api/main.ts', { port }, { API_PORT: String(port) }),
  );
  return {
    smtp: nodeService(l, 'smtp-catcher', 'notifications/smtp-catcher-main.ts', { port: l.ports.smtp }),
    simulator: nodeService(l, 'carrier-simulator', 'carrier-simulator/main.ts', { port: l.ports.simulator }),
    replicas,
    proxy: nodeService(
      l,
      'api-proxy',
      'scripts/cluster/api-proxy.ts',
      { port: l.ports.api },
      { API_PROXY_TARGETS: l.ports.apiReplicas.map((p) => `127.0.0.1:${p}`).join(',') },
    ),
    workers: Array.from({ length: CLUSTER.workers }, (_, i) =>
      nodeService(l, `worker-${i + 1}`, 'worker/main.ts', { line: 'worker ready' }),
    ),
  };
}

/**
 * Starts everything under `supervisor`, each step once the one before is ready. The one-shot steps
 * (init, schemas, namespace) are safe to repeat: a second start finds them done.
 */
export async function startCluster(
  supervisor: Supervisor,
  l: ClusterLayout,
  say: (line: string) => void,
): Promise<void> {
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    say(`${what}…`);
    const result = await work();
    say(`  ${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  await step('PostgreSQL data folder', () => initPostgres(path.join(l.dataDir, 'postgres')));
  await step('starting PostgreSQL and FerretDB', () =>
    Promise.all([supervisor.supervise(postgresService(l)), supervisor.supervise(ferretDbService(l))]),
  );
  await step('Temporal schemas (temporal-sql-tool)', () => applySchemas(l.ports.postgres, say));
  const configFile = writeServerConfig({
    dir: path.join(l.dataDir, 'temporal'),
    ports: l.ports,
    ...(l.dynamicConfig ? { dynamicConfig: l.dynamicConfig } : {}),
  });
  await step(`starting Temporal ${CLUSTER.temporalServices.join(', ')} (config ${configFile})`, () =>
    Promise.all(CLUSTER.temporalServices.map((s) => supervisor.supervise(temporalService(l, s, configFile)))),
  );
  await step(`namespace ${CLUSTER.namespace} and search attributes (operator API)`, () =>
    registerNamespace(l.ports, say),
  );
  const app = appServices(l);
  await step('starting SMTP catcher and carrier simulator', () =>
    Promise.all([supervisor.supervise(app.smtp), supervisor.supervise(app.simulator)]),
  );
  // One after the other: the first seeds the demo data and backfills, the next finds it done.
  await step(`starting ${app.replicas.length} API replicas and the API proxy`, async () => {
    for (const replica of app.replicas) await supervisor.supervise(replica);
    await supervisor.supervise(app.proxy);
  });
  // The first builds the workflow bundle into the cache, the next loads it.
  await step(`starting ${app.workers.length} workers`, async () => {
    for (const worker of app.workers) await supervisor.supervise(worker);
  });
}
