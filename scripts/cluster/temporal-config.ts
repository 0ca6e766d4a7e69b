/**
 * The Temporal server's configuration for cluster mode, rendered to a file that all four service
 * processes read (`temporal-server --config-file <file> start --service <one>`): each binds only its
 * own ports, and all of them find each other through the membership table in PostgreSQL.
 *
 * Written out in full rather than through the server's embedded template (which docker-compose's
 * images fill from environment variables): what each key is set to is visible here and in the file.
 * The dynamic config (run-time knobs) is a second file, scripts/cluster/dynamicconfig.yaml (the one
 * docker-compose.yml mounts) plus what a test adds, re-read by the server every 10 s.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLUSTER, frontendAddress, type ClusterPorts } from './topology';

/** Server knobs set at run time (`dynamicconfig`): every value applies cluster-wide, no constraints. */
export type DynamicConfig = Record<string, unknown>;

/** Cluster mode's dynamic config, shared with docker-compose.yml (which mounts the same file). */
export const DYNAMIC_CONFIG_FILE = path.join(__dirname, 'dynamicconfig.yaml');

const q = (s: string) => JSON.stringify(s);

export function renderServerConfig(o: {
  ports: ClusterPorts;
  dynamicConfigFile: string;
  logLevel?: string;
}): string {
  const { ports } = o;
  const datastore = (database: string, maxConns: number) => `
      sql:
        pluginName: ${q(CLUSTER.sqlPlugin)}
        databaseName: ${q(database)}
        connectAddr: ${q(`127.0.0.1:${ports.postgres}`)}
        connectProtocol: "tcp"
        user: ${q(CLUSTER.dbUser)}
        password: ${q(CLUSTER.dbPassword)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name: keyof ClusterPorts['temporal'], extra = '') => `
  ${name}:
    rpc:
      grpcPort: ${ports.temporal[name].grpc}
      membershipPort: ${ports.temporal[name].membership}
      bindOnIP: "127.0.0.1"${extra}`;
  return `# Rendered by scripts/cluster/temporal-config.ts for \`npm run start:cluster\`: do not edit, it is rewritten at each start.
log:
  stdout: true
  level: ${q(o.logLevel ?? 'warn')}

persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${CLUSTER.historyShards}
  datastores:
    default:${datastore(CLUSTER.databases.persistence, 20)}
    visibility:${datastore(CLUSTER.databases.visibility, 10)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  pprof:
    port: 0

services:${service('frontend', `\n      httpPort: ${ports.frontendHttp}`)}${service('history')}${service('matching')}${service('worker')}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${q(frontendAddress(ports))}
      httpAddress: ${q(`127.0.0.1:${ports.frontendHttp}`)}

dcRedirectionPolicy:
  policy: "noop"

# The worker service (Temporal's own system workflows) reaches the cluster through the frontend.
publicClient:
  hostPort: ${q(frontendAddress(ports))}

dynamicConfigClient:
  filepath: ${q(o.dynamicConfigFile)}
  pollInterval: "10s"
`;
}

/** The shared file with `extra` appended (keys the file sets already cannot be set twice). */
export function renderDynamicConfig(extra: DynamicConfig = {}): string {
  const base = readFileSync(DYNAMIC_CONFIG_FILE, 'utf8');
  const twice = Object.keys(extra).filter((key) =>
    new RegExp(`^${key.replace(/\./g, '\\.')}:`, 'm').test(base),
  );
  if (twice.length) throw new Error(`already set in ${DYNAMIC_CONFIG_FILE}: ${twice.join(', ')}`);
  const added = Object.entries(extra).map(
    ([key, value]) => `${key}:\n  - value: ${JSON.stringify(value)}\n    constraints: {}\n`,
  );
  return added.length ? `${base}\n# Added for this run:\n${added.join('')}` : base;
}

/** Writes both files into `dir`; returns the server config's path. */
export function writeServerConfig(o: {
  dir: string;
  ports: ClusterPorts;
  dynamicConfig?: DynamicConfig;
  logLevel?: string;
}): string {
  mkdirSync(o.dir, { recursive: true });
  const dynamicConfigFile = path.join(o.dir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, renderDynamicConfig(o.dynamicConfig));
  const configFile = path.join(o.dir, 'temporal-server.yaml');
  writeFileSync(
    configFile,
    renderServerConfig({
      ports: o.ports,
      dynamicConfigFile,
      ...(o.logLevel ? { logLevel: o.logLevel } : {}),
    }),
  );
  return configFile;
}
