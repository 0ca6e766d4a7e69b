/**
 * `npm start`: the whole service on this machine — Temporal dev server (with its Web UI), FerretDB,
 * the SMTP catcher, the carrier simulator, the worker and the API — each waited for, then the URLs
 * and demo keys printed. Data persists under .local/data, logs go to .local/logs.
 *
 * Supervised (scripts/supervisor): a service that crashes is restarted with a growing delay while
 * the others keep serving; a crash loop stops everything with a message naming the service and its
 * log. Ctrl-C, SIGTERM and SIGHUP (a closed terminal) stop every process; if this process is killed
 * outright, the children notice and stop themselves. Ports already taken are named with the process
 * holding them before anything starts.
 */
import path from 'node:path';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../config/development-material';
import {
  LOCAL_DIR,
  ROOT,
  launchNodeService,
  serviceEnv,
  spawnFerretDb,
  spawnTemporalDevServer,
  temporalDevServerReady,
  waitForLine,
  waitForPort,
  type TemporalDevServerOptions,
} from './servers/processes';
import { describeTakenPorts, takenPorts, type WantedPort } from './supervisor/ports';
import { superviseInForeground } from './supervisor/foreground';
import type { ServiceSpec } from './supervisor/supervisor';
import { demoKeysBanner } from './demo-keys';

const env = process.env;
// Every process of the stack inherits it (`ps e`, /proc/<pid>/environ tell whose it is).
env.PORTIN_SUPERVISOR_PID = String(process.pid);
const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
const ports = {
  temporal: port('TEMPORAL_PORT', 7233),
  ui: port('TEMPORAL_UI_PORT', 8233),
  mongo: port('FERRETDB_PORT', 27117),
  api: port('API_PORT', 3000),
  simulator: port('CARRIER_SIM_PORT', 4010),
  smtp: port('SMTP_PORT', 1025),
  inbox: port('SMTP_CATCHER_HTTP_PORT', 1080),
};
const localTemporal = !env.TEMPORAL_ADDRESS;
const localStore = !env.MONGODB_URI;
const dataDir = path.join(LOCAL_DIR, 'data');
const logDir = path.join(LOCAL_DIR, 'logs');
const log = (name: string) => path.join(logDir, `${name}.log`);

const shared = {
  ...serviceEnv({
    ports,
    temporalAddress: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${ports.temporal}`,
    mongodbUri: env.MONGODB_URI ?? `mongodb://127.0.0.1:${ports.mongo}/portin`,
    carrierWebhookSecret: env.CARRIER_WEBHOOK_SECRET || DEV_CARRIER_WEBHOOK_SECRET,
    mailDir: path.join(LOCAL_DIR, 'mail'),
  }),
  CODEC_CORS_ORIGINS: env.CODEC_CORS_ORIGINS ?? `http://localhost:${ports.ui},http://127.0.0.1:${ports.ui}`,
  // The local UI has no login to pass a token to /codec; with only the public development key
  // there is nothing to protect. Own keys (PORTIN_PAYLOAD_KEYS) need an explicit opt-in.
  CODEC_ALLOW_ANONYMOUS: env.CODEC_ALLOW_ANONYMOUS ?? (env.PORTIN_PAYLOAD_KEYS ? 'false' : 'true'),
};

/** Every port this stack would listen on, checked before anything starts. */
function wantedPorts(): WantedPort[] {
  const at = (service: string, variable: string, p: number, host = '127.0.0.1'): WantedPort => ({
    service,
    variable,
    port: p,
    host,
  });
  return [
    ...(localTemporal
      ? [
          at('Temporal dev server', 'TEMPORAL_PORT', ports.temporal),
          at('Temporal UI', 'TEMPORAL_UI_PORT', ports.ui),
        ]
      : []),
    ...(localStore ? [at('FerretDB', 'FERRETDB_PORT', ports.mongo)] : []),
    at('API', 'API_PORT', ports.api, env.API_HOST || '127.0.0.1'),
    at('carrier simulator', 'CARRIER_SIM_PORT', ports.simulator, env.CARRIER_SIM_HOST || '127.0.0.1'),
    at('SMTP catcher', 'SMTP_PORT', ports.smtp, env.SMTP_CATCHER_HOST || '127.0.0.1'),
    at('mail inbox', 'SMTP_CATCHER_HTTP_PORT', ports.inbox, env.SMTP_CATCHER_HOST || '127.0.0.1'),
  ];
}

