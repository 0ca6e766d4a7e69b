/**
 * The carrier simulator as its own service process. Reads its configuration from the environment
 * (see config.ts), seeds the CSRs on first start, listens on CARRIER_SIM_HOST (127.0.0.1) and shuts down gracefully.
 * Run: `ts-node --transpile-only carrier-simulator/main.ts`.
 */
import pino from 'pino';
import { createSimulator } from './app';
import { readSimulatorConfig } from './config';
import { createMongoSimulatorStore } from './mongo-store';
import { seedIfEmpty } from './seed';

async function main(): Promise<void> {
  const config = readSimulatorConfig(process.env);
  // Belt and braces: the simulator never logs bodies, but should a PIN or account number ever reach a log line, it is masked.
  const logger = pino({
    name: 'carrier-simulator',
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: ['pin', 'accountNumber', '*.pin', '*.accountNumber'], censor: '[redacted]' },
  });

  const store = await createMongoSimulatorStore({ uri: config.mongodbUri, dbName: config.dbName });
  if (await seedIfEmpty(store)) logger.info('seeded the customer service records');

  const simulator = createSimulator({
    store,
    eventsUrl: config.eventsUrl,
    webhookSecret: config.webhookSecret,
    delays: { answerMs: config.answerDelayMs, portMs: config.portDelayMs },
    focLeadBusinessDays: config.focLeadBusinessDays,
    autoAnswer: config.autoAnswer,
    apiKey: config.apiKey,
    logger,
  });
  const running = await simulator.start(config.port, config.host);
  process.stdout.write(`carrier simulator listening on ${running.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second signal: stop waiting
    stopping = true;
    logger.info({ signal }, 'carrier simulator shutting down');
    running
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'carrier simulator shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `carrier simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
