/**
 * The whole service on real servers for end-to-end tests: FerretDB and the Temporal dev server on
 * free ports with throw-away data, the carrier simulator, an SMTP catcher, a worker with the real
 * activities, and the API. Everything is torn down by `stop()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { answerClientErrors } from '../../api/client-errors';
import { apiTemporalInterceptors } from '../../api/temporal-retry';
import { createLogger } from '../../api/observability';
import type { OrderPolicy } from '../../workflows/messages';
import { createHttpCarrierGateway } from '../../carrier/http-gateway';
import { createSimulator, type RunningSimulator } from '../../carrier-simulator/app';
import { createMongoSimulatorStore } from '../../carrier-simulator/mongo-store';
import { seedIfEmpty } from '../../carrier-simulator/seed';
import { createMailer } from '../../notifications/mailer';
import { startSmtpCatcher, type SmtpCatcher } from '../../notifications/smtp-catcher';
import { createFieldCipher, DEV_FIELD_KEY } from '../../security/field-crypto';
import { connectStore, type Store } from '../../store/connection';
import { seedDemoData } from '../../store/seed';
import { createDataConverter } from '../../temporal/data-converter';
import { cachedWorkflowBundle } from '../../temporal/workflow-bundle-cache';
import {
  freePort,
  startFerretDb,
  startTemporalDevServer,
  type ManagedProcess,
} from '../../scripts/servers/processes';
import { perTestFile } from './per-file';

export const CARRIER_SECRET = 'whsec_ZTJlLXRlc3QtY2Fycmllci1zZWNyZXQ=';
export const KEYS = {
  customerKey: 'e2e-customer',
  secondCustomerKey: 'e2e-second-customer',
  trialCustomerKey: 'e2e-trial-customer',
  supportKey: 'e2e-support',
  opsKey: 'e2e-ops',
};

export interface Stack {
  apiUrl: string;
  temporalAddress: string;
  mongodbUri: string;
  simulatorUrl: string;
  client: Client;
  store: Store;
  mail: SmtpCatcher;
  taskQueue: string;
  /** The `identity` of each worker started (options.workers, default 1). */
  workerIdentities: string[];
  /** The Temporal Web UI (options.temporalUi), which decodes payloads through the API's /codec. */
  temporalUiUrl?: string;
  /** The store (FerretDB) and Temporal dev server processes, for outage tests. */
  servers: { ferretdb: StackServer; temporal: StackServer };
  stop(): Promise<void>;
}