const temporalOptions: TemporalDevServerOptions = {
  port: ports.temporal,
  uiPort: ports.ui,
  codecEndpoint: `http://localhost:${ports.api}/codec`, // the UI decodes payloads through the API
  dbFile: path.join(dataDir, 'temporal.db'),
  logFile: log('temporal'),
  dieWithParent: true,
};

const servers: ServiceSpec[] = [
  ...(localTemporal
    ? [
        {
          name: 'temporal',
          logFile: log('temporal'),
          spawn: () => spawnTemporalDevServer(temporalOptions),
          ready: (run) => temporalDevServerReady(temporalOptions, run),
          readyTimeoutMs: 120_000,
        } satisfies ServiceSpec,
      ]
    : []),
  ...(localStore
    ? [
        {
          name: 'ferretdb',
          logFile: log('ferretdb'),
          spawn: () =>
            spawnFerretDb({
              port: ports.mongo,
              dataDir: path.join(dataDir, 'ferretdb'),
              logFile: log('ferretdb'),
              dieWithParent: true,
            }),
          ready: (run) => waitForPort(ports.mongo, 60_000, '127.0.0.1', run),
          readyTimeoutMs: 120_000,
        } satisfies ServiceSpec,
      ]
    : []),
];

/** A Node service: ready when its port answers, or (the worker) when its log says so. */
function node(name: string, script: string, ready: { port: number } | { line: string }): ServiceSpec {
  return {
    name,
    logFile: log(name),
    spawn: () => launchNodeService(name, script, { logFile: log(name), env: shared, dieWithParent: true }),
    ready: (run, offset) =>
      'port' in ready
        ? waitForPort(ready.port, 120_000, '127.0.0.1', run)
        : waitForLine(log(name), ready.line, 300_000, run, offset),
    readyTimeoutMs: 300_000,
  };
}

const services: ServiceSpec[] = [
  node('smtp-catcher', 'notifications/smtp-catcher-main.ts', { port: ports.smtp }),
  node('carrier-simulator', 'carrier-simulator/main.ts', { port: ports.simulator }),
  node('api', 'api/main.ts', { port: ports.api }),
  node('worker', 'worker/main.ts', { line: 'worker ready' }),
];

const { supervisor, say, shutdown, pidList } = superviseInForeground();

async function main() {
  const taken = await takenPorts(wantedPorts());
  if (taken.length) {
    console.error(describeTakenPorts(taken, ROOT));
    process.exit(1);
  }
  if (servers.length) say(`starting ${servers.map((s) => s.name).join(' and ')}…`);
  await Promise.all(servers.map((s) => supervisor.supervise(s)));
  say('starting SMTP catcher, carrier simulator, API and worker…');
  await Promise.all(services.map((s) => supervisor.supervise(s)));
  const pids = pidList();
  console.log(`
Port-in orchestrator is running (supervisor pid ${process.pid}; ${pids}).
  API              http://localhost:${ports.api}/v1   (health: /healthz, readiness: /readyz)
  API docs         http://localhost:${ports.api}/docs   (spec: /openapi.json)
  Console          http://localhost:${ports.api}/console/   (sign in with a demo key below)
  Temporal UI      ${localTemporal ? `http://localhost:${ports.ui}` : `(external Temporal at ${env.TEMPORAL_ADDRESS})`}
  Carrier sim      http://localhost:${ports.simulator}   (an API, no page: carrier-simulator/README.md, scenarios in carrier-simulator/SCENARIOS.md)
  Mail inbox       http://localhost:${ports.inbox}/messages
  Logs             ${logDir}

${demoKeysBanner(env)}

A service that crashes is restarted (a line here says so). Ctrl-C stops everything.`);
}

main().catch(async (err) => {
  console.error(`[supervisor] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
