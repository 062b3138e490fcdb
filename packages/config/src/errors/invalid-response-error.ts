import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.InvalidResponseError');

/** One reason a reply failed validation: a message and, when known, where in the value (Standard Schema style). */
export interface ResponseIssue {
  /** What is wrong. */
  readonly message: string;
  /** Path into the parsed value (`['bits', 2]`); empty or absent for the whole value. */
  readonly path?: readonly PropertyKey[];
}

/**
 * The endpoint answered 2xx with a body that is not the expected JSON, or a reply that failed the caller's schema
 * (then `issues` lists why). Retryable (a replay may be well-formed).
 */
export class InvalidResponseError extends AcptError {
  /** The start of the offending body (at most 512 characters). */
  readonly bodySnippet: string;
  /** Why the reply failed validation (parse error or schema issues); empty when not a validation failure. */
  readonly issues: readonly ResponseIssue[];

  constructor(
    message: string,
    options: {
      readonly bodySnippet?: string;
      readonly cause?: unknown;
      readonly issues?: readonly ResponseIssue[];
    } = {},
  ) {
    super('ACPT_INVALID_RESPONSE', message, { cause: options.cause, retryable: true });
    this.name = 'InvalidResponseError';
    this.bodySnippet = (options.bodySnippet ?? '').slice(0, 512);
    this.issues = options.issues ?? [];
    markError(this, marker);
  }

  /** True for any `InvalidResponseError`, across duplicate installs. */
  static override isInstance(error: unknown): error is InvalidResponseError {
    return hasMarker(error, marker);
  }
}
