/**
 * `npm run start:cluster`: the whole service on a real Temporal cluster — PostgreSQL, the Temporal
 * frontend, history, matching and worker services as separate processes, FerretDB, two workers, two
 * API replicas behind one port, the carrier simulator and the mail catcher — supervised as `npm
 * start` is (scripts/supervisor: restarts, crash loops, every process ends with this one). Data
 * persists under .local/cluster, logs go to .local/logs/cluster. docs/cluster.md has the details.
 */
import path from 'node:path';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../../config/development-material';
import { LOCAL_DIR, ROOT } from '../servers/processes';
import { describeTakenPorts, takenPorts } from '../supervisor/ports';
import { superviseInForeground } from '../supervisor/foreground';
import { startCluster, type ClusterLayout } from './services';
import { allPorts, CLUSTER, fixedClusterPorts } from './topology';
import { demoKeysBanner } from '../demo-keys';

const env = process.env;
env.PORTIN_SUPERVISOR_PID = String(process.pid);
const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
const ports = fixedClusterPorts({
  temporal: port('TEMPORAL_PORT', 7233),
  postgres: port('CLUSTER_POSTGRES_PORT', 5433),
  mongo: port('FERRETDB_PORT', 27117),
  api: port('API_PORT', 3000),
  simulator: port('CARRIER_SIM_PORT', 4010),
  smtp: port('SMTP_PORT', 1025),
  inbox: port('SMTP_CATCHER_HTTP_PORT', 1080),
});
const logDir = path.join(LOCAL_DIR, 'logs', 'cluster');
const layout: ClusterLayout = {
  ports,
  dataDir: path.join(LOCAL_DIR, 'cluster'),
  logDir,
  mailDir: path.join(LOCAL_DIR, 'mail'),
  carrierWebhookSecret: env.CARRIER_WEBHOOK_SECRET || DEV_CARRIER_WEBHOOK_SECRET,
  // No Temporal UI in cluster mode, so nothing calls /codec from a browser: keys stay required.
  env: { CODEC_ALLOW_ANONYMOUS: env.CODEC_ALLOW_ANONYMOUS ?? 'false' },
  dieWithParent: true,
};

const { supervisor, say, shutdown, pidList } = superviseInForeground();

async function main() {
  const taken = await takenPorts(allPorts(ports).map((p) => ({ ...p, host: '127.0.0.1' })));
  if (taken.length) {
    console.error(describeTakenPorts(taken, ROOT));
    process.exit(1);
  }
  const started = Date.now();
  await startCluster(supervisor, layout, say);
  const pids = pidList();
  const t = ports.temporal;
  console.log(`
Port-in orchestrator is running in cluster mode (${Math.round((Date.now() - started) / 1000)} s; supervisor pid ${process.pid}).
  Processes        ${pids}
  API              http://localhost:${ports.api}/v1   (proxy to replicas :${ports.apiReplicas.join(', :')}; health: /healthz, readiness: /readyz)
  API docs         http://localhost:${ports.api}/docs   (spec: /openapi.json)
  Temporal         frontend 127.0.0.1:${t.frontend.grpc}, history :${t.history.grpc}, matching :${t.matching.grpc}, worker :${t.worker.grpc}
                   namespace ${CLUSTER.namespace}, ${CLUSTER.historyShards} history shards, ${CLUSTER.taskQueuePartitions} task queue partitions
                   .local/bin/temporal workflow list --address 127.0.0.1:${t.frontend.grpc} --query 'NeedsAttention = true'
  PostgreSQL       postgresql://${CLUSTER.dbUser}:${CLUSTER.dbPassword}@127.0.0.1:${ports.postgres}/${CLUSTER.databases.persistence} (and /${CLUSTER.databases.visibility})
  Carrier sim      http://localhost:${ports.simulator}   (an API, no page: carrier-simulator/README.md, scenarios in carrier-simulator/SCENARIOS.md)
  Mail inbox       http://localhost:${ports.inbox}/messages
  Logs             ${logDir}

${demoKeysBanner(env)}

No Temporal Web UI in cluster mode (use the CLI above). A service that crashes is restarted (a line here says so). Ctrl-C stops everything.`);
}

main().catch(async (err) => {
  console.error(`[supervisor] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
