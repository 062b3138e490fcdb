import { AcptError, hasMarker, markError } from './acpt-error.ts';

/** Where a configuration value came from. */
export type ConfigSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'preset'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'override' };

/** One problem of a configuration. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `retry.jitter`. */
  readonly path: string;
  /** What the field must be, e.g. `a number from 0 to 1`. */
  readonly expected: string;
  /** What was given, rendered safely (`[redacted]` for secrets). */
  readonly received: string;
  /** Where the bad value came from. */
  readonly source: ConfigSource;
  /** A one-line explanation, with how to fix it where that is known. */
  readonly message: string;
}

const marker = Symbol.for('acpt.error.AcptConfigError');

/** Renders a source for messages: `default`, `preset batch`, `file ./acpt.json`, `env ACPT_JITTER`, `override`. */
export function describeConfigSource(source: ConfigSource): string {
  switch (source.kind) {
    case 'preset':
      return `preset ${source.name}`;
    case 'file':
      return `file ${source.path}`;
    case 'env':
      return `env ${source.name}`;
    default:
      return source.kind;
  }
}

/**
 * A configuration is invalid. Lists every problem at once, each with its path, what was expected, what was received
 * (secrets as `[redacted]`) and the source it came from.
 */
export class AcptConfigError extends AcptError {
  /** Every problem found. */
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options: { readonly cause?: unknown } = {}) {
    const lines = issues.map(
      (issue) => `  - ${issue.path || '(root)'} (${describeConfigSource(issue.source)}): ${issue.message}`,
    );
    super(
      'ACPT_CONFIG_INVALID',
      `Invalid acpt configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
      options,
    );
    this.name = 'AcptConfigError';
    this.issues = issues;
    markError(this, marker);
  }

  /** True for any `AcptConfigError`, across duplicate installs. */
  static override isInstance(error: unknown): error is AcptConfigError {
    return hasMarker(error, marker);
  }
}

/** The name the issues use for the configuration error class. */
export { AcptConfigError as ConfigError };
