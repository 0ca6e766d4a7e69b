/**
 * The failure converter of every client, worker and workflow sandbox of the service: a failure's
 * message and stack trace (a carrier's refusal text, which may echo what it was sent, and our code
 * paths) move into its `encodedAttributes` payload, which the payload codec then encrypts, so the
 * history holds "Encoded failure" only. Failures recorded without encoded attributes (older
 * histories, the replay fixtures) still decode as they are.
 *
 * Loaded by path (`DataConverter.failureConverterPath`): the worker bundles it into the workflow
 * sandbox, so it must stay workflow-safe (no Node.js imports).
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
