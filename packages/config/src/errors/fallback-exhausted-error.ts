import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.FallbackExhaustedError');

/** The live path and every fallback failed. Carries each path's error in order. */
export class FallbackExhaustedError extends AcptError {
  /** Errors of the live attempt(s) and of each fallback. */
  readonly attempts: readonly unknown[];

  constructor(attempts: readonly unknown[], options: { readonly message?: string } = {}) {
    super(
      'ACPT_FALLBACK_EXHAUSTED',
      options.message ?? `The request and its ${attempts.length - 1} fallback(s) all failed`,
      {
        cause: attempts.at(-1),
      },
    );
    this.name = 'FallbackExhaustedError';
    this.attempts = attempts;
    markError(this, marker);
  }

  /** True for any `FallbackExhaustedError`, across duplicate installs. */
  static override isInstance(error: unknown): error is FallbackExhaustedError {
    return hasMarker(error, marker);
  }
}