/** One server process of the stack: stop() is an outage, start() brings it back (same port and data). */
export interface StackServer {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startStack(
  options: {
    autoAnswer?: boolean;
    policy?: Partial<OrderPolicy>;
    workers?: number;
    /** Dynamic config of the Temporal dev server, e.g. `limit.historyCount.suggestContinueAsNew`. */
    temporalDynamicConfig?: Record<string, unknown>;
    /** Start the Web UI too, pointed at the API's codec endpoint as `npm start` does. */
    temporalUi?: boolean;
    /**
     * WEBHOOK_ALLOWED_HOSTS while the stack runs (the worker and API read it at each call, as a
     * deployed process reads its environment). Default `127.0.0.1`: the tests' receivers listen there.
     */
    webhookAllowedHosts?: string;
  } = {},
): Promise<Stack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portin-e2e-'));
  const cleanups: Array<() => Promise<unknown> | unknown> = [
    () => rmSync(dir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  const allowedBefore = process.env.WEBHOOK_ALLOWED_HOSTS;
  process.env.WEBHOOK_ALLOWED_HOSTS = options.webhookAllowedHosts ?? '127.0.0.1';
  cleanups.push(() => {
    if (allowedBefore === undefined) delete process.env.WEBHOOK_ALLOWED_HOSTS;
    else process.env.WEBHOOK_ALLOWED_HOSTS = allowedBefore;
  });
  try {
    const [mongoPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const uiPort = options.temporalUi ? await freePort() : undefined;
    // Started through `servers`, so a test can stop one (an outage) and start it again on the same
    // port and data; teardown stops whichever is running by then.
    const launchers = {
      ferretdb: () =>
        startFerretDb({
          port: mongoPort,
          dataDir: path.join(dir, 'ferretdb'),
          logFile: path.join(dir, 'ferretdb.log'),
        }),
      temporal: () =>
        startTemporalDevServer({
          port: temporalPort,
          dbFile: path.join(dir, 'temporal.db'),
          logFile: path.join(dir, 'temporal.log'),
          ...(options.temporalDynamicConfig ? { dynamicConfig: options.temporalDynamicConfig } : {}),
          ...(uiPort ? { uiPort, codecEndpoint: `http://127.0.0.1:${apiPort}/codec` } : {}),
        }),
    };
    const processes: Partial<Record<keyof typeof launchers, ManagedProcess>> = {};
    const control = (name: keyof typeof launchers): StackServer => ({
      async stop() {
        await processes[name]?.stop();
        delete processes[name];
      },
      async start() {
        processes[name] ??= await launchers[name]();
      },
    });
    const servers = { ferretdb: control('ferretdb'), temporal: control('temporal') };
    cleanups.push(
      () => servers.ferretdb.stop(),
      () => servers.temporal.stop(),
    );
    await Promise.all([servers.ferretdb.start(), servers.temporal.start()]);
    const mongodbUri = `mongodb://127.0.0.1:${mongoPort}/portin`;
    const temporalAddress = `127.0.0.1:${temporalPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    const store = await connectStore(mongodbUri);
    cleanups.push(() => store.close());
    await seedDemoData(store, KEYS);

    const simStore = await createMongoSimulatorStore({ uri: mongodbUri });
    cleanups.push(() => simStore.close());
    await seedIfEmpty(simStore);
    const simulator = createSimulator({
      store: simStore,
      eventsUrl: `${apiUrl}/v1/carrier/events`,
      webhookSecret: CARRIER_SECRET,
      delays: { answerMs: 200, portMs: 200 },
      autoAnswer: options.autoAnswer ?? false,
    });
    const runningSim: RunningSimulator = await simulator.start(0);
    cleanups.push(() => runningSim.close());

    const mail = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, dir: path.join(dir, 'mail') });
    cleanups.push(() => mail.close());

    const carrier = createHttpCarrierGateway({ baseUrl: runningSim.url });
    const cipher = createFieldCipher(DEV_FIELD_KEY);
    const mailer = createMailer({
      host: '127.0.0.1',
      port: mail.smtpPort,
      from: 'Porting <porting@example.test>',
    });
    cleanups.push(() => mailer.close());

    const taskQueue = 'port-in-orders-e2e';
    const dataConverter = createDataConverter(); // payloads encrypted as in production
    // `workers` replicas on the one task queue, each with its own connection and identity (the
    // history's events name who ran what); all share the cached bundle of the workflow code.
    const workerIdentities = Array.from({ length: options.workers ?? 1 }, (_, i) => `e2e-worker-${i + 1}`);
    const workflowCode = {
      workflowBundle: {
        codePath: (await cachedWorkflowBundle({ failureConverterPath: dataConverter.failureConverterPath }))
          .codePath,
      },
    };
    for (const identity of workerIdentities) {
      const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
      cleanups.push(() => nativeConnection.close());
      const worker = await Worker.create({
        connection: nativeConnection,
        identity,
        taskQueue,
        ...workflowCode,
        activities: createActivities({ store, carrier, mailer, cipher, opsAlertEmail: 'ops@example.test' }),
        dataConverter,
      });
      const running = worker.run();
      cleanups.push(async () => {
        worker.shutdown();
        await running;
      });
    }

    const connection = await Connection.connect({
      address: temporalAddress,
      interceptors: apiTemporalInterceptors(), // as api/main.ts
    });
    const client = new Client({ connection, dataConverter });
    cleanups.push(() => connection.close());
    const app = createApp({
      store,
      temporal: client,
      cipher,
      carrier,
      carrierWebhookSecret: CARRIER_SECRET,
      taskQueue,
      ...(options.policy ? { policyOverrides: options.policy } : {}),
      // As npm start with the development key: the UI (no login) may decode without an API key.
      ...(uiPort
        ? { codecEndpoint: { corsOrigins: [`http://127.0.0.1:${uiPort}`], allowAnonymous: true } }
        : {}),
      logger: createLogger(process.env.E2E_LOG_LEVEL ?? 'warn'),
      mailer,
      publicUrl: apiUrl,
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(apiPort, '127.0.0.1', () => resolve(s));
    });
    answerClientErrors(server); // as api/server.ts
    cleanups.push(() => new Promise((r) => server.close(r)));

    return {
      apiUrl,
      temporalAddress,
      mongodbUri,
      simulatorUrl: runningSim.url,
      client,
      store,
      mail,
      taskQueue,
      workerIdentities,
      ...(uiPort ? { temporalUiUrl: `http://127.0.0.1:${uiPort}` } : {}),
      servers,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** One stack for a whole test file (see perTestFile). */
export function useStack(options: Parameters<typeof startStack>[0] = {}): Stack {
  return perTestFile(
    'the stack',
    () => startStack(options),
    (stack) => stack.stop(),
    {
      startMs: 180_000,
      stopMs: 60_000,
    },
  );
}
