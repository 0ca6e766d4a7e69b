/** Every environment variable the services read, with its default (documented in the README). */
import { DEV_FIELD_KEY } from '../security/field-crypto';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

export function loadConfig() {
  const production = env.NODE_ENV === 'production';
  const fieldKey = env.PORTIN_FIELD_KEY ?? DEV_FIELD_KEY;
  if (production && fieldKey === DEV_FIELD_KEY) throw new Error('PORTIN_FIELD_KEY must be set in production');
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'port-in-orders',
    },
    mongodbUri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/portin',
    api: {
      host: env.API_HOST ?? '127.0.0.1',
      port: int('API_PORT', 3000),
      publicUrl: env.API_PUBLIC_URL ?? `http://localhost:${int('API_PORT', 3000)}`,
    },
    fieldKey,
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
