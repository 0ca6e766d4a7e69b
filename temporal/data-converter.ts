/**
 * The one DataConverter every Temporal client and worker of the service uses: payloads encrypted
 * with the configured key ring. A client and a worker must share it, or neither reads the other's
 * payloads.
 */
import type { DataConverter } from '@temporalio/common';
import { loadConfig, type Config } from '../config';
import { createPayloadCodec, parseKeyRing } from '../security/payload-codec';

export function createDataConverter(config: Pick<Config, 'payloadKeys'> = loadConfig()): DataConverter {
  return { payloadCodecs: [createPayloadCodec(parseKeyRing(config.payloadKeys))] };
}
