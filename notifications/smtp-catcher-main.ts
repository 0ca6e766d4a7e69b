/**
 * Runs the SMTP catcher for local development:
 *   npx ts-node --transpile-only notifications/smtp-catcher-main.ts
 * Point the mailer at smtp://127.0.0.1:1025 and read the inbox at http://127.0.0.1:1080/messages.
 */
import { startSmtpCatcher } from './smtp-catcher';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${name} must be a port number between 0 and 65535, got '${raw}'`);
  }
  return port;
}

async function main(): Promise<void> {
  const host = process.env.SMTP_CATCHER_HOST || '127.0.0.1';
  const catcher = await startSmtpCatcher({
    smtpPort: portFromEnv('SMTP_CATCHER_SMTP_PORT', 1025),
    httpPort: portFromEnv('SMTP_CATCHER_HTTP_PORT', 1080),
    dir: process.env.SMTP_CATCHER_DIR || '.local/mail',
    host,
  });
  console.log(
    `smtp catcher: smtp://${host}:${catcher.smtpPort}, inbox http://${host}:${catcher.httpPort}/messages`,
  );

  const stop = (signal: NodeJS.Signals) => {
    console.log(`smtp catcher: ${signal}, stopping`);
    catcher.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('smtp catcher: failed to stop cleanly', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('smtp catcher: failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
