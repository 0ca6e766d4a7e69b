/**
 * Production refuses development material (config/development-material.ts, applied by loadConfig):
 * each public key, secret, demo key and demo switch is named, all of them in one message, per
 * process; real values pass; outside production nothing is refused.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../config';
import {
  DEV_CARRIER_WEBHOOK_SECRET,
  DevelopmentMaterialError,
  developmentMaterialIn,
  refuseDevelopmentMaterial,
} from '../../../config/development-material';
import { DEV_FIELD_KEY } from '../../../security/field-crypto';
import { DEV_PAYLOAD_KEYS } from '../../../security/payload-codec';

const hex = () => randomBytes(32).toString('hex');
/** What a real production API is given: own secrets, no demo material. */
const clean = (): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  PORTIN_FIELD_KEY: hex(),
  PORTIN_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  CARRIER_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
  SEED_DEMO_DATA: 'false',
});
const devField = Buffer.from(DEV_FIELD_KEY, 'hex');
const devPayload = DEV_PAYLOAD_KEYS.slice('dev:'.length);

/** Each offender on its own, with the variable the message must name. */
const OFFENDERS: [label: string, change: NodeJS.ProcessEnv, names: string][] = [
  ['field key unset', { PORTIN_FIELD_KEY: undefined }, 'PORTIN_FIELD_KEY'],
  ['field key empty', { PORTIN_FIELD_KEY: '' }, 'PORTIN_FIELD_KEY'],
  ['the development field key', { PORTIN_FIELD_KEY: DEV_FIELD_KEY }, 'PORTIN_FIELD_KEY'],
  [
    'the development field key in base64',
    { PORTIN_FIELD_KEY: devField.toString('base64') },
    'PORTIN_FIELD_KEY',
  ],
  ['payload keys unset', { PORTIN_PAYLOAD_KEYS: undefined }, 'PORTIN_PAYLOAD_KEYS'],
  ['the development payload key ring', { PORTIN_PAYLOAD_KEYS: DEV_PAYLOAD_KEYS }, 'PORTIN_PAYLOAD_KEYS'],
  [
    'the development payload key kept as an old key, under another id',
    { PORTIN_PAYLOAD_KEYS: `k2:${randomBytes(32).toString('base64')},old:${devPayload}` },
    'PORTIN_PAYLOAD_KEYS',
  ],
  ['carrier secret unset', { CARRIER_WEBHOOK_SECRET: undefined }, 'CARRIER_WEBHOOK_SECRET'],
  [
    'the development carrier secret',
    { CARRIER_WEBHOOK_SECRET: DEV_CARRIER_WEBHOOK_SECRET },
    'CARRIER_WEBHOOK_SECRET',
  ],
  [
    'the development carrier secret as plain text',
    { CARRIER_WEBHOOK_SECRET: Buffer.from(DEV_CARRIER_WEBHOOK_SECRET.slice(6), 'base64').toString('utf8') },
    'CARRIER_WEBHOOK_SECRET',
  ],
  ['anonymous codec', { CODEC_ALLOW_ANONYMOUS: 'true' }, 'CODEC_ALLOW_ANONYMOUS'],
  ['demo seeding left at its default', { SEED_DEMO_DATA: undefined }, 'SEED_DEMO_DATA'],
  ['demo seeding on', { SEED_DEMO_DATA: 'true' }, 'SEED_DEMO_DATA'],
  ['a demo customer key', { DEMO_CUSTOMER_API_KEY: 'demo-customer-key' }, 'DEMO_CUSTOMER_API_KEY'],
  ['a second demo customer key', { DEMO_SECOND_CUSTOMER_API_KEY: 'x' }, 'DEMO_SECOND_CUSTOMER_API_KEY'],
  ['a demo trial key', { DEMO_TRIAL_CUSTOMER_API_KEY: 'x' }, 'DEMO_TRIAL_CUSTOMER_API_KEY'],
  ['a demo support key', { DEMO_SUPPORT_API_KEY: 'x' }, 'DEMO_SUPPORT_API_KEY'],
  ['a demo ops key', { DEMO_OPS_API_KEY: 'x' }, 'DEMO_OPS_API_KEY'],
  [
    'a webhook allowlist past the SSRF check',
    { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    'WEBHOOK_ALLOWED_HOSTS',
  ],
];
const withChange = (change: NodeJS.ProcessEnv) => {
  const env = { ...clean(), ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete env[k];
  return env;
};

test('a production API with its own secrets and no demo material is not refused', () => {
  expect(developmentMaterialIn(clean(), 'api')).toEqual([]);
  expect(() => refuseDevelopmentMaterial(clean(), 'api')).not.toThrow();
});

test.each(OFFENDERS)('the API refuses %s, naming %s', (_label, change, name) => {
  const found = developmentMaterialIn(withChange(change), 'api');
  expect(found).toEqual([expect.stringContaining(name)]);
  expect(() => refuseDevelopmentMaterial(withChange(change), 'api')).toThrow(name);
});

test('every offender at once: one error naming each, never echoing a value', () => {
  const all = Object.assign({}, ...OFFENDERS.map(([, change]) => change)) as NodeJS.ProcessEnv;
  const env = withChange({
    ...all,
    PORTIN_FIELD_KEY: DEV_FIELD_KEY,
    PORTIN_PAYLOAD_KEYS: DEV_PAYLOAD_KEYS,
    CARRIER_WEBHOOK_SECRET: DEV_CARRIER_WEBHOOK_SECRET,
    SEED_DEMO_DATA: 'true',
  });
  let error: unknown;
  try {
    refuseDevelopmentMaterial(env, 'api');
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(DevelopmentMaterialError);
  const { message, offenders } = error as DevelopmentMaterialError;
  const names = [...new Set(OFFENDERS.map(([, , name]) => name))];
  expect(offenders).toHaveLength(names.length);
  for (const name of names) expect(message).toContain(name);
  expect(message).toContain(`(${names.length})`);
  for (const secret of [DEV_FIELD_KEY, devPayload, DEV_CARRIER_WEBHOOK_SECRET, 'demo-customer-key'])
    expect(message).not.toContain(secret);
});

test('the worker is refused its own material only (the API’s carrier secret, codec and demo switches are not its)', () => {
  const env = withChange({
    PORTIN_FIELD_KEY: DEV_FIELD_KEY,
    PORTIN_PAYLOAD_KEYS: DEV_PAYLOAD_KEYS,
    CARRIER_WEBHOOK_SECRET: undefined,
    SEED_DEMO_DATA: undefined,
  });
  const found = developmentMaterialIn(env, 'worker');
  expect(found).toEqual([
    expect.stringContaining('PORTIN_FIELD_KEY'),
    expect.stringContaining('PORTIN_PAYLOAD_KEYS'),
  ]);
  const { CARRIER_WEBHOOK_SECRET: _c, SEED_DEMO_DATA: _s, ...worker } = clean();
  expect(developmentMaterialIn(worker, 'worker')).toEqual([]);
  // The worker delivers webhooks: an allowlist past the internal-address check is its material too.
  expect(developmentMaterialIn({ ...worker, WEBHOOK_ALLOWED_HOSTS: '10.0.0.5' }, 'worker')).toEqual([
    expect.stringContaining('WEBHOOK_ALLOWED_HOSTS'),
  ]);
});

test('outside production nothing is refused: the development defaults run a laptop', () => {
  expect(() => refuseDevelopmentMaterial({}, 'api')).not.toThrow();
  expect(() => refuseDevelopmentMaterial({ NODE_ENV: 'development' }, 'worker')).not.toThrow();
});

describe('loadConfig applies the check for the process it configures', () => {
  // config/index.ts holds on to the process.env object: change its keys, never replace it.
  const saved = { ...process.env };
  const setEnv = (env: NodeJS.ProcessEnv) => {
    for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
    Object.assign(process.env, env);
  };
  afterEach(() => setEnv(saved));

  test('the API and the worker both throw with every offender named', () => {
    setEnv({ ...saved, NODE_ENV: 'production' });
    for (const k of ['PORTIN_FIELD_KEY', 'PORTIN_PAYLOAD_KEYS', 'CARRIER_WEBHOOK_SECRET', 'SEED_DEMO_DATA'])
      delete process.env[k];
    expect(() => loadConfig('api')).toThrow(
      /PORTIN_FIELD_KEY[\s\S]*PORTIN_PAYLOAD_KEYS[\s\S]*CARRIER_WEBHOOK_SECRET[\s\S]*SEED_DEMO_DATA/,
    );
    expect(() => loadConfig('worker')).toThrow(/PORTIN_FIELD_KEY[\s\S]*PORTIN_PAYLOAD_KEYS/);
  });

  test('with real values the configuration carries them', () => {
    const env = clean();
    setEnv({ ...saved, ...env });
    expect(loadConfig('api')).toMatchObject({
      fieldKey: env.PORTIN_FIELD_KEY,
      payloadKeys: env.PORTIN_PAYLOAD_KEYS,
      carrier: { webhookSecret: env.CARRIER_WEBHOOK_SECRET },
      seedDemoData: false,
      codecEndpoint: { allowAnonymous: false },
    });
  });
});
