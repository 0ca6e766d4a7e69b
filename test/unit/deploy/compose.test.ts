/**
 * docker-compose.yml and the Dockerfile, checked against the code without a container engine (none
 * runs here): every variable a service's code needs is set, service names and ports in the values
 * point at services that listen there, health checks back the start order, the search attributes
 * registered are the workflow's, and the image is multi-stage, production-only, non-root, with the
 * prebuilt workflow bundle. Dropping a variable or a search attribute fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SearchAttributeType } from '@temporalio/common';
import { DEV_CARRIER_WEBHOOK_SECRET, developmentMaterialIn } from '../../../config/development-material';
import { ENV_VARS, type DeployedService } from '../../../config/env-vars';
import { WORKER_DEFAULTS } from '../../../config/worker';
import { WORKFLOW_BUNDLE_FILE } from '../../../scripts/build-workflow-bundle';
import * as searchAttributes from '../../../workflows/search-attributes';
import {
  asArgs,
  dependsOn,
  environmentOf,
  envOfStage,
  interpolate,
  loadCompose,
  loadDockerfile,
  publishedContainerPorts,
  REQUIRED_FROM_OUTSIDE,
  seconds,
  type ComposeService,
} from './compose-file';
import { envReadsOf, envReadsOfProcess, ROOT, sourceFiles, usesTemporalEnvconfig } from './source-scan';

const { services } = loadCompose();
const stages = loadDockerfile();
const runtimeStage = stages.at(-1)!;
const imageEnv = envOfStage(runtimeStage);
const SDK_VARS = Object.keys(ENV_VARS).filter((n) => ENV_VARS[n].temporalSdk);

/** The deployed processes by entry point (a service's command runs its compiled `lib/<entry>.js`). */
const PROCESSES: Record<
  string,
  { process: DeployedService; listens: [portVar: string, fallback: number][] }
> = {
  'api/main.ts': { process: 'api', listens: [['API_PORT', 3000]] },
  'worker/main.ts': { process: 'worker', listens: [] },
  'carrier-simulator/main.ts': { process: 'carrier-simulator', listens: [['CARRIER_SIM_PORT', 4010]] },
  'notifications/smtp-catcher-main.ts': {
    process: 'smtp-catcher',
    listens: [
      ['SMTP_CATCHER_SMTP_PORT', 1025],
      ['SMTP_CATCHER_HTTP_PORT', 1080],
    ],
  },
};

/** The ports the official images serve on. */
const IMAGE_PORTS: [RegExp, number[]][] = [
  [/^postgres:/, [5432]],
  [/^mongo:/, [27017]],
  [/^temporalio\/(auto-setup|server):/, [7233]],
  [/^temporalio\/ui:/, [8080]],
  [/^temporalio\/admin-tools:/, []],
];

/** The one service that builds the image of our code (the Dockerfile), and that image's name. */
const builders = Object.keys(services).filter((name) => services[name].build !== undefined);
const ownImage = services[builders[0]]?.image;
/** Every service that runs our code: the builder and those that reuse its image. */
const built = Object.keys(services).filter(
  (name) =>
    services[name].build !== undefined || (ownImage !== undefined && services[name].image === ownImage),
);
const service = (name: string): ComposeService => {
  const s = services[name];
  if (!s) throw new Error(`no service '${name}' in docker-compose.yml`);
  return s;
};
/** What the container sees: the image's ENV under the service's environment. */
const envOf = (name: string) => ({
  ...(built.includes(name) ? imageEnv : {}),
  ...environmentOf(service(name)),
});

