import { FallbackExhaustedError, RetryExhaustedError, TimeoutError, type TransportHttpError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpStatusError, networkError, rateLimitError, unauthorizedError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it('retries retryable failures with jittered exponential backoff, then succeeds', async () => {
    const { adapter, live, of } = harness({
      live: [
        { kind: 'error', error: httpStatusError(500) },
        { kind: 'error', error: networkError() },
        { kind: 'ok', text: 'ok' },
      ],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(49);
    expect(live?.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(live?.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    expect((await result).value).toMatchObject({ text: 'ok', attempts: 3 });
    expect(of('retry-scheduled')).toMatchObject([
      { nextAttempt: 2, delayMs: 50, reason: '500', delaySource: 'backoff' },
      { nextAttempt: 3, delayMs: 100, reason: 'network', delaySource: 'backoff' },
    ]);
    expect(of('attempt-error').map((event) => event.willRetry)).toEqual([true, true]);
    expect(adapter.diagnostics().retriesByReason).toEqual({ '500': 1, network: 1 });
  });

  it('rejects with a retries-exhausted error carrying every attempt error when the policy is throw', async () => {
    const { adapter, of } = harness({ live: [{ kind: 'error', error: httpStatusError(503) }] });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(1_000);
    const { error } = await result;
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    expect((error as RetryExhaustedError).reason).toBe('max-retries');
    expect((error as RetryExhaustedError).errors.map((entry) => (entry as TransportHttpError).status)).toEqual([
      503, 503, 503,
    ]);
    expect(of('request-end')).toMatchObject([
      { outcome: 'error', attempts: 3, error: { type: '503', status: 503, code: 'ACPT_RETRIES_EXHAUSTED' } },
    ]);
    expect(adapter.diagnostics().counts).toMatchObject({ submitted: 1, failed: 1, inFlight: 0 });
  });

  it('does not retry a per-day quota or a 401, and redacts the key from what it reports', async () => {
    const { adapter, live, of } = harness({
      live: [
        { kind: 'error', error: rateLimitError('token_quota', 'day', 33_000_000) },
        { kind: 'error', error: unauthorizedError() },
      ],
    });
    const first = await settle(adapter.generate('a'));
    expect((first.error as RetryExhaustedError).reason).toBe('not-retryable');
    const second = await settle(adapter.generate('b'));
    // A wrong key is a configuration failure: it rejects with its own typed error.
    expect(second.error).toMatchObject({ name: 'AuthenticationError', status: 401 });
    expect(live?.calls).toHaveLength(2);
    expect(of('retry-scheduled')).toEqual([]);
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.rateLimits.byKind.token_quota).toBe(1);
    const serialised = JSON.stringify([diagnostics, of('attempt-error'), of('request-end')]);
    expect(serialised).not.toContain('csk-test-secret-key-0000');
    expect(serialised).toContain('Bearer [redacted]');
  });

  it('waits what the server asked for when it fits the deadline', async () => {
    const { adapter, live, of } = harness({
      live: [{ kind: 'error', error: rateLimitError('request_quota', 'minute', 3_000) }, { kind: 'ok' }],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(live?.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).value?.attempts).toBe(2);
    expect(of('retry-scheduled')).toMatchObject([{ delayMs: 3_000, delaySource: 'server', reason: '429' }]);
  });

  it('fails at once when the server wait does not fit in the remaining deadline', async () => {
    const { adapter, live } = harness({
      config: { timeouts: { totalMs: 2_000 } },
      live: [{ kind: 'error', error: rateLimitError('token_quota', 'minute', 5_000), latencyMs: 10 }, { kind: 'ok' }],
    });
    const startedAt = Date.now();
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(10);
    const { error } = await result;
    expect((error as RetryExhaustedError).reason).toBe('server-wait-exceeds-deadline');
    expect(live?.calls).toHaveLength(1);
    expect(Date.now() - startedAt).toBe(10);
  });

  it('turns the total deadline into TimeoutError("total") and aborts the transport call', async () => {
    const { adapter, live, of } = harness({ config: { timeouts: { totalMs: 1_000 } }, live: [{ kind: 'hang' }] });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(1_000);
    const { error } = await result;
    expect(TimeoutError.isInstance(error) && error.phase === 'total').toBe(true);
    expect(live?.calls[0]?.signal?.aborted).toBe(true);
    expect(of('attempt-error')).toMatchObject([{ error: { type: 'timeout' }, willRetry: false }]);
    expect(of('request-end')).toMatchObject([{ outcome: 'error', error: { type: 'timeout' } }]);
  });

  it('rejects a caller abort with the caller reason, never retrying', async () => {
    const { adapter, live, of } = harness({ live: [{ kind: 'hang' }] });
    const controller = new AbortController();
    const result = settle(adapter.generate('hi', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5);
    const reason = new Error('user gave up');
    controller.abort(reason);
    expect((await result).error).toBe(reason);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(live?.calls).toHaveLength(1);
    expect(of('request-end')).toMatchObject([{ outcome: 'aborted' }]);
    expect(adapter.diagnostics().counts).toMatchObject({ aborted: 1, failed: 0, inFlight: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once for an already aborted signal without calling the transport', async () => {
    const { adapter, live } = harness({ live: [{ kind: 'ok' }] });
    const reason = new Error('already');
    const { error } = await settle(adapter.generate('hi', { signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    expect(live?.calls).toHaveLength(0);
  });
});

describe('fallback policy', () => {
  it('mock: answers from the mock after retries are exhausted and marks the fallback', async () => {
    const { adapter, live, mock, of, names } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 1 } },
      live: [{ kind: 'error', error: httpStatusError(500) }],
      mock: [{ kind: 'ok', text: 'mocked' }],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(100);
    expect((await result).value).toMatchObject({
      text: 'mocked',
      provider: 'acpt.mock',
      fallback: { reason: 'retries_exhausted' },
      attempts: 3,
    });
    expect(live?.calls).toHaveLength(2);
    expect(mock?.calls).toHaveLength(1);
    expect(names()).toEqual([
      'request-start',
      'attempt-start',
      'attempt-error',
      'retry-scheduled',
      'attempt-start',
      'attempt-error',
      'fallback-start',
      'attempt-start',
      'attempt-end',
      'request-end',
    ]);
    expect(of('attempt-start').map((event) => event.role)).toEqual(['live', 'live', 'mock']);
    expect(of('request-end')).toMatchObject([{ outcome: 'fallback', fallbackReason: 'retries_exhausted' }]);
    expect(adapter.diagnostics().counts).toMatchObject({ fellBack: 1, succeeded: 0 });
    expect(adapter.diagnostics().fallbacksByReason.retries_exhausted).toBe(1);
  });

  it('mock: a non-retryable failure that is not a configuration failure falls back at once', async () => {
    const { adapter, live } = harness({
      config: { fallback: 'mock' },
      live: [{ kind: 'error', error: httpStatusError(418) }],
      mock: [{ kind: 'ok' }],
    });
    const { value } = await settle(adapter.generate('hi'));
    expect(value?.fallback).toEqual({ reason: 'retries_exhausted' });
    expect(live?.calls).toHaveLength(1);
  });

  it('mock: a failing fallback rejects with FallbackExhaustedError carrying every error', async () => {
    const { adapter } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 0 } },
      live: [{ kind: 'error', error: httpStatusError(500) }],
      mock: [{ kind: 'error', error: networkError() }],
    });
    const { error } = await settle(adapter.generate('hi'));
    expect(FallbackExhaustedError.isInstance(error)).toBe(true);
    expect((error as FallbackExhaustedError).attempts).toHaveLength(2);
  });

  it('answers from the mock with reason no_api_key when live is wanted without a key', async () => {
    const { adapter, mock, of } = harness({
      config: { mockMode: true, apiKey: undefined },
      useMock: false,
      mock: [{ kind: 'ok' }],
    });
    expect(adapter.mode).toBe('mock');
    const { value } = await settle(adapter.generate('hi'));
    expect(value?.fallback).toEqual({ reason: 'no_api_key' });
    expect(mock?.calls).toHaveLength(1);
    expect(of('fallback-start')).toMatchObject([{ reason: 'no_api_key', provider: 'acpt.mock' }]);
  });

  it('mock mode serves from the mock, retrying there, with no fallback marker', async () => {
    const { adapter, mock, of } = harness({
      config: { mockMode: true },
      mock: [
        { kind: 'error', error: networkError() },
        { kind: 'ok', text: 'mock' },
      ],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(50);
    expect((await result).value).toMatchObject({ text: 'mock', attempts: 2 });
    expect((await result).value?.fallback).toBeUndefined();
    expect(mock?.calls).toHaveLength(2);
    expect(of('attempt-start').map((event) => event.role)).toEqual(['mock', 'mock']);
  });
});
