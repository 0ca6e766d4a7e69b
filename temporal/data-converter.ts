/**
 * The one DataConverter every Temporal client and worker of the service uses: payloads encrypted
 * with the configured key ring, and failure messages and stack traces turned into such payloads
 * (./failure-converter). A client and a worker must share it, or neither reads the other's payloads.
 */
import type { DataConverter } from '@temporalio/common';
import { loadConfig, type Config } from '../config';
import { createPayloadCodec, parseKeyRing } from '../security/payload-codec';

/**
 * The failure converter's module, for the SDK to `require` (clients, activities) and to bundle into
 * the workflow sandbox. A bundle built ahead of time (`bundleWorkflowCode`) must be given it too:
 * the worker cannot add it to a prebuilt bundle.
 */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

export function createDataConverter(config: Pick<Config, 'payloadKeys'> = loadConfig()): DataConverter {
  return {
    payloadCodecs: [createPayloadCodec(parseKeyRing(config.payloadKeys))],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
