/**
 * Where and how the API and the worker reach Temporal, from the SDK's standard environment
 * configuration (@temporalio/envconfig), so any deployment — a self-hosted cluster with mTLS,
 * Temporal Cloud with an API key, a local dev server — is chosen by variables alone:
 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS, TEMPORAL_TLS_CLIENT_CERT_PATH /
 * _KEY_PATH (or _DATA), TEMPORAL_TLS_SERVER_CA_CERT_PATH, TEMPORAL_TLS_SERVER_NAME,
 * TEMPORAL_GRPC_META_<HEADER>, or a TOML profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE; the
 * variables override the profile's fields). The same options fit the client's Connection and the
 * worker's NativeConnection. With nothing set: the local dev server, namespace `default`.
 */
import { loadClientConfigProfile, toClientOptions } from '@temporalio/envconfig';
import type { TLSConfig } from '@temporalio/client';

export const DEFAULT_TEMPORAL_ADDRESS = '127.0.0.1:7233';
export const DEFAULT_TEMPORAL_NAMESPACE = 'default';

/** Options accepted by both `Connection.connect` (client) and `NativeConnection.connect` (worker). */
export interface TemporalConnectOptions {
  address: string;
  /** `true`: TLS with the system's roots; an object: mTLS and/or a private CA; absent: plain text. */
  tls?: TLSConfig | boolean;
  apiKey?: string;
  metadata?: Record<string, string>;
}

export interface TemporalTarget {
  namespace: string;
  connectOptions: TemporalConnectOptions;
}

/** Reads the environment (and the TOML profile it names, if any); throws when a named profile is missing. */
export function loadTemporalTarget(env: NodeJS.ProcessEnv = process.env): TemporalTarget {
  const profile = loadClientConfigProfile({ overrideEnvVars: nonEmpty(env) });
  // toClientOptions turns TLS on when certificates are given or an API key is set (Cloud needs TLS).
  const { namespace, connectionOptions } = toClientOptions(profile);
  const { address, tls, apiKey } = connectionOptions;
  const metadata = profile.grpcMeta; // the same headers, typed as strings (both connections accept them)
  return {
    namespace: namespace || DEFAULT_TEMPORAL_NAMESPACE,
    connectOptions: {
      address: address || DEFAULT_TEMPORAL_ADDRESS,
      ...(tls !== undefined && tls !== null ? { tls } : {}),
      ...(apiKey ? { apiKey } : {}),
      ...(metadata && Object.keys(metadata).length > 0 ? { metadata } : {}),
    },
  };
}

/** What to log about a connection: never the key or certificates, only what is in use. */
export function describeTemporalTarget({ namespace, connectOptions }: TemporalTarget): string {
  const security = connectOptions.apiKey
    ? 'TLS + API key'
    : typeof connectOptions.tls === 'object' && connectOptions.tls.clientCertPair
      ? 'mTLS'
      : connectOptions.tls
        ? 'TLS'
        : 'plain text';
  return `${connectOptions.address} (namespace ${namespace}, ${security})`;
}

/** An empty variable counts as unset (compose's `${TEMPORAL_API_KEY:-}` must not switch TLS on). */
function nonEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}
