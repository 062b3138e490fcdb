import { AcptError, hasMarker, markError } from './acpt-error.ts';

/** One problem of a request's per-call options, found before anything was sent. */
export interface RequestIssue {
  /** Dotted path of the option, e.g. `providerOptions.topLogprobs` or `tools[1].function.name`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

const marker = Symbol.for('acpt.error.InvalidRequestError');

/**
 * A request's per-call options are invalid (tools, tool choice, provider options, output schema), as the API would
 * reject them: nothing was sent. Lists every problem at once, each naming the option and the fix. Not retryable.
 */
export class InvalidRequestError extends AcptError {
  /** Every problem found. */
  readonly issues: readonly RequestIssue[];

  constructor(issues: readonly RequestIssue[], options: { readonly cause?: unknown } = {}) {
    const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
    super(
      'ACPT_INVALID_REQUEST',
      `Invalid request options (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
      { cause: options.cause, retryable: false },
    );
    this.name = 'InvalidRequestError';
    this.issues = issues;
    markError(this, marker);
  }

  /** True for any `InvalidRequestError`, across duplicate installs. */
  static override isInstance(error: unknown): error is InvalidRequestError {
    return hasMarker(error, marker);
  }
}
