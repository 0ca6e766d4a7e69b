/**
 * Refusals both ways: the typed refusals an update answers its caller with (the API maps each type
 * to a 409), and recognising the carrier's own refusal of a request.
 */
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** Refuses the caller's action with a stable type (a REFUSALS code); never retried. */
export const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/** The carrier said no (HTTP 4xx): the activity failed for good with this type, see activities/index.ts. */
export const carrierRefusal = (err: unknown): ApplicationFailure | undefined =>
  err instanceof ActivityFailure &&
  err.cause instanceof ApplicationFailure &&
  err.cause.type === 'CarrierRequestRefused'
    ? err.cause
    : undefined;
