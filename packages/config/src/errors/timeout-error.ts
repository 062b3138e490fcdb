import { AcptError, hasMarker, markError } from './acpt-error.ts';

/**
 * Which deadline fired: connecting, waiting for response headers, waiting between stream chunks, or the total
 * deadline over every attempt and wait.
 */
export type TimeoutPhase = 'connect' | 'headers' | 'idle' | 'total';

const marker = Symbol.for('acpt.error.TimeoutError');

/** A deadline fired. Retryable, except the total deadline (nothing is left to retry in). */
export class TimeoutError extends AcptError {
  /** Which deadline. */
  readonly phase: TimeoutPhase;
  /** Its length in ms. */
  readonly timeoutMs: number;

  constructor(
    phase: TimeoutPhase,
    timeoutMs: number,
    options: { readonly cause?: unknown; readonly message?: string } = {},
  ) {
    super('ACPT_TIMEOUT', options.message ?? `The ${phase} timeout of ${timeoutMs} ms fired`, {
      cause: options.cause,
      retryable: phase !== 'total',
    });
    this.name = 'TimeoutError';
    this.phase = phase;
    this.timeoutMs = timeoutMs;
    markError(this, marker);
  }

  /** True for any `TimeoutError`, across duplicate installs. */
  static override isInstance(error: unknown): error is TimeoutError {
    return hasMarker(error, marker);
  }
}
