import { describe, expect, it } from 'vitest';
import { describeError, isAbortError } from './describe-error.ts';
import { TransportHttpError } from './http-error.ts';
import { QueueFullError } from './queue-full-error.ts';
import { RateLimitError } from './rate-limit-error.ts';
import { TimeoutError } from './timeout-error.ts';

describe('describeError', () => {
  it('uses the status for HTTP errors and the kind for 429s', () => {
    const error = new RateLimitError('HTTP 429', { status: 429, url: 'u', kind: 'queue' });
    expect(describeError(error)).toEqual({
      type: '429',
      code: 'ACPT_RATE_LIMITED',
      status: 429,
      rateLimitKind: 'queue',
      message: 'HTTP 429',
      retryable: true,
    });
    expect(describeError(new TransportHttpError('HTTP 500', { status: 500, url: 'u' })).rateLimitKind).toBeUndefined();
  });

  it('uses a fixed word for other acpt errors', () => {
    expect(describeError(new TimeoutError('idle', 10))).toMatchObject({
      type: 'timeout',
      code: 'ACPT_TIMEOUT',
      retryable: true,
    });
    expect(describeError(new QueueFullError(5)).type).toBe('queue_full');
  });

  it('recognises aborts and reduces anything else to _OTHER', () => {
    const abort = new DOMException('stopped', 'AbortError');
    expect(isAbortError(abort)).toBe(true);
    expect(describeError(abort)).toEqual({ type: 'AbortError', message: 'stopped', retryable: false });
    expect(describeError(new Error('x'))).toEqual({ type: '_OTHER', message: 'x', retryable: false });
    expect(describeError('text')).toEqual({ type: '_OTHER', message: 'text', retryable: false });
  });
});
