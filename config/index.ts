/** Every environment variable the services read, with its default (documented in the README). */
import { DEV_FIELD_KEY } from '../security/field-crypto';
import { DEV_PAYLOAD_KEYS, usesDevPayloadKey } from '../security/payload-codec';
import { loadTemporalTarget } from '../temporal/connection';
import { loadWorkerTuning } from './worker';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

export function loadConfig() {
  const production = env.NODE_ENV === 'production';
  const fieldKey = env.PORTIN_FIELD_KEY ?? DEV_FIELD_KEY;
  if (production && fieldKey === DEV_FIELD_KEY) throw new Error('PORTIN_FIELD_KEY must be set in production');
  const payloadKeys = env.PORTIN_PAYLOAD_KEYS ?? DEV_PAYLOAD_KEYS;
  if (production && usesDevPayloadKey(payloadKeys))
    throw new Error('PORTIN_PAYLOAD_KEYS must be set in production, without the development key');
  // The local UI has no login whose token it could pass to the codec endpoint (README).
  const codecAllowAnonymous = env.CODEC_ALLOW_ANONYMOUS === 'true';
  if (production && codecAllowAnonymous) throw new Error('CODEC_ALLOW_ANONYMOUS is refused in production');
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
      webhookSecret: env.CARRIER_WEBHOOK_SECRET ?? 'whsec_bG9jYWwtY2Fycmllci1zZWNyZXQ=',
    },
    smtp: {
      host: env.SMTP_HOST ?? '127.0.0.1',
      port: int('SMTP_PORT', 1025),
      from: env.SMTP_FROM ?? 'Porting <porting@example.test>',
    },
    opsAlertEmail: env.OPS_ALERT_EMAIL ?? 'ops@example.test',
    autoApproveCleanOrders: env.PORTIN_AUTO_APPROVE === 'true',
    demo: {
      customerKey: env.DEMO_CUSTOMER_API_KEY ?? 'demo-customer-key',
      supportKey: env.DEMO_SUPPORT_API_KEY ?? 'demo-support-key',
      opsKey: env.DEMO_OPS_API_KEY ?? 'demo-ops-key',
    },
  };
}
export type Config = ReturnType<typeof loadConfig>;
