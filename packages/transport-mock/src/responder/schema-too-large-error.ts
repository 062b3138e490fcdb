import { AcptError } from '@acpt/config';

const marker = Symbol.for('acpt.error.SchemaTooLargeError');

/**
 * `jsonFromSchema` refused a schema whose smallest valid value exceeds the generator's bounds (too many values,
 * too deep a nesting, too many bytes), or that cannot be generated at all (recursion through required properties).
 * The mocks answer such a request with a non-retryable `400`, at once, instead of freezing.
 */
export class SchemaTooLargeError extends AcptError {
  /** JSON pointer of the schema location that broke the bound. */
  readonly at: string;

  constructor(at: string, message: string) {
    super('ACPT_CONFIG_INVALID', `The JSON schema cannot be answered within the mock's bounds at ${at}: ${message}`, {
      retryable: false,
    });
    this.name = 'SchemaTooLargeError';
    this.at = at;
    Object.defineProperty(this, marker, { value: true });
  }

  /** True for any `SchemaTooLargeError`, across duplicate installs. */
  static override isInstance(error: unknown): error is SchemaTooLargeError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/** Bounds of one generated value. */
export const SCHEMA_BOUNDS: {
  readonly values: number;
  readonly depth: number;
  readonly bytes: number;
} = { values: 10_000, depth: 32, bytes: 1024 * 1024 };
