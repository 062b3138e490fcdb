import type { RateLimitWindowName } from '../contract/rate-limit.ts';
import { hasMarker, markError } from './acpt-error.ts';
import { type HttpErrorDetails, TransportHttpError } from './http-error.ts';

/**
 * Which 429 it was: your request quota, your token quota, or Cerebras' own capacity (`queue_exceeded`).
 * `unknown` when the body named none of them.
 */
export type RateLimitKind = 'request_quota' | 'token_quota' | 'queue' | 'unknown';

/** What a 429 carries besides the HTTP details. */
export interface RateLimitDetails extends HttpErrorDetails {
  /** Which limit was hit. */
  readonly kind: RateLimitKind;
  /** Which window, when the message or headers tell (a `day` window is not retryable). */
  readonly window?: RateLimitWindowName;
}

const marker = Symbol.for('acpt.error.RateLimitError');

/** 429: a quota or the queue is full. Retryable unless a per-day quota is exhausted. */
export class RateLimitError extends TransportHttpError {
  /** Which limit was hit. */
  readonly kind: RateLimitKind;
  /** The window, when known. */
  readonly window: RateLimitWindowName | undefined;

  constructor(message: string, details: RateLimitDetails) {
    super(message, { ...details, retryable: details.retryable ?? details.window !== 'day' }, 'ACPT_RATE_LIMITED');
    this.name = 'RateLimitError';
    this.kind = details.kind;
    this.window = details.window;
    markError(this, marker);
  }

  /** True for any `RateLimitError`, across duplicate installs. */
  static override isInstance(error: unknown): error is RateLimitError {
    return hasMarker(error, marker);
  }
}
