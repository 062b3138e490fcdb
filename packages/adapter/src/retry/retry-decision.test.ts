import { InvalidResponseError, TimeoutError, TruncatedStreamError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { httpStatusError, networkError, rateLimitError, unauthorizedError } from '../__fixtures__/errors.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { decideRetry, type RetryContext } from './retry-decision.ts';

const context: RetryContext = {
  attempt: 1,
  remainingMs: 10_000,
  delivered: false,
  settings: testConfig({ retry: { maxServerWaitMs: 5_000 } }).retry,
  random: () => 0.5,
};

describe('decideRetry', () => {
  it('retries retryable errors with backoff', () => {
    for (const error of [
      httpStatusError(500),
      httpStatusError(503),
      networkError(),
      new TimeoutError('headers', 100),
      new InvalidResponseError('bad'),
      new TruncatedStreamError({ deliveredContent: false }),
      rateLimitError('queue'),
    ]) {
      expect(decideRetry(error, context)).toMatchObject({ retry: true, delaySource: 'backoff', delayMs: 50 });
    }
  });

  it('never retries what the contract marks final', () => {
    for (const error of [
      httpStatusError(400),
      unauthorizedError(),
      new TimeoutError('total', 100),
      rateLimitError('token_quota', 'day', 1_000),
      new Error('untyped'),
      new DOMException('aborted', 'AbortError'),
    ]) {
      expect(decideRetry(error, context)).toEqual({ retry: false, reason: 'not-retryable' });
    }
  });

  it('uses the server wait when it fits, and fails now when it does not', () => {
    expect(decideRetry(rateLimitError('token_quota', 'minute', 2_000), context)).toMatchObject({
      retry: true,
      delayMs: 2_000,
      delaySource: 'server',
      reason: '429',
    });
    expect(decideRetry(httpStatusError(503, 2_000), { ...context, remainingMs: 1_500 })).toEqual({
      retry: false,
      reason: 'server-wait-exceeds-deadline',
    });
    expect(decideRetry(httpStatusError(503, 6_000), context)).toEqual({
      retry: false,
      reason: 'server-wait-exceeds-deadline',
    });
  });

  it('stops after the maximum retries, once a stream delivered, or when the backoff does not fit', () => {
    expect(decideRetry(httpStatusError(500), { ...context, attempt: 3 })).toEqual({
      retry: false,
      reason: 'max-retries',
    });
    expect(decideRetry(networkError(), { ...context, delivered: true })).toEqual({
      retry: false,
      reason: 'stream-already-delivered',
    });
    expect(decideRetry(networkError(), { ...context, remainingMs: 40 })).toEqual({ retry: false, reason: 'deadline' });
  });
});
