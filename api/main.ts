/** The API process: connects to the store and Temporal, seeds demo keys, serves HTTP, shuts down gracefully. */
import { Client, Connection } from '@temporalio/client';
import { createCarrierGatewayFromEnv } from '../carrier/select';
import { loadConfig } from '../config';
import { createFieldCipher } from '../security/field-crypto';
import { connectStore } from '../store/connection';
import { seedDemoData } from '../store/seed';
import { createDataConverter } from '../temporal/data-converter';
import { createApp } from './app';
import { createLogger } from './observability';
import { closeOnSignals, startServer } from './server';
import { apiTemporalInterceptors } from './temporal-retry';

async function main() {
  const config = loadConfig();
  const store = await connectStore(config.mongodbUri);
  if (process.env.SEED_DEMO_DATA !== 'false') await seedDemoData(store, config.demo);
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
  console.error(err);
  process.exit(1);
});
