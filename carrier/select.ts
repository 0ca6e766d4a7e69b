/**
 * Chooses the CarrierGateway implementation from the environment, so the worker does not know
 * which carrier it talks to. A real carrier adapter is added here as another CARRIER_GATEWAY value.
 */
import type { CarrierGateway } from './gateway';
import { createHttpCarrierGateway } from './http-gateway';

export const DEFAULT_CARRIER_BASE_URL = 'http://127.0.0.1:4010';

export function createCarrierGatewayFromEnv(env: NodeJS.ProcessEnv = process.env): CarrierGateway {
  const kind = env.CARRIER_GATEWAY ?? 'http';
  switch (kind) {
    case 'http':
    case 'simulator':
      return createHttpCarrierGateway({
        baseUrl: env.CARRIER_BASE_URL ?? DEFAULT_CARRIER_BASE_URL,
        apiKey: env.CARRIER_API_KEY || undefined,
        timeoutMs: env.CARRIER_TIMEOUT_MS
          ? positiveInt(env.CARRIER_TIMEOUT_MS, 'CARRIER_TIMEOUT_MS')
          : undefined,
      });
    default:
      throw new Error(`unknown CARRIER_GATEWAY '${kind}' (known: http, simulator)`);
  }
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${value}'`);
  return n;
}
