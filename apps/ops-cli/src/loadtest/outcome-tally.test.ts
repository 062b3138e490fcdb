import { RateLimitError, RetryExhaustedError, TimeoutError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { errorKey, isTypedError, OutcomeTally } from './outcome-tally.ts';

describe('isTypedError and errorKey', () => {
  it('accepts acpt errors and aborts, and names anything else untyped', () => {
    const timeout = new TimeoutError('headers', 30_000);
    const abort = new DOMException('stopped', 'AbortError');
    expect([timeout, abort, new TypeError('x'), 'text'].map(isTypedError)).toEqual([true, true, false, false]);
    expect(errorKey(timeout)).toBe('ACPT_TIMEOUT');
    expect(errorKey(abort)).toBe('AbortError');
    expect(errorKey(new TypeError('x'))).toBe('untyped:TypeError');
    expect(errorKey(42)).toBe('untyped:number');
  });

  it('adds the stop reason to exhausted retries', () => {
    const limited = new RateLimitError('429', { status: 429, url: 'http://127.0.0.1/v1', kind: 'queue' });
    expect(errorKey(new RetryExhaustedError('stream-already-delivered', [limited]))).toBe(
      'ACPT_RETRIES_EXHAUSTED (stream-already-delivered)',
    );
  });
});

describe('OutcomeTally', () => {
  it('splits latency by outcome, counts errors by key and keeps at most five untyped samples', () => {
    const tally = new OutcomeTally();
    tally.record({ status: 'resolved', kind: 'succeeded', latencyMs: 10 });
    tally.record({ status: 'resolved', kind: 'fellBack', latencyMs: 2 });
    for (let index = 0; index < 7; index += 1) {
      tally.record({ status: 'rejected', error: new Error(`bug ${index}`), typed: false, latencyMs: 5 });
    }
    tally.record({ status: 'rejected', error: new TimeoutError('total', 1), typed: true, latencyMs: 1 });
    const latency = tally.latency();
    expect([latency.all.count, latency.succeeded.count, latency.fellBack.count, latency.failed.count]).toEqual([
      10, 1, 1, 8,
    ]);
    expect(tally.errorsByCode()).toEqual({ 'untyped:Error': 7, ACPT_TIMEOUT: 1 });
    expect(tally.untypedSamples()).toEqual([
      'Error: bug 0',
      'Error: bug 1',
      'Error: bug 2',
      'Error: bug 3',
      'Error: bug 4',
    ]);
  });
});
