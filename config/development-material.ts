/**
 * The public development material (keys, secrets, demo API keys, switches) that makes a laptop run
 * without setup, and the check that a production process has none of it in effect. Every value here
 * is published in this repository, so a production process using one is as good as unprotected.
 */
import { DEV_FIELD_KEY, parseKey } from '../security/field-crypto';
import { usesDevPayloadKey } from '../security/payload-codec';
import { secretBytes } from '../security/standard-webhooks';

/** The carrier events secret `npm start` shares between the API and the simulator. */
export const DEV_CARRIER_WEBHOOK_SECRET = 'whsec_bG9jYWwtY2Fycmllci1zZWNyZXQ=';

/** The variables naming the seeded demo API keys. */
export const DEMO_API_KEY_VARS = [
  'DEMO_CUSTOMER_API_KEY',
  'DEMO_SECOND_CUSTOMER_API_KEY',
  'DEMO_TRIAL_CUSTOMER_API_KEY',
  'DEMO_SUPPORT_API_KEY',
  'DEMO_OPS_API_KEY',
] as const;

/** The public demo API keys seeded when their variables are not set (README, Demo accounts and keys). */
export const DEMO_API_KEY_DEFAULTS = {
  customerKey: 'demo-customer-key',
  secondCustomerKey: 'demo-second-customer-key',
  trialCustomerKey: 'demo-trial-customer-key',
  supportKey: 'demo-support-key',
  opsKey: 'demo-ops-key',
} as const;

/** One line per demo key found stored (a database once seeded): each is as good as public. */
export const storedDemoKeyOffenders = (names: string[]): string[] =>
  names.map(
    (name) =>
      `the API key "${name}" in the store is a public demo key (seeded by an earlier run): delete it from api_keys`,
  );

/** The processes of ours that hold secrets (the carrier simulator and SMTP catcher are local tools). */
export type SecretHoldingProcess = 'api' | 'worker';

const sameFieldKey = (raw: string) => {
  try {
    return parseKey(raw).equals(parseKey(DEV_FIELD_KEY));
  } catch {
    return false; // malformed: not the development key (the cipher refuses it at start)
  }
};
const sameCarrierSecret = (raw: string) => secretBytes(raw).equals(secretBytes(DEV_CARRIER_WEBHOOK_SECRET));
const devPayloadKey = (raw: string) => {
  try {
    return usesDevPayloadKey(raw);
  } catch {
    return false; // malformed: the data converter refuses it at start, naming the entry
  }
};
/** What the field key protects, itself and through the keys derived from it (FieldCipher.derive). */
const FIELD_KEY_USES = 'PINs and account numbers, LOA signing links and list cursors';
const unset = (value: string | undefined): value is undefined => value === undefined || value === '';

/**
 * Each piece of development material in effect for the process, one line each saying what and why.
 * Values are never echoed: only the variable and what is wrong with it.
 */
export function developmentMaterialIn(env: NodeJS.ProcessEnv, process: SecretHoldingProcess): string[] {
  const found: string[] = [];
  const fieldKey = env.PORTIN_FIELD_KEY;
  if (unset(fieldKey))
    found.push(
      `PORTIN_FIELD_KEY is not set: ${FIELD_KEY_USES} would be sealed with the public development key`,
    );
  else if (sameFieldKey(fieldKey))
    found.push(
      `PORTIN_FIELD_KEY is the public development key: ${FIELD_KEY_USES} could be opened and forged`,
    );
  const payloadKeys = env.PORTIN_PAYLOAD_KEYS;
  if (unset(payloadKeys))
    found.push(
      'PORTIN_PAYLOAD_KEYS is not set: Temporal payloads would be encrypted with the public development key',
    );
  else if (devPayloadKey(payloadKeys)) found.push('PORTIN_PAYLOAD_KEYS holds the public development key');
  // Both deliver webhooks (the worker for each notice, the API on republish).
  if (!unset(env.WEBHOOK_ALLOWED_HOSTS))
    found.push(
      'WEBHOOK_ALLOWED_HOSTS is set: it lets webhooks past the internal-address check (local development and tests only)',
    );
  if (process !== 'api') return found;

  const carrierSecret = env.CARRIER_WEBHOOK_SECRET;
  if (unset(carrierSecret))
    found.push(
      'CARRIER_WEBHOOK_SECRET is not set: carrier events would be verified with the public development secret',
    );
  else if (sameCarrierSecret(carrierSecret))
    found.push('CARRIER_WEBHOOK_SECRET is the public development secret');
  if (env.CODEC_ALLOW_ANONYMOUS === 'true')
    found.push('CODEC_ALLOW_ANONYMOUS is true: /codec would decrypt payloads for callers without a key');
  if (env.SEED_DEMO_DATA !== 'false')
    found.push(
      'SEED_DEMO_DATA is not false: demo accounts would be seeded with their public API keys (set SEED_DEMO_DATA=false)',
    );
  for (const name of DEMO_API_KEY_VARS)
    if (!unset(env[name])) found.push(`${name} is set: demo API keys are for local runs only`);
  return found;
}

/** Thrown at start: one message naming every offender, so one fix-and-retry is enough. */
export class DevelopmentMaterialError extends Error {
  constructor(
    readonly process: SecretHoldingProcess,
    readonly offenders: string[],
  ) {
    super(
      `NODE_ENV=production: the ${process} refuses to start with development material in effect (${offenders.length}):\n` +
        offenders.map((o) => `  - ${o}`).join('\n'),
    );
    this.name = 'DevelopmentMaterialError';
  }
}

/** In production, throws when any development material is in effect for the process; else nothing. */
export function refuseDevelopmentMaterial(env: NodeJS.ProcessEnv, process: SecretHoldingProcess): void {
  if (env.NODE_ENV !== 'production') return;
  const offenders = developmentMaterialIn(env, process);
  if (offenders.length) throw new DevelopmentMaterialError(process, offenders);
}
