/** The API process: connects to the store and Temporal, seeds demo keys, serves HTTP, shuts down gracefully. */
import { Client, Connection } from '@temporalio/client';
import { createCarrierGatewayFromEnv } from '../carrier/select';
import { loadConfig } from '../config';
import { createFieldCipher } from '../security/field-crypto';
import { connectStore } from '../store/connection';
import { seedDemoData } from '../store/seed';
import { createApp } from './app';
import { createLogger } from './observability';

async function main() {
  const config = loadConfig();
  const store = await connectStore(config.mongodbUri);
  if (process.env.SEED_DEMO_DATA !== 'false') await seedDemoData(store, config.demo);
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const app = createApp({
    logger: createLogger(),
    store,
    temporal,
    cipher: createFieldCipher(config.fieldKey),
    carrier: createCarrierGatewayFromEnv({ ...process.env, CARRIER_BASE_URL: config.carrier.baseUrl }),
    carrierWebhookSecret: config.carrier.webhookSecret,
    taskQueue: config.temporal.taskQueue,
    autoApproveCleanOrders: config.autoApproveCleanOrders,
  });
  const server = app.listen(config.api.port, config.api.host, () =>
    console.log(`api listening on http://${config.api.host}:${config.api.port}`),
  );
  const shutdown = () => {
    server.close(async () => {
      await connection.close();
      await store.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
