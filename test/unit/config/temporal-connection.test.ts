/**
 * The environment → Temporal connection mapping (temporal/connection.ts), without a server: the
 * SDK's envconfig variables and TOML profiles become options both Connection and NativeConnection take.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from '@temporalio/client';
import type { NativeConnectionOptions } from '@temporalio/worker';
import {
  DEFAULT_TEMPORAL_ADDRESS,
  DEFAULT_TEMPORAL_NAMESPACE,
  describeTemporalTarget,
  loadTemporalTarget,
} from '../../../temporal/connection';

let dir: string;
/** An environment with an empty home, so no ~/.config/temporalio/temporal.toml of the machine leaks in. */
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ HOME: dir, ...vars });
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'portin-envconfig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('nothing set: the local dev server, namespace default, plain text', () => {
  expect(loadTemporalTarget(env())).toEqual({
    namespace: DEFAULT_TEMPORAL_NAMESPACE,
    connectOptions: { address: DEFAULT_TEMPORAL_ADDRESS },
  });
  expect(DEFAULT_TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
  expect(DEFAULT_TEMPORAL_NAMESPACE).toBe('default');
});

test('address and namespace come from TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE', () => {
  const target = loadTemporalTarget(
    env({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'port-in-prod' }),
  );
  expect(target).toEqual({
    namespace: 'port-in-prod',
    connectOptions: { address: 'temporal.internal:7233' },
  });
});

test('an API key (Temporal Cloud) turns TLS on and is passed as the api key', () => {
  const target = loadTemporalTarget(
    env({
      TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233',
      TEMPORAL_NAMESPACE: 'portin.a1b2c',
      TEMPORAL_API_KEY: 'cloud-api-key',
    }),
  );
  expect(target.namespace).toBe('portin.a1b2c');
  expect(target.connectOptions).toEqual({
    address: 'eu-west-1.aws.api.temporal.io:7233',
    apiKey: 'cloud-api-key',
    tls: true,
  });
});

test('client certificate and key paths: mTLS with the files read, plus a private CA and server name', () => {
  const cert = file('client.pem', '-----BEGIN CERTIFICATE-----\nclient\n');
  const key = file('client.key', '-----BEGIN PRIVATE KEY-----\nkey\n');
  const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nca\n');
  const { connectOptions } = loadTemporalTarget(
    env({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: cert,
      TEMPORAL_TLS_CLIENT_KEY_PATH: key,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    }),
  );
  expect(connectOptions.apiKey).toBeUndefined();
  const tls = connectOptions.tls;
  if (typeof tls !== 'object') throw new Error(`expected a TLS config, got ${String(tls)}`);
  expect(Buffer.from(tls.clientCertPair!.crt).toString()).toContain('client');
  expect(Buffer.from(tls.clientCertPair!.key).toString()).toContain('PRIVATE KEY');
  expect(Buffer.from(tls.serverRootCACertificate!).toString()).toContain('ca');
  expect(tls.serverNameOverride).toBe('frontend.temporal.internal');
});

test('TEMPORAL_TLS=true alone: TLS with the system roots, no client certificate', () => {
  const { connectOptions } = loadTemporalTarget(env({ TEMPORAL_TLS: 'true' }));
  expect(connectOptions.tls).toBeTruthy();
  expect(typeof connectOptions.tls === 'object' && connectOptions.tls.clientCertPair).toBeFalsy();
});

test('empty variables count as unset: an empty API key does not switch TLS on', () => {
  const { connectOptions } = loadTemporalTarget(env({ TEMPORAL_API_KEY: '', TEMPORAL_ADDRESS: '' }));
  expect(connectOptions).toEqual({ address: DEFAULT_TEMPORAL_ADDRESS });
});

test('a TOML profile (TEMPORAL_CONFIG_FILE + TEMPORAL_PROFILE), with variables overriding its fields', () => {
  const config = file(
    'temporal.toml',
    [
      '[profile.default]',
      'address = "127.0.0.1:7233"',
      '[profile.cloud]',
      'address = "portin.a1b2c.tmprl.cloud:7233"',
      'namespace = "portin.a1b2c"',
      'api_key = "from-the-file"',
    ].join('\n'),
  );
  const fromFile = loadTemporalTarget(env({ TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'cloud' }));
  expect(fromFile).toEqual({
    namespace: 'portin.a1b2c',
    connectOptions: { address: 'portin.a1b2c.tmprl.cloud:7233', apiKey: 'from-the-file', tls: true },
  });
  const overridden = loadTemporalTarget(
    env({ TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'cloud', TEMPORAL_API_KEY: 'rotated' }),
  );
  expect(overridden.connectOptions.apiKey).toBe('rotated');
  expect(() => loadTemporalTarget(env({ TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'nope' }))).toThrow(
    /nope/,
  );
});

test('TEMPORAL_GRPC_META_* become gRPC headers', () => {
  const { connectOptions } = loadTemporalTarget(env({ TEMPORAL_GRPC_META_X_TENANT: 'acme' }));
  expect(connectOptions.metadata).toEqual({ 'x-tenant': 'acme' });
});

test('the options fit both the client Connection and the worker NativeConnection', () => {
  const { connectOptions } = loadTemporalTarget(env({ TEMPORAL_API_KEY: 'k' }));
  const client: ConnectionOptions = connectOptions; // compile-time: the same object serves both
  const worker: NativeConnectionOptions = connectOptions;
  expect(client).toBe(worker);
});

test('the description names the security in use, never the key', () => {
  const withKey = describeTemporalTarget(loadTemporalTarget(env({ TEMPORAL_API_KEY: 'secret-key-123' })));
  expect(withKey).toBe('127.0.0.1:7233 (namespace default, TLS + API key)');
  expect(withKey).not.toContain('secret-key-123');
  expect(describeTemporalTarget(loadTemporalTarget(env()))).toContain('plain text');
});
