import { AcptError, hasMarker, markError } from './acpt-error.ts';

/**
 * Why no usable key could be had: the provider threw (`provider-failed`), did not answer within its own time limit
 * (`provider-timeout`), returned nothing (`empty`) or something that is not a key (`malformed`), or a key file was
 * refused (`file-rejected`: missing, world-readable, empty, too large).
 */
export type ApiKeyProblem = 'provider-failed' | 'provider-timeout' | 'empty' | 'malformed' | 'file-rejected';

const marker = Symbol.for('acpt.error.ApiKeyError');

/**
 * The API key could not be obtained from its provider or file. The message names the source and the problem, never
 * a key. Retryable when the provider failed or hung (a later call may succeed); not for a malformed or refused key.
 */
export class ApiKeyError extends AcptError {
  /** What went wrong. */
  readonly problem: ApiKeyProblem;
  /** Where the key was to come from (`file /run/secrets/key`, `provider`, …). */
  readonly source: string;

  constructor(
    problem: ApiKeyProblem,
    message: string,
    options: { readonly source: string; readonly cause?: unknown; readonly retryable?: boolean },
  ) {
    super('ACPT_API_KEY', message, {
      cause: options.cause,
      retryable: options.retryable ?? (problem === 'provider-failed' || problem === 'provider-timeout'),
    });
    this.name = 'ApiKeyError';
    this.problem = problem;
    this.source = options.source;
    markError(this, marker);
  }

  /** True for any `ApiKeyError`, across duplicate installs. */
  static override isInstance(error: unknown): error is ApiKeyError {
    return hasMarker(error, marker);
  }
}
