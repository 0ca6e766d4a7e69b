/**
 * `npm start`: the whole service on this machine — Temporal dev server (with its Web UI), FerretDB,
 * the SMTP catcher, the carrier simulator, the worker and the API — each waited for, then the URLs
 * and demo keys printed. Ctrl-C (or SIGTERM) stops every process. Data persists under .local/data.
 */
import path from 'node:path';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../config/development-material';
import {
  LOCAL_DIR,
  launch,
  startFerretDb,
  startTemporalDevServer,
  waitForPort,
  type ManagedProcess,
} from './servers/processes';

const env = process.env;
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
const dataDir = path.join(LOCAL_DIR, 'data');
const logDir = path.join(LOCAL_DIR, 'logs');
const log = (name: string) => path.join(logDir, `${name}.log`);
const tsNode = path.join(__dirname, '..', 'node_modules', '.bin', 'ts-node');

const shared = {
  TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${ports.temporal}`,
  MONGODB_URI: env.MONGODB_URI ?? `mongodb://127.0.0.1:${ports.mongo}/portin`,
  CARRIER_BASE_URL: `http://127.0.0.1:${ports.simulator}`,
  CARRIER_EVENTS_URL: `http://127.0.0.1:${ports.api}/v1/carrier/events`,
  CARRIER_WEBHOOK_SECRET: env.CARRIER_WEBHOOK_SECRET || DEV_CARRIER_WEBHOOK_SECRET,
  CARRIER_SIM_PORT: String(ports.simulator),
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(ports.smtp),
  SMTP_CATCHER_SMTP_PORT: String(ports.smtp),
  SMTP_CATCHER_HTTP_PORT: String(ports.inbox),
  SMTP_CATCHER_DIR: path.join(LOCAL_DIR, 'mail'),
  API_PORT: String(ports.api),
  CODEC_CORS_ORIGINS: env.CODEC_CORS_ORIGINS ?? `http://localhost:${ports.ui},http://127.0.0.1:${ports.ui}`,
  // The local UI has no login to pass a token to /codec; with only the public development key
  // there is nothing to protect. Own keys (PORTIN_PAYLOAD_KEYS) need an explicit opt-in.
  CODEC_ALLOW_ANONYMOUS: env.CODEC_ALLOW_ANONYMOUS ?? (env.PORTIN_PAYLOAD_KEYS ? 'false' : 'true'),
};

const running: ManagedProcess[] = [];
let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  for (const p of running.reverse()) await p.stop();
  console.log('all processes stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function node(name: string, script: string) {
  const p = launch(name, tsNode, ['--transpile-only', script], { logFile: log(name), env: shared });
  p.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (code ${code}); see ${log(name)}`);
      void stopAll(1);
    }
  });
  running.push(p);
  return p;
}

async function main() {
  const local = !env.TEMPORAL_ADDRESS;
  console.log('starting Temporal dev server and FerretDB…');
  const servers = await Promise.all([
    local
      ? startTemporalDevServer({
          port: ports.temporal,
          uiPort: ports.ui,
          codecEndpoint: `http://localhost:${ports.api}/codec`, // the UI decodes payloads through the API
          dbFile: path.join(dataDir, 'temporal.db'),
          logFile: log('temporal'),
        })
      : undefined,
    env.MONGODB_URI
      ? undefined
      : startFerretDb({
          port: ports.mongo,
          dataDir: path.join(dataDir, 'ferretdb'),
          logFile: log('ferretdb'),
        }),
  ]);
  running.push(...servers.filter((s): s is ManagedProcess => !!s));
  console.log('starting SMTP catcher, carrier simulator, API and worker…');
  node('smtp-catcher', 'notifications/smtp-catcher-main.ts');
  node('carrier-simulator', 'carrier-simulator/main.ts');
  node('api', 'api/main.ts');
  node('worker', 'worker/main.ts');
  await Promise.all([
    waitForPort(ports.smtp, 60_000),
    waitForPort(ports.simulator, 60_000),
    waitForPort(ports.api, 60_000),
  ]);
  console.log(`
Port-in orchestrator is running.
  API              http://localhost:${ports.api}/v1   (health: /healthz, readiness: /readyz)
  API docs         http://localhost:${ports.api}/docs   (spec: /openapi.json)
  Temporal UI      ${local ? `http://localhost:${ports.ui}` : `(external Temporal at ${env.TEMPORAL_ADDRESS})`}
  Carrier sim      http://localhost:${ports.simulator}   (scenarios: carrier-simulator/SCENARIOS.md)
  Mail inbox       http://localhost:${ports.inbox}/messages
  Logs             ${logDir}

Demo API keys (Authorization: Bearer <key>):
  customer (Standard account acct_demo_standard)  ${env.DEMO_CUSTOMER_API_KEY || 'demo-customer-key'}
  customer (Standard account acct_demo_second)    ${env.DEMO_SECOND_CUSTOMER_API_KEY || 'demo-second-customer-key'}
  customer (trial account acct_demo_trial)        ${env.DEMO_TRIAL_CUSTOMER_API_KEY || 'demo-trial-customer-key'}
  support                                          ${env.DEMO_SUPPORT_API_KEY || 'demo-support-key'}
  ops                                              ${env.DEMO_OPS_API_KEY || 'demo-ops-key'}

Ctrl-C stops everything.`);
}

main().catch(async (err) => {
  console.error(err);
  await stopAll(1);
});
