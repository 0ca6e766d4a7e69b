/**
 * Every environment variable the code (or the Temporal SDK on its behalf) reads, with its default
 * and the services a deployment must set it for. The README documents each;
 * test/unit/deploy/compose.test.ts scans the source so none is missing here, then checks that
 * docker-compose.yml sets each in the services listed in its `requiredBy`.
 *
 * `requiredBy`: where the default only works on one machine (a loopback address or bind address, a
 * development secret), where there is none, or where production refuses it. Other variables have
 * defaults that fit a deployment too.
 */
export type DeployedService = 'api' | 'worker' | 'carrier-simulator' | 'smtp-catcher';

export interface EnvVar {
  /** What the code falls back to (for documentation; the code holds the real value). */
  default?: string;
  requiredBy?: readonly DeployedService[];
  /** Read by the Temporal SDK's envconfig (temporal/connection.ts), not by name in our code. */
  temporalSdk?: true;
  /** Used only by `npm start`, the test harness or the CLI, never by a deployed service. */
  localOnly?: true;
}

const optional = (def?: string): EnvVar => (def ? { default: def } : {});
const required = (def: string | undefined, ...requiredBy: DeployedService[]): EnvVar => ({
  ...optional(def),
  requiredBy,
});
const sdk = (def?: string, ...requiredBy: DeployedService[]): EnvVar => ({
  ...optional(def),
  ...(requiredBy.length ? { requiredBy } : {}),
  temporalSdk: true,
});
const local = (def?: string): EnvVar => ({ ...optional(def), localOnly: true });

export const ENV_VARS: Readonly<Record<string, EnvVar>> = {
  // Temporal (the SDK's environment configuration)
  TEMPORAL_ADDRESS: sdk('127.0.0.1:7233', 'api', 'worker'),
  TEMPORAL_NAMESPACE: sdk('default'),
  TEMPORAL_API_KEY: sdk(),
  TEMPORAL_TLS: sdk(),
  TEMPORAL_TLS_CLIENT_CERT_PATH: sdk(),
  TEMPORAL_TLS_CLIENT_KEY_PATH: sdk(),
  TEMPORAL_TLS_CLIENT_CERT_DATA: sdk(),
  TEMPORAL_TLS_CLIENT_KEY_DATA: sdk(),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: sdk(),
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: sdk(),
  TEMPORAL_TLS_SERVER_NAME: sdk(),
  TEMPORAL_PROFILE: sdk('default'),
  TEMPORAL_CONFIG_FILE: sdk('~/.config/temporalio/temporal.toml'),
  TEMPORAL_TASK_QUEUE: optional('port-in-orders'),
  // Worker
  WORKFLOW_BUNDLE_PATH: required(undefined, 'worker'), // the image sets it; else webpack at every start
  WORKER_MAX_CACHED_WORKFLOWS: optional('500'),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: optional('40'),
  WORKER_MAX_CONCURRENT_ACTIVITIES: optional('50'),
  WORKER_SHUTDOWN_GRACE_SECONDS: optional('30'),
  WORKER_METRICS_ADDRESS: optional(),
  // Store and secrets
  NODE_ENV: required(undefined, 'api', 'worker'), // production: development keys refused
  MONGODB_URI: required('mongodb://127.0.0.1:27017/portin', 'api', 'worker', 'carrier-simulator'),
  PORTIN_FIELD_KEY: required('a development key', 'api', 'worker'),
  PORTIN_PAYLOAD_KEYS: required('a development key', 'api', 'worker'),
  // API
  API_HOST: required('127.0.0.1', 'api'),
  API_PORT: optional('3000'),
  API_PUBLIC_URL: optional('http://localhost:3000'),
  API_RATE_LIMIT_PER_MINUTE: optional('600'),
  CODEC_CORS_ORIGINS: optional('http://localhost:8233,http://127.0.0.1:8233'),
  CODEC_ALLOW_ANONYMOUS: optional('false'),
  PORTIN_AUTO_APPROVE: optional('false'),
  SEED_DEMO_DATA: required('true', 'api'), // production: must be false (config/development-material.ts)
  DEMO_CUSTOMER_API_KEY: optional('demo-customer-key'),
  DEMO_SECOND_CUSTOMER_API_KEY: optional('demo-second-customer-key'),
  DEMO_TRIAL_CUSTOMER_API_KEY: optional('demo-trial-customer-key'),
  DEMO_SUPPORT_API_KEY: optional('demo-support-key'),
  DEMO_OPS_API_KEY: optional('demo-ops-key'),
  LOG_LEVEL: optional('info'),
  WEBHOOK_ALLOWED_HOSTS: optional(), // webhook hosts let through though internal (security/outbound-url.ts)
  // Carrier
  CARRIER_GATEWAY: optional('http'),
  CARRIER_BASE_URL: required('http://127.0.0.1:4010', 'api', 'worker'),
  CARRIER_API_KEY: optional(),
  CARRIER_TIMEOUT_MS: optional(),
  CARRIER_WEBHOOK_SECRET: required(
    'a development secret (API); none (simulator)',
    'api',
    'carrier-simulator',
  ),
  // Mail
  SMTP_HOST: required('127.0.0.1', 'worker'),
  SMTP_PORT: optional('1025'),
  SMTP_FROM: optional('Porting <porting@example.test>'),
  OPS_ALERT_EMAIL: optional('ops@example.test'),
  // Carrier simulator
  CARRIER_SIM_HOST: required('127.0.0.1', 'carrier-simulator'),
  CARRIER_SIM_PORT: optional('4010'),
  CARRIER_SIM_MONGODB_URI: optional('MONGODB_URI'),
  CARRIER_EVENTS_URL: required('http://127.0.0.1:3000/v1/carrier/events', 'carrier-simulator'),
  CARRIER_SIM_ANSWER_DELAY_MS: optional('2000'),
  CARRIER_SIM_PORT_DELAY_MS: optional('2000'),
  CARRIER_SIM_FOC_LEAD_BUSINESS_DAYS: optional('3'),
  CARRIER_SIM_AUTO_ANSWER: optional('true'),
  CARRIER_SIM_API_KEY: optional(),
  // SMTP catcher
  SMTP_CATCHER_HOST: required('127.0.0.1', 'smtp-catcher'),
  SMTP_CATCHER_SMTP_PORT: optional('1025'),
  SMTP_CATCHER_HTTP_PORT: optional('1080'),
  SMTP_CATCHER_DIR: optional('.local/mail'),
  // npm start, the test harness, portctl
  TEMPORAL_PORT: local('7233'),
  TEMPORAL_UI_PORT: local('8233'),
  FERRETDB_PORT: local('27117'),
  PORTIN_LOCAL_DIR: local('.local'),
  TEMPORAL_CLI_PATH: local('.local/bin/temporal'),
  FERRETDB_PATH: local('.local/bin/ferretdb'),
  TEMPORAL_TEST_SERVER_PATH: local('.local/bin/temporal-test-server'),
  PORTIN_SUPERVISOR_PID: local(), // set by npm start for its children: whose process it is
  // npm run start:cluster (scripts/cluster, docs/cluster.md)
  CLUSTER_POSTGRES_PORT: local('5433'),
  TEMPORAL_SERVER_PATH: local('.local/bin/temporal-server'),
  TEMPORAL_SQL_TOOL_PATH: local('.local/bin/temporal-sql-tool'),
  API_PROXY_TARGETS: local(), // set by start:cluster for its API proxy: the replicas' host:port list
  PORTCTL_API_URL: local('http://localhost:3000'),
  PORTCTL_API_KEY: local(),
  XDG_CONFIG_HOME: local('~/.config'),
};