function entryOf(name: string): string {
  const args = asArgs(service(name).command);
  const script = args.find((a) => /^lib\/.+\.js$/.test(a));
  if (args[0] !== 'node' || !script)
    throw new Error(`${name}: command must be node lib/<entry>.js, got ${args}`);
  return script.replace(/^lib\//, '').replace(/\.js$/, '.ts');
}
const processOf = (name: string) => PROCESSES[entryOf(name)];

function listeningPorts(name: string): number[] {
  const s = service(name);
  if (built.includes(name)) {
    const env = envOf(name);
    return processOf(name).listens.map(([v, fallback]) => Number(env[v] || fallback));
  }
  const ports = IMAGE_PORTS.find(([image]) => image.test(s.image ?? ''));
  if (!ports) throw new Error(`${name}: image ${s.image} is not one the test knows the ports of`);
  return ports[1];
}

/** The admin-tools step that registers the search attributes (another one applies the schemas). */
const searchAttributeStep = () =>
  Object.keys(services).find(
    (n) =>
      /^temporalio\/admin-tools:/.test(services[n].image ?? '') &&
      asArgs(services[n].entrypoint).join(' ').includes('search-attribute create'),
  )!;

const appServices = () => {
  const byProcess = (p: DeployedService) => built.filter((n) => processOf(n)?.process === p);
  const [api] = byProcess('api');
  const [worker] = byProcess('worker');
  const [simulator] = byProcess('carrier-simulator');
  return { api, worker, simulator };
};

describe('environment variables', () => {
  const catalogued = new Set(Object.keys(ENV_VARS));

  test('every variable the code reads is in config/env-vars.ts (with its default and who needs it)', () => {
    const missing = sourceFiles().flatMap((file) =>
      envReadsOf(file)
        .filter((name) => !catalogued.has(name))
        .map((name) => `${name} (${path.relative(ROOT, file)})`),
    );
    expect(missing).toEqual([]);
  });

  test('config/env-vars.ts lists nothing the code stopped reading', () => {
    const read = new Set(sourceFiles().flatMap(envReadsOf));
    const sdkUsed = sourceFiles().some(usesTemporalEnvconfig);
    const stale = Object.keys(ENV_VARS).filter((n) => (ENV_VARS[n].temporalSdk ? !sdkUsed : !read.has(n)));
    expect(stale).toEqual([]);
  });

  test('the README documents every variable', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(Object.keys(ENV_VARS).filter((n) => !readme.includes(n))).toEqual([]);
  });

  test('every built service runs one of the deployed processes from its compiled source', () => {
    expect(built.length).toBeGreaterThan(0);
    for (const name of built) {
      const entry = entryOf(name);
      expect({ name, entry, exists: existsSync(path.join(ROOT, entry)), known: entry in PROCESSES }).toEqual({
        name,
        entry,
        exists: true,
        known: true,
      });
    }
    const processes = built.map((n) => processOf(n).process).sort();
    expect(processes).toEqual(['api', 'carrier-simulator', 'smtp-catcher', 'worker']);
  });

  test.each(built)('%s sets every variable its process needs in a deployment', (name) => {
    const { process } = processOf(name);
    const reads = envReadsOfProcess(path.join(ROOT, entryOf(name)), SDK_VARS);
    const env = envOf(name);
    const needed = Object.keys(ENV_VARS).filter((n) => ENV_VARS[n].requiredBy?.includes(process));
    // The catalogue is honest: the process does read what it is said to need.
    expect(needed.filter((n) => !reads.has(n))).toEqual([]);
    expect(needed.filter((n) => !env[n])).toEqual([]);
    // And the service sets nothing its process ignores (a misspelt name would be silently unused).
    const own = Object.keys(environmentOf(service(name)));
    expect(own.filter((n) => !reads.has(n))).toEqual([]);
  });

  test('secrets are not in the file: the keys come from whoever runs compose', () => {
    const { api, worker, simulator } = appServices();
    for (const name of [api, worker])
      for (const key of ['PORTIN_FIELD_KEY', 'PORTIN_PAYLOAD_KEYS'])
        expect({ name, key, value: envOf(name)[key] }).toEqual({ name, key, value: REQUIRED_FROM_OUTSIDE });
    // No default either (`${X:-whsec_…}` would hand out the public development secret).
    for (const name of [api, simulator])
      expect({ name, value: envOf(name).CARRIER_WEBHOOK_SECRET }).toEqual({
        name,
        value: REQUIRED_FROM_OUTSIDE,
      });
    expect(imageEnv.NODE_ENV).toBe('production'); // development keys are refused
  });

  // What config/development-material.ts checks at start, run on the environment compose gives each
  // process: with secrets from outside (any value but the public ones), nothing may be refused.
  test.each(['api', 'worker'] as const)(
    'the %s starts in production: no development key, secret, demo key or seeding in its environment',
    (process) => {
      const name = appServices()[process];
      const env = envOf(name);
      expect(env.NODE_ENV).toBe('production');
      expect(developmentMaterialIn(env, process)).toEqual([]);
    },
  );

  test('the check would catch the public development values compose used to default to', () => {
    const env = { ...envOf(appServices().api), CARRIER_WEBHOOK_SECRET: DEV_CARRIER_WEBHOOK_SECRET };
    expect(developmentMaterialIn(env, 'api')).toEqual([expect.stringContaining('CARRIER_WEBHOOK_SECRET')]);
    const { SEED_DEMO_DATA: _seed, ...seeding } = envOf(appServices().api);
    expect(developmentMaterialIn(seeding, 'api')).toEqual([expect.stringContaining('SEED_DEMO_DATA')]);
  });
});

