/**
 * The real Temporal server of cluster mode (built by scripts/servers/build-temporal-server.sh):
 * the schemas applied with its SQL tool, each service as its own process, and the namespace and
 * search attributes created through the operator API with the Temporal CLI, as an operator would.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { binaries, LOCAL_DIR, launch, waitForPort, type ManagedProcess } from '../servers/processes';
import { CLUSTER, frontendAddress, type ClusterPorts, type TemporalService } from './topology';

const run = promisify(execFile);

function binary(variable: 'TEMPORAL_SERVER_PATH' | 'TEMPORAL_SQL_TOOL_PATH', file: string): string {
  const found = process.env[variable] ?? path.join(LOCAL_DIR, 'bin', file);
  if (!existsSync(found))
    throw new Error(
      `${found} is missing: run 'bash scripts/servers/build-temporal-server.sh' (npm run start:cluster does) or set ${variable}`,
    );
  return found;
}
export const temporalServerBinary = () => binary('TEMPORAL_SERVER_PATH', 'temporal-server');
export const sqlToolBinary = () => binary('TEMPORAL_SQL_TOOL_PATH', 'temporal-sql-tool');

const say = (log: (line: string) => void, line: string) => log(`[cluster] ${line}`);

/**
 * Creates both databases and brings their schemas to the version this server needs: `setup-schema
 * -v 0.0` once (the version table), then `update-schema`, which applies only the missing versions.
 * Safe at every start (an upgraded server migrates here, as an operator runs the tool before a rollout).
 */
export async function applySchemas(postgresPort: number, log: (line: string) => void = () => undefined) {
  const tool = sqlToolBinary();
  for (const which of ['persistence', 'visibility'] as const) {
    const database = CLUSTER.databases[which];
    const common = [
      '--plugin',
      CLUSTER.sqlPlugin,
      '--ep',
      '127.0.0.1',
      '-p',
      String(postgresPort),
      '-u',
      CLUSTER.dbUser,
      '--pw',
      CLUSTER.dbPassword,
      '--db',
      database,
    ];
    const exists = await run(tool, [
      ...common,
      'update-schema',
      '--schema-name',
      CLUSTER.schemaNames[which],
    ]).then(
      () => true,
      () => false,
    );
    if (exists) {
      say(log, `schema of ${database}: up to date`);
      continue;
    }
    say(log, `creating ${database} and its schema (${CLUSTER.schemaNames[which]})`);
    await run(tool, [...common, 'create-database']).catch((err: Error & { stderr?: string }) => {
      if (!/already exists/.test(`${err.stderr ?? ''}${err.message}`)) throw err;
    });
    await run(tool, [...common, 'setup-schema', '-v', '0.0']);
    await run(tool, [...common, 'update-schema', '--schema-name', CLUSTER.schemaNames[which]]);
  }
}

export function spawnTemporalService(o: {
  service: TemporalService;
  configFile: string;
  logFile: string;
  dieWithParent?: boolean;
}): ManagedProcess {
  return launch(
    `temporal-${o.service}`,
    temporalServerBinary(),
    // No authorizer: the services listen on loopback only (production: mTLS and an authorizer).
    ['--config-file', o.configFile, '--allow-no-auth', 'start', '--service', o.service],
    { logFile: o.logFile, ...(o.dieWithParent ? { dieWithParent: true } : {}) },
  );
}

export const temporalServiceReady = (ports: ClusterPorts, service: TemporalService, proc: ManagedProcess) =>
  waitForPort(ports.temporal[service].grpc, 120_000, '127.0.0.1', proc);

/** `temporal <args> --address <frontend>` with the project's CLI; its JSON output parsed. */
async function cli(ports: ClusterPorts, args: string[]): Promise<unknown> {
  const { stdout } = await run(binaries.temporal(), [
    ...args,
    '--address',
    frontendAddress(ports),
    '-o',
    'json',
  ]);
  return stdout.trim() ? JSON.parse(stdout) : undefined;
}

async function retry<T>(what: string, timeoutMs: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) {
        const detail = (err as { stderr?: string }).stderr || (err as Error).message;
        throw new Error(`${what} did not succeed within ${timeoutMs / 1000} s: ${detail}`);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/**
 * The namespace (`temporal operator namespace create`) and the workflow's custom search attributes
 * (`temporal operator search-attribute create`), each only when missing; then waits until the
 * frontend serves both (its namespace cache refreshes every 10 s), so a worker never starts early.
 */
export async function registerNamespace(ports: ClusterPorts, log: (line: string) => void = () => undefined) {
  const ns = CLUSTER.namespace;
  const known = await retry('reaching the frontend', 120_000, () =>
    cli(ports, ['operator', 'namespace', 'list']),
  );
  const names = ((known as { namespaceInfo?: { name?: string } }[] | undefined) ?? []).map(
    (n) => n.namespaceInfo?.name,
  );
  if (!names.includes(ns)) {
    say(log, `creating namespace ${ns} (retention ${CLUSTER.retention})`);
    await retry(`creating namespace ${ns}`, 120_000, () =>
      cli(ports, [
        'operator',
        'namespace',
        'create',
        '--namespace',
        ns,
        '--retention',
        CLUSTER.retention,
      ]).catch((err: Error & { stderr?: string }) => {
        if (!/already/i.test(`${err.stderr ?? ''}`)) throw err;
      }),
    );
  }
  const registered = async () => {
    const listed = (await cli(ports, ['operator', 'search-attribute', 'list', '--namespace', ns])) as {
      customAttributes?: Record<string, string>;
    };
    return listed.customAttributes ?? {};
  };
  const present = await retry(`describing namespace ${ns}`, 120_000, registered);
  const missing = CLUSTER.searchAttributes.filter(([name]) => !(name in present));
  if (missing.length) {
    say(log, `registering search attributes ${missing.map(([n, t]) => `${n} (${t})`).join(', ')}`);
    const args = missing.flatMap(([name, type]) => ['--name', name, '--type', type]);
    await retry('registering the search attributes', 120_000, () =>
      cli(ports, ['operator', 'search-attribute', 'create', '--namespace', ns, ...args]),
    );
  }
  await retry('the search attributes showing', 120_000, async () => {
    const now = await registered();
    const absent = CLUSTER.searchAttributes.filter(([name]) => !(name in now));
    if (absent.length) throw new Error(`not yet: ${absent.map(([n]) => n).join(', ')}`);
  });
  await retry(`namespace ${ns} served`, 120_000, () =>
    cli(ports, ['workflow', 'list', '--namespace', ns, '--limit', '1']),
  );
}
