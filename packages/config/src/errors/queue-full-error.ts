import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.QueueFullError');

/** Backpressure: the adapter's queue is at its limit. Retry later or raise `batching.queueLimit`. */
export class QueueFullError extends AcptError {
  /** The configured queue limit. */
  readonly queueLimit: number;

  constructor(queueLimit: number) {
    super(
      'ACPT_QUEUE_FULL',
      `The request queue is full (${queueLimit} waiting); retry later or raise batching.queueLimit`,
      {
        retryable: true,
      },
    );
    this.name = 'QueueFullError';
    this.queueLimit = queueLimit;
    markError(this, marker);
  }

  /** True for any `QueueFullError`, across duplicate installs. */
  static override isInstance(error: unknown): error is QueueFullError {
    return hasMarker(error, marker);
  }
}
