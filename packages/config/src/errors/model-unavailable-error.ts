import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.ModelUnavailableError');

/** Preflight: the configured model is not served by the endpoint (retired or misspelt). */
export class ModelUnavailableError extends AcptError {
  /** The configured model id. */
  readonly model: string;
  /** The ids the endpoint does serve. */
  readonly available: readonly string[];

  constructor(model: string, available: readonly string[], options: { readonly cause?: unknown } = {}) {
    const list = available.length > 0 ? available.join(', ') : '(none listed)';
    super(
      'ACPT_MODEL_UNAVAILABLE',
      `Model "${model}" is not available on this endpoint (it may be retired, e.g. qwen-3-32b since 2026-02-16). ` +
        `Set CEREBRAS_MODEL or "model" in your config to one of: ${list}`,
      { cause: options.cause, retryable: false },
    );
    this.name = 'ModelUnavailableError';
    this.model = model;
    this.available = available;
    markError(this, marker);
  }

  /** True for any `ModelUnavailableError`, across duplicate installs. */
  static override isInstance(error: unknown): error is ModelUnavailableError {
    return hasMarker(error, marker);
  }
}
