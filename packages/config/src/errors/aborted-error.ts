import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.AbortedError');

/**
 * The adapter itself cancelled a request (for example `close({ mode: 'cancel' })`). A caller's own abort rejects with
 * the caller's `signal.reason` instead, unchanged.
 */
export class AbortedError extends AcptError {
  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super('ACPT_ABORTED', message, { cause: options.cause, retryable: false });
    this.name = 'AbortedError';
    markError(this, marker);
  }

  /** True for any `AbortedError`, across duplicate installs. */
  static override isInstance(error: unknown): error is AbortedError {
    return hasMarker(error, marker);
  }
}
