import type { Usage } from '../contract/chat-response.ts';
import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.TruncatedStreamError');

/** A stream ended without a chunk carrying `finish_reason`. Retryable only if nothing reached the caller. */
export class TruncatedStreamError extends AcptError {
  /** Whether any content had already been delivered to the caller. */
  readonly deliveredContent: boolean;

  constructor(options: {
    readonly deliveredContent: boolean;
    readonly cause?: unknown;
    readonly message?: string;
    /** Usage the stream reported before it was cut, when it did. */
    readonly billedUsage?: Usage;
  }) {
    super('ACPT_STREAM_TRUNCATED', options.message ?? 'The stream ended before a chunk with finish_reason arrived', {
      cause: options.cause,
      retryable: !options.deliveredContent,
      billedUsage: options.billedUsage,
    });
    this.name = 'TruncatedStreamError';
    this.deliveredContent = options.deliveredContent;
    markError(this, marker);
  }

  /** True for any `TruncatedStreamError`, across duplicate installs. */
  static override isInstance(error: unknown): error is TruncatedStreamError {
    return hasMarker(error, marker);
  }
}
