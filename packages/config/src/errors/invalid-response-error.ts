import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.InvalidResponseError');

/** The endpoint answered 2xx with a body that is not the expected JSON. Retryable (a replay may be well-formed). */
export class InvalidResponseError extends AcptError {
  /** The start of the offending body (at most 512 characters). */
  readonly bodySnippet: string;

  constructor(message: string, options: { readonly bodySnippet?: string; readonly cause?: unknown } = {}) {
    super('ACPT_INVALID_RESPONSE', message, { cause: options.cause, retryable: true });
    this.name = 'InvalidResponseError';
    this.bodySnippet = (options.bodySnippet ?? '').slice(0, 512);
    markError(this, marker);
  }

  /** True for any `InvalidResponseError`, across duplicate installs. */
  static override isInstance(error: unknown): error is InvalidResponseError {
    return hasMarker(error, marker);
  }
}
