import { describe, expect, it } from 'vitest';
import { AbortedError } from './aborted-error.ts';
import { AcptError, hasMarker, markError } from './acpt-error.ts';
import { BudgetExceededError } from './budget-exceeded-error.ts';
import { CircuitOpenError } from './circuit-open-error.ts';
import { AcptConfigError } from './config-error.ts';
import { FallbackExhaustedError } from './fallback-exhausted-error.ts';
import { InvalidResponseError } from './invalid-response-error.ts';
import { ModelUnavailableError } from './model-unavailable-error.ts';
import { TransportNetworkError } from './network-error.ts';
import { QueueFullError } from './queue-full-error.ts';
import { RetryExhaustedError } from './retry-exhausted-error.ts';
import { SpendLimitError } from './spend-limit-error.ts';
import { TimeoutError } from './timeout-error.ts';
import { TruncatedStreamError } from './truncated-stream-error.ts';

/** Each class with one instance, its code and its default retryability. */
const cases = [
  [AbortedError, new AbortedError('stop'), 'ACPT_ABORTED', false],
  [BudgetExceededError, new BudgetExceededError(100, 150.4), 'ACPT_BUDGET_EXCEEDED', false],
  [CircuitOpenError, new CircuitOpenError(0), 'ACPT_CIRCUIT_OPEN', false],
  [AcptConfigError, new AcptConfigError([]), 'ACPT_CONFIG_INVALID', false],
  [
    FallbackExhaustedError,
    new FallbackExhaustedError([new Error('a'), new Error('b')]),
    'ACPT_FALLBACK_EXHAUSTED',
    false,
  ],
  [InvalidResponseError, new InvalidResponseError('bad json'), 'ACPT_INVALID_RESPONSE', true],
  [ModelUnavailableError, new ModelUnavailableError('qwen-3-32b', ['gpt-oss-120b']), 'ACPT_MODEL_UNAVAILABLE', false],
  [TransportNetworkError, new TransportNetworkError('reset'), 'ACPT_NETWORK', true],
  [QueueFullError, new QueueFullError(10), 'ACPT_QUEUE_FULL', true],
  [RetryExhaustedError, new RetryExhaustedError('max-retries', [new Error('x')]), 'ACPT_RETRIES_EXHAUSTED', false],
  [
    SpendLimitError,
    new SpendLimitError(
      { admitted: false, limit: 'total', limitUsd: 1, spentUsd: 0.9, reservedUsd: 0.05, requestedUsd: 0.1 },
      'gpt-oss-120b',
    ),
    'ACPT_SPEND_LIMIT',
    false,
  ],
  [TimeoutError, new TimeoutError('headers', 1000), 'ACPT_TIMEOUT', true],
  [TruncatedStreamError, new TruncatedStreamError({ deliveredContent: false }), 'ACPT_STREAM_TRUNCATED', true],
] as const;

describe('the acpt error family', () => {
  it.each(cases)('%o has its code, retryability, name and markers', (errorClass, error, code, retryable) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.name).toBe(errorClass.name);
    expect(AcptError.isInstance(error)).toBe(true);
    expect(errorClass.isInstance(error)).toBe(true);
    const others = cases.filter(([other]) => other !== errorClass).map(([other]) => other);
    for (const other of others) expect(other.isInstance(error)).toBe(false);
  });

  it('recognises errors from a duplicate install by their Symbol.for markers, not by class', () => {
    const foreign = new Error('from another copy of @acpt/config');
    markError(foreign, Symbol.for('acpt.error'));
    markError(foreign, Symbol.for('acpt.error.TimeoutError'));
    expect(foreign instanceof TimeoutError).toBe(false);
    expect(AcptError.isInstance(foreign)).toBe(true);
    expect(TimeoutError.isInstance(foreign)).toBe(true);
    expect(RetryExhaustedError.isInstance(foreign)).toBe(false);
  });

  it('keeps markers out of JSON and key listings', () => {
    const error = new TimeoutError('idle', 5);
    for (const symbol of Object.getOwnPropertySymbols(error)) {
      expect(Object.getOwnPropertyDescriptor(error, symbol)?.enumerable).toBe(false);
    }
    expect(JSON.stringify(error)).not.toContain('acpt.error');
    expect(hasMarker(error, Symbol.for('acpt.error.TimeoutError'))).toBe(true);
  });

  it.each([null, undefined, 'error', 42, {}, new Error('plain')])('refuses %o', (value) => {
    expect(AcptError.isInstance(value)).toBe(false);
  });

  it('carries the cause and lets options override retryability', () => {
    const cause = new Error('socket');
    const error = new TransportNetworkError('reset', { cause, undiciCode: 'UND_ERR_SOCKET', retryable: false });
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(false);
    expect(error.undiciCode).toBe('UND_ERR_SOCKET');
    expect(new AcptError('ACPT_NETWORK', 'x').cause).toBeUndefined();
  });

  it('derives retryability from the details where the class says so', () => {
    expect(new TimeoutError('total', 1).retryable).toBe(false);
    expect(new TruncatedStreamError({ deliveredContent: true }).retryable).toBe(false);
    expect(new RetryExhaustedError('deadline', []).lastError).toBeUndefined();
    expect(new FallbackExhaustedError([1, 2]).cause).toBe(2);
    expect(new InvalidResponseError('x', { bodySnippet: 'y'.repeat(600) }).bodySnippet).toHaveLength(512);
  });
});
