import type { Usage } from '../contract/chat-response.ts';

/** Stable, documented error codes of the acpt family. Match on these, not on classes or messages. */
export type AcptErrorCode =
  | 'ACPT_CONFIG_INVALID'
  | 'ACPT_HTTP_STATUS'
  | 'ACPT_AUTHENTICATION'
  | 'ACPT_NOT_FOUND'
  | 'ACPT_MODEL_UNAVAILABLE'
  | 'ACPT_RATE_LIMITED'
  | 'ACPT_NETWORK'
  | 'ACPT_TIMEOUT'
  | 'ACPT_STREAM_TRUNCATED'
  | 'ACPT_INVALID_RESPONSE'
  | 'ACPT_INVALID_REQUEST'
  | 'ACPT_BUDGET_EXCEEDED'
  | 'ACPT_RETRIES_EXHAUSTED'
  | 'ACPT_FALLBACK_EXHAUSTED'
  | 'ACPT_QUEUE_FULL'
  | 'ACPT_CIRCUIT_OPEN'
  | 'ACPT_ABORTED'
  | 'ACPT_API_KEY'
  | 'ACPT_PROXY'
  | 'ACPT_SPEND_LIMIT';

const acptErrorMarker = Symbol.for('acpt.error');

/** Options every acpt error accepts. */
export interface AcptErrorOptions {
  /** The underlying error. */
  readonly cause?: unknown;
  /** Overrides the class's default retryability. */
  readonly retryable?: boolean;
  /** Tokens the server billed for the failed call, when it reported them (a stream cut after its usage chunk). */
  readonly billedUsage?: Usage;
}

/**
 * Base of every error the acpt packages throw: a stable `code`, whether a retry may succeed, and the `cause`.
 * `AcptError.isInstance(x)` works across duplicate installs of `@acpt/config`, where `instanceof` does not.
 */
export class AcptError extends Error {
  /** Stable machine-readable code. */
  readonly code: AcptErrorCode;
  /** Whether retrying the same request may succeed. */
  readonly retryable: boolean;
  /** Tokens the server billed for the failed call, when known: cost accounting counts them. */
  declare readonly billedUsage?: Usage;

  constructor(code: AcptErrorCode, message: string, options: AcptErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AcptError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    if (options.billedUsage !== undefined) {
      Object.defineProperty(this, 'billedUsage', { value: options.billedUsage, enumerable: true });
    }
    markError(this, acptErrorMarker);
  }

  /** True for any acpt error, whichever copy of this package created it. */
  static isInstance(error: unknown): error is AcptError {
    return hasMarker(error, acptErrorMarker);
  }
}

/** True when `error` carries the given `Symbol.for` marker (own or inherited). */
export function hasMarker(error: unknown, marker: symbol): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
}

/** Brands an error with a `Symbol.for` marker, non-enumerable so it never shows in JSON or inspect output. */
export function markError(error: Error, marker: symbol): void {
  Object.defineProperty(error, marker, { value: true, enumerable: false });
}
