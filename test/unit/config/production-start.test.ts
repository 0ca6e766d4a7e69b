/**
 * The real entry points (api/main.ts, worker/main.ts) started with NODE_ENV=production and the
 * development defaults: each exits non-zero before connecting to anything, with one message naming
 * every offender. No server is needed: the refusal comes first (the addresses below lead nowhere).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../../../config/development-material';

const ROOT = path.resolve(__dirname, '../../..');

function start(entry: string, env: NodeJS.ProcessEnv) {
  // Only what the machine needs to run node, plus the test's variables: no developer's own settings.
  const base = { PATH: process.env.PATH, HOME: process.env.HOME };
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', entry], {
      cwd: ROOT,
      env: {
        ...base,
        TEMPORAL_ADDRESS: '127.0.0.1:1',
        MONGODB_URI: 'mongodb://127.0.0.1:1/portin?serverSelectionTimeoutMS=500',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not exit within 60 s:\n${output}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('the API refuses to start in production on development material, naming every offender', async () => {
  const { code, output } = await start('api/main.ts', {
    NODE_ENV: 'production',
    CARRIER_WEBHOOK_SECRET: DEV_CARRIER_WEBHOOK_SECRET,
    CODEC_ALLOW_ANONYMOUS: 'true',
    DEMO_OPS_API_KEY: 'demo-ops-key',
    // PORTIN_FIELD_KEY, PORTIN_PAYLOAD_KEYS unset; SEED_DEMO_DATA at its default (on)
  });
  expect(code).not.toBe(0);
  expect(output).toContain('NODE_ENV=production: the api refuses to start');
  for (const name of [
    'PORTIN_FIELD_KEY',
    'PORTIN_PAYLOAD_KEYS',
    'CARRIER_WEBHOOK_SECRET',
    'CODEC_ALLOW_ANONYMOUS',
    'SEED_DEMO_DATA',
    'DEMO_OPS_API_KEY',
  ])
    expect(output).toContain(name);
  expect(output).not.toContain(DEV_CARRIER_WEBHOOK_SECRET);
  expect(output).not.toContain('api listening');
}, 90_000);

test('the worker refuses to start in production on the development keys, naming both', async () => {
  const { code, output } = await start('worker/main.ts', { NODE_ENV: 'production' });
  expect(code).not.toBe(0);
  expect(output).toContain('NODE_ENV=production: the worker refuses to start');
  expect(output).toContain('PORTIN_FIELD_KEY');
  expect(output).toContain('PORTIN_PAYLOAD_KEYS');
  expect(output).not.toContain('worker ready');
}, 90_000);