describe('service names and ports', () => {
  /** host:port in a value (URLs, Mongo host lists, gRPC addresses); loopback and browser origins aside. */
  const hostPorts = (value: string) =>
    [...value.matchAll(/(?:^|[/@,\s])([a-z][a-z0-9-]*):(\d{2,5})(?=$|[/?,\s])/g)]
      .map(([, host, port]) => ({ host, port: Number(port) }))
      .filter(({ host }) => !['localhost'].includes(host));

  test('every host:port in an environment value is a service listening on that port', () => {
    const refs = Object.keys(services).flatMap((name) =>
      Object.entries(envOf(name)).flatMap(([key, value]) =>
        hostPorts(value).map((ref) => ({ from: `${name}.${key}`, ...ref })),
      ),
    );
    expect(refs.length).toBeGreaterThanOrEqual(8); // the check looked at something
    const wrong = refs.filter(({ host, port }) => !services[host] || !listeningPorts(host).includes(port));
    expect(wrong).toEqual([]);
  });

  test('host and port given in two variables point at a service listening there', () => {
    const pairs: [host: string, port: string, fallback: number][] = [
      ['SMTP_HOST', 'SMTP_PORT', 1025],
      ['POSTGRES_SEEDS', 'DB_PORT', 5432],
      ['SQL_HOST', 'SQL_PORT', 5432],
    ];
    const checked = Object.keys(services).flatMap((name) => {
      const env = envOf(name);
      return pairs
        .filter(([host]) => env[host])
        .map(([host, port, fallback]) => ({
          from: `${name}.${host}`,
          host: env[host],
          port: Number(env[port] || fallback),
        }));
    });
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(
      checked.filter(({ host, port }) => !services[host] || !listeningPorts(host).includes(port)),
    ).toEqual([]);
  });

  test('published ports are ports the service listens on', () => {
    for (const name of Object.keys(services))
      for (const port of publishedContainerPorts(service(name)))
        expect({ name, port, listening: listeningPorts(name).includes(port) }).toEqual({
          name,
          port,
          listening: true,
        });
  });

  test('the API and the worker agree on Temporal, the store, the carrier and the keys; the rest point at them', () => {
    const { api, worker, simulator } = appServices();
    const [a, w, s] = [envOf(api), envOf(worker), envOf(simulator)];
    const shared = ['TEMPORAL_ADDRESS', 'TEMPORAL_TASK_QUEUE', 'MONGODB_URI', 'CARRIER_BASE_URL'];
    for (const key of [...shared, 'PORTIN_FIELD_KEY', 'PORTIN_PAYLOAD_KEYS'])
      expect({ key, worker: w[key] }).toEqual({ key, worker: a[key] });
    expect(w.TEMPORAL_NAMESPACE ?? 'default').toBe(a.TEMPORAL_NAMESPACE ?? 'default');
    expect(s.CARRIER_WEBHOOK_SECRET).toBe(a.CARRIER_WEBHOOK_SECRET);
    expect(s.CARRIER_EVENTS_URL).toBe(`http://${api}:${a.API_PORT || 3000}/v1/carrier/events`);
    expect(a.CARRIER_BASE_URL).toBe(`http://${simulator}:${s.CARRIER_SIM_PORT || 4010}`);
    // The UI and the admin step that calls the frontend (the schema step talks to PostgreSQL only).
    for (const name of Object.keys(services).filter(
      (n) =>
        /^temporalio\/ui/.test(services[n].image ?? '') ||
        (/^temporalio\/admin-tools/.test(services[n].image ?? '') &&
          asArgs(services[n].entrypoint).join(' ').includes('temporal operator')),
    ))
      expect({ name, address: envOf(name).TEMPORAL_ADDRESS }).toEqual({ name, address: a.TEMPORAL_ADDRESS });
  });
});

