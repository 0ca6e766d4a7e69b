/**
 * Cluster mode's settings, in one place: what `npm run start:cluster` runs, what the cluster tests
 * run on free ports, and what docker-compose.yml must agree with (test/unit/deploy/cluster-compose.test.ts).
 *
 * The shape is production's, shrunk to one machine: PostgreSQL for Temporal's persistence and
 * visibility, the four Temporal services as separate processes, two workers on one task queue, two
 * API replicas behind one port. docs/cluster.md maps each part onto a deployment.
 */
import { SEARCH_ATTRIBUTE_FLAGS } from '../../workflows/search-attributes';

export const CLUSTER = {
  /** The namespace created through the operator API, as an operator would (not by the server's flag). */
  namespace: 'default',
  /** How long closed workflows stay queryable (the namespace's retention). */
  retention: '720h',
  /** Fixed for a cluster's life: shards spread workflows over history hosts; more than hosts ever. */
  historyShards: 4,
  /** Partitions per task queue (the server's default, spelled out): matching spreads one queue over them. */
  taskQueuePartitions: 4,
  /** The SQL plugin and databases of persistence and visibility (advanced visibility on PostgreSQL 12+). */
  sqlPlugin: 'postgres12',
  databases: { persistence: 'temporal', visibility: 'temporal_visibility' },
  /** The schemas the sql tool applies, embedded in the tool (its --schema-name). */
  schemaNames: { persistence: 'postgresql/v12/temporal', visibility: 'postgresql/v12/visibility' },
  dbUser: 'temporal',
  /** Local only: PostgreSQL listens on loopback (docker-compose takes its own from outside). */
  dbPassword: 'temporal',
  /** Registered through the operator API before any worker starts. */
  searchAttributes: SEARCH_ATTRIBUTE_FLAGS,
  /** One process each; started together, any order (they find each other through the database). */
  temporalServices: ['history', 'matching', 'frontend', 'worker'] as const,
  workers: 2,
  apiReplicas: 2,
} as const;

export type TemporalService = (typeof CLUSTER.temporalServices)[number];

/** Every port of a cluster: Temporal's gRPC and membership (ringpop) ports per service, and ours. */
export interface ClusterPorts {
  postgres: number;
  temporal: Record<TemporalService, { grpc: number; membership: number }>;
  /** The frontend's HTTP API (also used by Nexus callbacks). */
  frontendHttp: number;
  mongo: number;
  /** The one port clients use: the API proxy in front of the replicas. */
  api: number;
  apiReplicas: number[];
  simulator: number;
  smtp: number;
  inbox: number;
}

/**
 * The fixed ports of `npm run start:cluster`: the frontend at TEMPORAL_PORT (7233) and the other
 * services at Temporal's usual offsets from it (history 7234, matching 7235, worker 7239, membership
 * 6933-6939, HTTP 7243); the API at API_PORT with its replicas on the next ports.
 */
export function fixedClusterPorts(base: {
  temporal: number;
  postgres: number;
  mongo: number;
  api: number;
  simulator: number;
  smtp: number;
  inbox: number;
}): ClusterPorts {
  const offsets: Record<TemporalService, number> = { frontend: 0, history: 1, matching: 2, worker: 6 };
  const temporal = Object.fromEntries(
    CLUSTER.temporalServices.map((s) => [
      s,
      { grpc: base.temporal + offsets[s], membership: base.temporal - 300 + offsets[s] },
    ]),
  ) as ClusterPorts['temporal'];
  // Temporal keeps its services' ports in a smallint column (cluster_membership).
  if (base.temporal + 10 > 32_767 || base.temporal < 301)
    throw new Error(`TEMPORAL_PORT must be between 301 and 32757 in cluster mode, got ${base.temporal}`);
  return {
    postgres: base.postgres,
    temporal,
    frontendHttp: base.temporal + 10,
    mongo: base.mongo,
    api: base.api,
    apiReplicas: Array.from({ length: CLUSTER.apiReplicas }, (_, i) => base.api + 1 + i),
    simulator: base.simulator,
    smtp: base.smtp,
    inbox: base.inbox,
  };
}

/** Every port of the cluster with the variable that moves it, for the check before anything starts. */
export function allPorts(p: ClusterPorts): { service: string; port: number; variable: string }[] {
  const temporal = 'TEMPORAL_PORT';
  return [
    { service: 'PostgreSQL', port: p.postgres, variable: 'CLUSTER_POSTGRES_PORT' },
    ...CLUSTER.temporalServices.flatMap((s) => [
      { service: `Temporal ${s}`, port: p.temporal[s].grpc, variable: temporal },
      { service: `Temporal ${s} membership`, port: p.temporal[s].membership, variable: temporal },
    ]),
    { service: 'Temporal frontend HTTP', port: p.frontendHttp, variable: temporal },
    { service: 'FerretDB', port: p.mongo, variable: 'FERRETDB_PORT' },
    { service: 'API', port: p.api, variable: 'API_PORT' },
    ...p.apiReplicas.map((port, i) => ({ service: `API replica ${i + 1}`, port, variable: 'API_PORT' })),
    { service: 'carrier simulator', port: p.simulator, variable: 'CARRIER_SIM_PORT' },
    { service: 'SMTP catcher', port: p.smtp, variable: 'SMTP_PORT' },
    { service: 'mail inbox', port: p.inbox, variable: 'SMTP_CATCHER_HTTP_PORT' },
  ];
}

export const frontendAddress = (p: ClusterPorts) => `127.0.0.1:${p.temporal.frontend.grpc}`;
