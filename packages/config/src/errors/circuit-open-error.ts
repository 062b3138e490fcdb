import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.CircuitOpenError');

/** The circuit breaker is open: live calls are refused until the cool-down ends. */
export class CircuitOpenError extends AcptError {
  /** Epoch ms when a probe will be let through. */
  readonly retryAtMs: number;

  constructor(retryAtMs: number, options: { readonly cause?: unknown } = {}) {
    super('ACPT_CIRCUIT_OPEN', `The circuit breaker is open until ${new Date(retryAtMs).toISOString()}`, {
      cause: options.cause,
      retryable: false,
    });
    this.name = 'CircuitOpenError';
    this.retryAtMs = retryAtMs;
    markError(this, marker);
  }

  /** True for any `CircuitOpenError`, across duplicate installs. */
  static override isInstance(error: unknown): error is CircuitOpenError {
    return hasMarker(error, marker);
  }
}
