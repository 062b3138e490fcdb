import {
  describeError,
  type ErrorType,
  type RetrySettings,
  type RetryStopReason,
  TransportHttpError,
} from '@acpt/config';
import { backoffDelayMs } from './backoff.ts';

/** What to do after a failed attempt. */
export type RetryDecision =
  | {
      readonly retry: true;
      /** The wait before the next attempt, in ms. */
      readonly delayMs: number;
      /** Where the wait came from. */
      readonly delaySource: 'backoff' | 'server';
      /** `error.type` of the failure. */
      readonly reason: ErrorType;
    }
  | { readonly retry: false; readonly reason: RetryStopReason };

/** Facts about the failed attempt that the decision needs. */
export interface RetryContext {
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  /** Time left before the request's deadline, in ms. */
  readonly remainingMs: number;
  /** True when a streamed token already reached the caller. */
  readonly delivered: boolean;
  /** Retry settings in force for this request. */
  readonly settings: RetrySettings;
  /** Uniform random source for jitter. */
  readonly random: () => number;
}

/**
 * Decides whether a failed attempt is retried, following `cerebras-api.md` §7: only retryable errors; never once a
 * stream delivered content; at most `maxRetries`; the server's wait (`retry-after`, rate-limit reset) when it gave
 * one and it is within `maxServerWaitMs`, else exponential backoff with jitter; and never a wait that does not fit
 * in what is left of the deadline (then it stops now, saying why).
 */
export function decideRetry(error: unknown, context: RetryContext): RetryDecision {
  const retryable =
    typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
  if (context.delivered) return { retry: false, reason: 'stream-already-delivered' };
  if (!retryable) return { retry: false, reason: 'not-retryable' };
  if (context.attempt > context.settings.maxRetries) return { retry: false, reason: 'max-retries' };
  const serverWaitMs = TransportHttpError.isInstance(error) ? error.retryAfterMs : undefined;
  if (serverWaitMs !== undefined) {
    if (serverWaitMs > context.settings.maxServerWaitMs || serverWaitMs >= context.remainingMs) {
      return { retry: false, reason: 'server-wait-exceeds-deadline' };
    }
    return { retry: true, delayMs: serverWaitMs, delaySource: 'server', reason: describeError(error).type };
  }
  const delayMs = backoffDelayMs(context.attempt, context.settings, context.random);
  if (delayMs >= context.remainingMs) return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs, delaySource: 'backoff', reason: describeError(error).type };
}
