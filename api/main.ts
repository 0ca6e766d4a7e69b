/** The API process: connects to the store and Temporal, seeds demo keys, serves HTTP, shuts down gracefully. */
import { Client, Connection } from '@temporalio/client';
import { createCarrierGatewayFromEnv } from '../carrier/select';
import { loadConfig } from '../config';
import {
  DEMO_API_KEY_DEFAULTS,
  DevelopmentMaterialError,
  storedDemoKeyOffenders,
} from '../config/development-material';
import { createFieldCipher } from '../security/field-crypto';
import { connectStore } from '../store/connection';
import { describeMigrations, runStartMigrations } from '../store/start-migrations';
import { findStoredKeys, seedDemoData } from '../store/seed';
import { createDataConverter } from '../temporal/data-converter';
import { createApp } from './app';
import { createMailer } from '../notifications/mailer';
import { createLogger } from './observability';
import { closeOnSignals, startServer } from './server';
import { apiTemporalInterceptors } from './temporal-retry';

async function main() {
  // Production refuses development keys, secrets and demo data before connecting to anything.
  const config = loadConfig('api');
  const store = await connectStore(config.mongodbUri);
  if (config.seedDemoData) await seedDemoData(store, config.demo);
  if (process.env.NODE_ENV === 'production') {
    // A store once seeded keeps the public demo keys: they would still authenticate.
    const demoKeys = await findStoredKeys(store, Object.values(DEMO_API_KEY_DEFAULTS));
    if (demoKeys.length) {
      await store.close();
      throw new DevelopmentMaterialError('api', storedDemoKeyOffenders(demoKeys));
    }
  }
  // Number holds and list slots of items stored before they existed: each backfill scans once per
  // store, then a marker read by _id says it is done (store/start-migrations.ts).
  console.log(`api migrations: ${describeMigrations(await runStartMigrations(store))}`);
  const connection = await Connection.connect({
    ...config.temporal.connectOptions,
    interceptors: apiTemporalInterceptors(), // fail fast (503) when Temporal is unreachable
  });
  const temporal = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: createDataConverter(config),
  });
  const app = createApp({
    logger: createLogger(),
    store,
    temporal,
    cipher: createFieldCipher(config.fieldKey),
    carrier: createCarrierGatewayFromEnv({ ...process.env, CARRIER_BASE_URL: config.carrier.baseUrl }),
    carrierWebhookSecret: config.carrier.webhookSecret,
    taskQueue: config.temporal.taskQueue,
    autoApproveCleanOrders: config.autoApproveCleanOrders,
    codecEndpoint: config.codecEndpoint,
    mailer: createMailer(config.smtp),
    publicUrl: config.api.publicUrl,
  });
  const running = await startServer(app, {
    port: config.api.port,
    host: config.api.host,
    // Temporal first (no new workflow calls), then the store the last requests may still write to.
    onClose: [() => connection.close(), () => store.close()],
    log: (message) => console.log(`api ${message}`),
  });
  console.log(`api listening on ${running.url}`);
  closeOnSignals(running);
}

main().catch((err) => {
  // A refusal of development material is read by an operator: its message, not a stack trace.
  console.error(err instanceof DevelopmentMaterialError ? err.message : err);
  process.exit(1);
});
