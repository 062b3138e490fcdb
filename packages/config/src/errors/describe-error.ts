import type { EventError } from '../contract/adapter-events.ts';
import { AcptError } from './acpt-error.ts';
import { TransportHttpError } from './http-error.ts';
import { RateLimitError } from './rate-limit-error.ts';

const typeByCode: Readonly<Record<string, string>> = {
  ACPT_TIMEOUT: 'timeout',
  ACPT_BUDGET_EXCEEDED: 'budget_exceeded',
  ACPT_NETWORK: 'network',
  ACPT_INVALID_RESPONSE: 'invalid_response',
  ACPT_INVALID_REQUEST: 'invalid_request',
  ACPT_STREAM_TRUNCATED: 'stream_truncated',
  ACPT_QUEUE_FULL: 'queue_full',
  ACPT_CIRCUIT_OPEN: 'circuit_open',
  ACPT_ABORTED: 'AbortError',
  ACPT_API_KEY: 'api_key',
  ACPT_PROXY: 'proxy',
  ACPT_SPEND_LIMIT: 'spend_limit',
};

/** True for an abort: a DOM `AbortError`, or any error named `AbortError`. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Reduces any error to the safe, low-cardinality shape events and diagnostics carry: `error.type` is the HTTP status
 * for HTTP errors, a fixed word for other acpt errors, `AbortError` for aborts and `_OTHER` for anything untyped.
 */
export function describeError(error: unknown): EventError {
  if (TransportHttpError.isInstance(error)) {
    return {
      type: String(error.status),
      code: error.code,
      status: error.status,
      rateLimitKind: RateLimitError.isInstance(error) ? error.kind : undefined,
      message: error.message,
      retryable: error.retryable,
    };
  }
  if (AcptError.isInstance(error)) {
    return {
      type: typeByCode[error.code] ?? '_OTHER',
      code: error.code,
      message: error.message,
      retryable: error.retryable,
    };
  }
  if (isAbortError(error)) return { type: 'AbortError', message: (error as Error).message, retryable: false };
  return { type: '_OTHER', message: error instanceof Error ? error.message : String(error), retryable: false };
}
