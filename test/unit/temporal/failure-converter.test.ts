/**
 * Failure messages and stack traces (a carrier's refusal text, our code paths) reach Temporal only
 * inside the failure's encrypted `encodedAttributes` payload; the service's data converter restores
 * them on the way back. Failures recorded before (no encoded attributes) decode as they are.
 */
import { randomBytes } from 'node:crypto';
import { ApplicationFailure, type LoadedDataConverter, type ProtoFailure } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError,
  encodeErrorToFailure,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import {
  DEV_PAYLOAD_KEYS,
  ENCRYPTED_ENCODING,
  PayloadDecryptionError,
} from '../../../security/payload-codec';
import { createDataConverter, FAILURE_CONVERTER_PATH } from '../../../temporal/data-converter';
import { failureConverter } from '../../../temporal/failure-converter';

const converter: LoadedDataConverter = loadDataConverter(
  createDataConverter({ payloadKeys: DEV_PAYLOAD_KEYS }),
);
const REFUSAL = 'carrier refused POST /port-requests: no account 918273645 for Grace Hopperfield';
const CAUSE = 'socket hang up talking to carrier.example.test';
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');
/** The failure as the server stores it. */
const wire = (failure: ProtoFailure) =>
  Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish()).toString('latin1');

const refusal = () =>
  ApplicationFailure.create({
    message: REFUSAL,
    type: 'CarrierRequestRefused',
    nonRetryable: true,
    details: [{ code: 'incorrect_account_number' }],
    cause: new Error(CAUSE),
  });

test('the SDK loads the encoding failure converter from the data converter’s path', () => {
  expect(createDataConverter({ payloadKeys: DEV_PAYLOAD_KEYS }).failureConverterPath).toBe(
    FAILURE_CONVERTER_PATH,
  );
  expect(converter.failureConverter).toBe(failureConverter);
  expect(failureConverter).toMatchObject({ options: { encodeCommonAttributes: true } });
});

test('message and stack trace leave the process only as an encrypted payload, causes included', async () => {
  const failure = await encodeErrorToFailure(converter, refusal());
  for (const f of [failure, failure.cause!]) {
    expect(f.message).toBe('Encoded failure');
    expect(f.stackTrace).toBe('');
    expect(text(f.encodedAttributes?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
  }
  // What the failure is stays readable for Temporal: its type and retry policy.
  expect(failure.applicationFailureInfo).toMatchObject({ type: 'CarrierRequestRefused', nonRetryable: true });
  const stored = wire(failure);
  for (const secret of [REFUSAL, '918273645', 'Hopperfield', CAUSE, 'failure-converter.test'])
    expect(stored).not.toContain(secret);
});

test('round trip: the decoded error has the original message, stack trace, type, details and cause', async () => {
  const original = refusal();
  const decoded = await decodeOptionalFailureToOptionalError(
    converter,
    await encodeErrorToFailure(converter, original),
  );
  expect(decoded).toBeInstanceOf(ApplicationFailure);
  const failure = decoded as ApplicationFailure;
  expect(failure).toMatchObject({
    message: REFUSAL,
    type: 'CarrierRequestRefused',
    nonRetryable: true,
    details: [{ code: 'incorrect_account_number' }],
  });
  expect(failure.stack).toContain('failure-converter.test');
  expect(failure.cause?.message).toBe(CAUSE);
});

test('a failure recorded without encoded attributes (older histories) decodes as it is', async () => {
  const recorded: ProtoFailure = {
    message: 'carrier refused: malformed LSR',
    stackTrace: 'at submitToCarrier (activities/index.ts:125:9)',
    applicationFailureInfo: { type: 'CarrierRequestRefused', nonRetryable: true },
  };
  const decoded = await decodeOptionalFailureToOptionalError(converter, recorded);
  expect(decoded).toBeInstanceOf(ApplicationFailure);
  expect(decoded).toMatchObject({ message: 'carrier refused: malformed LSR', type: 'CarrierRequestRefused' });
  expect(decoded?.stack).toBe('at submitToCarrier (activities/index.ts:125:9)');
});

test('another key ring cannot read the message: decoding fails naming the key id', async () => {
  const failure = await encodeErrorToFailure(converter, refusal());
  const other = loadDataConverter(
    createDataConverter({ payloadKeys: `other:${randomBytes(32).toString('base64')}` }),
  );
  const err = await decodeOptionalFailureToOptionalError(other, failure).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PayloadDecryptionError);
  expect((err as PayloadDecryptionError).code).toBe('unknown_key_id');
});