describe('start order and health', () => {
  test('every dependency exists, with a health check when its condition is service_healthy', () => {
    for (const [name, s] of Object.entries(services))
      for (const [target, condition] of Object.entries(dependsOn(s))) {
        expect({ name, target, exists: target in services }).toEqual({ name, target, exists: true });
        if (condition === 'service_healthy')
          expect({ name, target, healthcheck: !!services[target].healthcheck?.test }).toEqual({
            name,
            target,
            healthcheck: true,
          });
        if (condition === 'service_completed_successfully')
          expect({ name, target, oneShot: services[target].restart }).toEqual({
            name,
            target,
            oneShot: 'no',
          });
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(condition);
      }
  });

  test('no dependency cycle: `docker compose up` can order the services', () => {
    const order: string[] = [];
    const visiting = new Set<string>();
    const visit = (name: string, trail: string[]) => {
      if (order.includes(name)) return;
      if (visiting.has(name)) throw new Error(`dependency cycle: ${[...trail, name].join(' → ')}`);
      visiting.add(name);
      Object.keys(dependsOn(service(name))).forEach((d) => visit(d, [...trail, name]));
      visiting.delete(name);
      order.push(name);
    };
    Object.keys(services).forEach((n) => visit(n, []));
    expect(order).toHaveLength(Object.keys(services).length);
  });

  test('the API and the worker start once the search attributes are registered and MongoDB is up', () => {
    const { api, worker } = appServices();
    const admin = searchAttributeStep();
    const mongo = Object.keys(services).find((n) => /^mongo:/.test(services[n].image ?? ''))!;
    for (const name of [api, worker])
      expect(dependsOn(service(name))).toMatchObject({
        [admin]: 'service_completed_successfully',
        [mongo]: 'service_healthy',
      });
    expect(service(api).healthcheck?.test).toBeDefined();
  });

  test('official images: the Temporal server on PostgreSQL, its UI and admin tools, MongoDB', () => {
    const temporal = Object.keys(services).find((n) =>
      /^temporalio\/(auto-setup|server):/.test(services[n].image ?? ''),
    );
    expect(temporal).toBeDefined();
    const env = envOf(temporal!);
    expect(['postgres12', 'postgres12_pgx']).toContain(env.SQL_PLUGIN || env.DB);
    const dbHost = env.SQL_HOST || env.POSTGRES_SEEDS;
    expect(service(dbHost).image).toMatch(/^postgres:/);
    expect(dependsOn(service(temporal!))).toMatchObject({ [dbHost]: 'service_healthy' });
    for (const image of [/^temporalio\/ui:/, /^temporalio\/admin-tools:/, /^mongo:/])
      expect(Object.values(services).some((s) => image.test(s.image ?? ''))).toBe(true);
  });

  test('workers: several replicas, stopped no sooner than their shutdown grace allows', () => {
    const { worker } = appServices();
    const grace = Number(envOf(worker).WORKER_SHUTDOWN_GRACE_SECONDS || WORKER_DEFAULTS.shutdownGraceSeconds);
    expect(seconds(service(worker).stop_grace_period ?? '10s')).toBeGreaterThan(grace);
    expect(service(worker).deploy?.replicas ?? 1).toBeGreaterThanOrEqual(2);
  });
});

