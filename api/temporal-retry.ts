/**
 * The gRPC retry policy of the API's Temporal client. The SDK default retries an unreachable server
 * for about 20 s (10 attempts, backoff up to 5 s) before a call fails, so every request would hang
 * that long during a Temporal outage. An API answers better with a quick 503 and Retry-After: four
 * attempts take about a second. Only retryable failures (unavailable, overloaded) are retried, so a
 * slow but reachable Temporal is not cut short.
 */
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

export const API_TEMPORAL_RETRY_ATTEMPTS = 4;

/** For `Connection.connect({ ..., interceptors })`: replaces the SDK's default retry interceptor. */
export const apiTemporalInterceptors = () => [
  makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: API_TEMPORAL_RETRY_ATTEMPTS })),
];
