import { AcptError, hasMarker, markError } from './acpt-error.ts';

/** Why retrying stopped. */
export type RetryStopReason =
  | 'max-retries'
  | 'not-retryable'
  | 'deadline'
  | 'server-wait-exceeds-deadline'
  | 'token-budget-exceeds-deadline'
  | 'stream-already-delivered'
  | 'circuit-open';

const marker = Symbol.for('acpt.error.RetryExhaustedError');

/** The adapter gave up on a request; carries every attempt's error in order. */
export class RetryExhaustedError extends AcptError {
  /** Why it stopped. */
  readonly reason: RetryStopReason;
  /** Each attempt's error, first to last. */
  readonly errors: readonly unknown[];
  /** The last attempt's error. */
  readonly lastError: unknown;

  constructor(reason: RetryStopReason, errors: readonly unknown[], options: { readonly message?: string } = {}) {
    const lastError = errors.at(-1);
    const last = lastError instanceof Error ? `: ${lastError.message}` : '';
    super('ACPT_RETRIES_EXHAUSTED', options.message ?? `Gave up after ${errors.length} attempt(s) (${reason})${last}`, {
      cause: lastError,
      retryable: false,
    });
    this.name = 'RetryExhaustedError';
    this.reason = reason;
    this.errors = errors;
    this.lastError = lastError;
    markError(this, marker);
  }

  /** True for any `RetryExhaustedError`, across duplicate installs. */
  static override isInstance(error: unknown): error is RetryExhaustedError {
    return hasMarker(error, marker);
  }
}