describe('search attributes', () => {
  const CLI_TYPE: Record<string, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.TEXT]: 'Text',
    [SearchAttributeType.INT]: 'Int',
    [SearchAttributeType.DOUBLE]: 'Double',
    [SearchAttributeType.BOOL]: 'Bool',
    [SearchAttributeType.DATETIME]: 'Datetime',
    [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
  };
  const admin = searchAttributeStep();
  const script = interpolate(
    [...asArgs(service(admin).entrypoint), ...asArgs(service(admin).command)].join(' '),
  );
  const registered = [...script.matchAll(/--name\s+(\S+)\s+--type\s+(\S+)/g)].map(([, n, t]) => [n, t]);

  test('the admin step registers exactly the attributes the workflow declares, with their types', () => {
    const declared = (Object.values(searchAttributes) as unknown[])
      .filter((v): v is { name: string; type: string } => typeof v === 'object' && v !== null && 'type' in v)
      .map((key) => [key.name, CLI_TYPE[key.type]]);
    const sort = (pairs: string[][]) => [...pairs].sort((x, y) => x[0].localeCompare(y[0]));
    expect(sort(registered)).toEqual(sort(declared));
    expect(sort(registered)).toEqual(sort(searchAttributes.SEARCH_ATTRIBUTE_FLAGS.map(([n, t]) => [n, t])));
  });

  test('in the namespace the API and the worker use, and failing the step when registration fails', () => {
    const { api } = appServices();
    const namespace = /--namespace\s+(\S+)/.exec(script)?.[1];
    expect(namespace).toBe(envOf(api).TEMPORAL_NAMESPACE || 'default');
    expect(script).not.toMatch(/\|\|\s*true/); // a swallowed failure would let the services start without them
  });
});

describe('Dockerfile', () => {
  const run = (stage: typeof runtimeStage) =>
    stage.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);

  test('multi-stage: the build stage installs everything and runs npm run build, which writes the bundle', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const buildStage = stages[0];
    expect(run(buildStage)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^npm ci\b/), 'npm run build']),
    );
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.build).toContain('lib/scripts/build-workflow-bundle.js');
  });

  test('runtime: production dependencies only, the compiled code from the build stage, non-root', () => {
    expect(runtimeStage.from).toMatch(/^node:/);
    expect(run(runtimeStage).some((r) => /^npm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(run(runtimeStage).some((r) => /npm (install|ci)(?!.*--omit=dev)/.test(r))).toBe(false);
    const copies = runtimeStage.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copies).toContain(`--from=${stages[0].name} /app/lib ./lib`);
    const users = runtimeStage.instructions.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
    // Nothing runs as root after the switch.
    const lastUser = runtimeStage.instructions.map((i) => i.op).lastIndexOf('USER');
    expect(runtimeStage.instructions.slice(lastUser).some((i) => i.op === 'RUN')).toBe(false);
  });

  test('every stage runs one Node LTS line, supported through 2027, that package.json engines admits', () => {
    const majors = stages.map((stage) => Number(/^node:(\d+)[-.]/.exec(stage.from)?.[1]));
    expect(new Set(majors).size).toBe(1);
    const [major] = majors;
    expect(major % 2).toBe(0); // even majors become LTS
    expect(major).toBeGreaterThanOrEqual(24); // 22's support ends in April 2027
    const engines = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
    const minimum = Number(/^>=\s*(\d+)$/.exec(engines)?.[1]);
    expect(minimum).toBeGreaterThanOrEqual(22); // no line past its end of life
    expect(major).toBeGreaterThanOrEqual(minimum);
  });

  test('the worker loads the prebuilt bundle: WORKFLOW_BUNDLE_PATH is where npm run build writes it', () => {
    const workdir = runtimeStage.instructions.filter((i) => i.op === 'WORKDIR').at(-1)?.args;
    expect(imageEnv.WORKFLOW_BUNDLE_PATH).toBe(path.posix.join(workdir ?? '/', WORKFLOW_BUNDLE_FILE));
  });

  test('the build context leaves out local dependencies and build output', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'lib', '.local']));
    for (const name of builders) expect({ name, build: service(name).build }).toEqual({ name, build: '.' });
  });

  test('one build: one service builds the image under a name, the others run that image and never pull it', () => {
    expect(builders).toHaveLength(1);
    expect(ownImage).toMatch(/^[a-z0-9][a-z0-9._/-]*:[\w.-]+$/);
    // A registry has no such image: looking it up first would only fail or, worse, find a stranger's.
    expect(service(builders[0]).pull_policy).toBe('build');
    const reusing = built.filter((name) => name !== builders[0]);
    expect(reusing.length).toBeGreaterThan(0);
    for (const name of reusing)
      expect({ name, pull_policy: service(name).pull_policy }).toEqual({ name, pull_policy: 'never' });
    // Each deployed process runs from it, so a process added without the image would fail the env checks.
    expect(built.map((n) => processOf(n).process).sort()).toEqual(
      ['api', 'carrier-simulator', 'smtp-catcher', 'worker'].sort(),
    );
  });
});
