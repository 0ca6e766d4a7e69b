/** Every environment variable the services read, with its default (documented in the README). */
import { DEV_FIELD_KEY } from '../security/field-crypto';
import { DEV_PAYLOAD_KEYS } from '../security/payload-codec';
import { outboundPolicyFromEnv } from '../security/outbound-url';
import { loadTemporalTarget } from '../temporal/connection';
import {
  DEMO_API_KEY_DEFAULTS,
  DEV_CARRIER_WEBHOOK_SECRET,
  refuseDevelopmentMaterial,
  type SecretHoldingProcess,
} from './development-material';
import { loadWorkerTuning } from './worker';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

/**
 * The configuration of a service process. With NODE_ENV=production it throws, naming every offender
 * at once, while any development key, secret, demo key or demo switch is in effect for that process.
 */
export function loadConfig(service: SecretHoldingProcess = 'api') {
  refuseDevelopmentMaterial(env, service);
  outboundPolicyFromEnv(env); // a malformed WEBHOOK_ALLOWED_HOSTS stops the start, not each delivery
  const fieldKey = env.PORTIN_FIELD_KEY || DEV_FIELD_KEY;
  const payloadKeys = env.PORTIN_PAYLOAD_KEYS || DEV_PAYLOAD_KEYS;
  // The local UI has no login whose token it could pass to the codec endpoint (README).
  const codecAllowAnonymous = env.CODEC_ALLOW_ANONYMOUS === 'true';
  const temporal = loadTemporalTarget(env);
  return {
    temporal: {
      // TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS, API key, profiles: the SDK's envconfig (config/temporal.ts).
      address: temporal.connectOptions.address,
      namespace: temporal.namespace,
      connectOptions: temporal.connectOptions,
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'port-in-orders',
    },
    worker: loadWorkerTuning(env),
    mongodbUri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/portin',
    api: {
      host: env.API_HOST ?? '127.0.0.1',
      port: int('API_PORT', 3000),
      publicUrl: env.API_PUBLIC_URL ?? `http://localhost:${int('API_PORT', 3000)}`,
    },
    fieldKey,
    /** Temporal payload encryption keys, `id:key,...`, the first active (security/payload-codec.ts). */
    payloadKeys,
    codecEndpoint: {
      corsOrigins: (env.CODEC_CORS_ORIGINS ?? 'http://localhost:8233,http://127.0.0.1:8233')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      allowAnonymous: codecAllowAnonymous,
    },
    carrier: {
      baseUrl: env.CARRIER_BASE_URL ?? 'http://127.0.0.1:4010',
      webhookSecret: env.CARRIER_WEBHOOK_SECRET || DEV_CARRIER_WEBHOOK_SECRET,
    },
    smtp: {
      host: env.SMTP_HOST ?? '127.0.0.1',
      port: int('SMTP_PORT', 1025),
      from: env.SMTP_FROM ?? 'Porting <porting@example.test>',
    },
    opsAlertEmail: env.OPS_ALERT_EMAIL ?? 'ops@example.test',
    autoApproveCleanOrders: env.PORTIN_AUTO_APPROVE === 'true',
    /** Seeded only when SEED_DEMO_DATA is not `false` (never in production). */
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    demo: {
      customerKey: env.DEMO_CUSTOMER_API_KEY || DEMO_API_KEY_DEFAULTS.customerKey,
      secondCustomerKey: env.DEMO_SECOND_CUSTOMER_API_KEY || DEMO_API_KEY_DEFAULTS.secondCustomerKey,
      trialCustomerKey: env.DEMO_TRIAL_CUSTOMER_API_KEY || DEMO_API_KEY_DEFAULTS.trialCustomerKey,
      supportKey: env.DEMO_SUPPORT_API_KEY || DEMO_API_KEY_DEFAULTS.supportKey,
      opsKey: env.DEMO_OPS_API_KEY || DEMO_API_KEY_DEFAULTS.opsKey,
    },
  };
}
export type Config = ReturnType<typeof loadConfig>;
