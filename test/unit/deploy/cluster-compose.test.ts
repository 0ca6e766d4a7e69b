/**
 * docker-compose.yml runs the topology `npm run start:cluster` runs (scripts/cluster/topology.ts),
 * on official images: the same Temporal services as separate containers, the same database plugin,
 * databases, schemas and history shards, the same dynamic config file, the namespace with its
 * retention and the search attributes created the operator's way, and the variables cluster mode
 * gives the API and the workers. A setting changed on one side only fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV_VARS } from '../../../config/env-vars';
import { clusterServiceEnv, type ClusterLayout } from '../../../scripts/cluster/services';
import { DYNAMIC_CONFIG_FILE } from '../../../scripts/cluster/temporal-config';
import { CLUSTER, fixedClusterPorts } from '../../../scripts/cluster/topology';
import { asArgs, environmentOf, interpolate, loadCompose, type ComposeService } from './compose-file';
import { envReadsOfProcess, ROOT } from './source-scan';

const { services } = loadCompose();
const byImage = (image: RegExp) => Object.keys(services).filter((n) => image.test(services[n].image ?? ''));
const temporalServers = byImage(/^temporalio\/server:/);
const adminSteps = byImage(/^temporalio\/admin-tools:/);
const scriptOf = (s: ComposeService) =>
  interpolate([...asArgs(s.entrypoint), ...asArgs(s.command)].join(' ')).replace(/\s+/g, ' ');
const stepThat = (pattern: RegExp) => {
  const found = adminSteps.filter((n) => pattern.test(scriptOf(services[n])));
  expect(found).toHaveLength(1);
  return found[0];
};
const volumesOf = (s: ComposeService) => (s as { volumes?: string[] }).volumes ?? [];

describe('docker-compose.yml runs the cluster topology of npm run start:cluster', () => {
  test('one container per Temporal service, each the server image of the version built here', () => {
    const roles = temporalServers.map((n) => environmentOf(services[n]).TEMPORAL_SERVICES);
    expect([...roles].sort()).toEqual([...CLUSTER.temporalServices].sort());
    const built = readFileSync(path.join(ROOT, 'scripts/servers/build-temporal-server.sh'), 'utf8');
    const version = /TEMPORAL_SERVER_VERSION="v([\d.]+)"/.exec(built)?.[1];
    expect(version).toBeDefined();
    for (const name of [...temporalServers, ...adminSteps])
      expect({ name, image: services[name].image }).toEqual({
        name,
        image: expect.stringMatching(`:${version}$`),
      });
  });

  test.each(temporalServers)('%s: the same database, schemas, shards and dynamic config', (name) => {
    const env = environmentOf(services[name]);
    expect({
      plugin: env.DB,
      database: env.DBNAME,
      visibility: env.VISIBILITY_DBNAME,
      user: env.POSTGRES_USER,
      shards: Number(env.NUM_HISTORY_SHARDS),
    }).toEqual({
      plugin: CLUSTER.sqlPlugin,
      database: CLUSTER.databases.persistence,
      visibility: CLUSTER.databases.visibility,
      user: CLUSTER.dbUser,
      shards: CLUSTER.historyShards,
    });
    expect(services[env.POSTGRES_SEEDS]?.image).toMatch(/^postgres:/);
    // The dynamic config file cluster mode copies is the one mounted where the server reads it.
    const mounts = volumesOf(services[name]).map((v) => v.split(':'));
    const mounted = mounts.find(([, target]) => target === env.DYNAMIC_CONFIG_FILE_PATH);
    expect(mounted).toBeDefined();
    expect(path.resolve(ROOT, mounted![0])).toBe(DYNAMIC_CONFIG_FILE);
    // Every service reaches the others through the frontend the apps use.
    expect(env.PUBLIC_FRONTEND_ADDRESS).toBe(environmentOf(services.api).TEMPORAL_ADDRESS);
  });

  test('the dynamic config sets the task queue partitions cluster mode documents', () => {
    const config = parse(readFileSync(DYNAMIC_CONFIG_FILE, 'utf8')) as Record<string, { value: unknown }[]>;
    expect(config['matching.numTaskqueueReadPartitions']?.[0]?.value).toBe(CLUSTER.taskQueuePartitions);
    expect(config['matching.numTaskqueueWritePartitions']?.[0]?.value).toBe(CLUSTER.taskQueuePartitions);
  });

  test('the schema step creates both databases with the schemas cluster mode applies, before any Temporal service', () => {
    const step = stepThat(/temporal-sql-tool/);
    const script = scriptOf(services[step]);
    for (const which of ['persistence', 'visibility'] as const)
      expect(script).toContain(`${CLUSTER.databases[which]}:${CLUSTER.schemaNames[which]}`);
    expect(script).toMatch(/setup-schema -v 0\.0/);
    expect(script).toMatch(/update-schema --schema-name/);
    expect(environmentOf(services[step]).SQL_PLUGIN).toBe(CLUSTER.sqlPlugin);
    for (const name of temporalServers)
      expect(services[name].depends_on).toMatchObject({
        [step]: { condition: 'service_completed_successfully' },
      });
  });

  test('the admin step creates the namespace with its retention and exactly the search attributes', () => {
    const script = scriptOf(services[stepThat(/search-attribute create/)]);
    expect(script).toContain(
      `namespace create --namespace ${CLUSTER.namespace} --retention ${CLUSTER.retention}`,
    );
    expect(/search-attribute create --namespace (\S+)/.exec(script)?.[1]).toBe(CLUSTER.namespace);
    const registered = [...script.matchAll(/--name (\S+) --type (\S+)/g)].map(([, n, t]) => [n, t]);
    expect(registered).toEqual(CLUSTER.searchAttributes.map(([n, t]) => [n, t]));
  });

  test('two workers, and the namespace the apps use is the one created', () => {
    expect(services.worker.deploy?.replicas).toBe(CLUSTER.workers);
    for (const name of ['api', 'worker'])
      expect({ name, namespace: environmentOf(services[name]).TEMPORAL_NAMESPACE }).toEqual({
        name,
        namespace: CLUSTER.namespace,
      });
  });

  // The variables cluster mode hands the API and the workers, by name: each that the process reads and
  // a deployment must decide (not a local-only switch) is set in compose too.
  const layout: ClusterLayout = {
    ports: fixedClusterPorts({
      temporal: 7233,
      postgres: 5433,
      mongo: 27117,
      api: 3000,
      simulator: 4010,
      smtp: 1025,
      inbox: 1080,
    }),
    dataDir: '/d',
    logDir: '/l',
    mailDir: '/m',
    carrierWebhookSecret: 'whsec_x',
    dieWithParent: false,
  };
  const sdkVars = Object.keys(ENV_VARS).filter((n) => ENV_VARS[n].temporalSdk);
  test.each([
    ['api', 'api/main.ts'],
    ['worker', 'worker/main.ts'],
  ])('%s: every variable cluster mode sets for it is set in compose', (name, entry) => {
    const reads = envReadsOfProcess(path.join(ROOT, entry), sdkVars);
    // The worker reads API_PORT only for API_PUBLIC_URL's default, which both set.
    const deploymentVars = Object.keys(clusterServiceEnv(layout)).filter(
      (v) => reads.has(v) && !ENV_VARS[v]?.localOnly && !(name === 'worker' && v === 'API_PORT'),
    );
    expect(deploymentVars.length).toBeGreaterThanOrEqual(5);
    const env = environmentOf(services[name]);
    expect({ name, missing: deploymentVars.filter((v) => !env[v]) }).toEqual({ name, missing: [] });
  });
});
