import { RetryExhaustedError, TruncatedStreamError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectStream as collect } from '../__fixtures__/collect-stream.ts';
import { networkError } from '../__fixtures__/errors.ts';
import { harness } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('stream', () => {
  it('yields deltas as they arrive, then the response; reports time to first token', async () => {
    const { adapter, of } = harness({ live: [{ kind: 'stream', deltas: ['Hel', 'lo', '!'], delayMs: 10 }] });
    const result = collect(adapter.stream('hi'));
    await vi.advanceTimersByTimeAsync(30);
    const { events } = await result;
    expect(events.slice(0, 3)).toEqual([
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'lo' },
      { type: 'text-delta', text: '!' },
    ]);
    expect(events[3]).toMatchObject({
      type: 'finish',
      response: { text: 'Hello!', attempts: 1, requestId: 'req-1' },
    });
    expect(of('first-token')).toMatchObject([{ timeToFirstTokenMs: 10 }]);
    expect(of('stream-chunk')).toMatchObject([
      { index: 1, sincePreviousMs: 10 },
      { index: 2, sincePreviousMs: 10 },
    ]);
    expect(of('request-start')).toMatchObject([{ stream: true }]);
    expect(adapter.diagnostics().timeToFirstTokenMs).toMatchObject({ count: 1, max: 10 });
  });

  it('retries a stream that failed before its first token', async () => {
    const { adapter, live } = harness({
      live: [
        { kind: 'error', error: networkError() },
        { kind: 'stream', deltas: [], truncate: true },
        { kind: 'stream', deltas: ['ok'] },
      ],
    });
    const result = collect(adapter.stream('hi'));
    await vi.advanceTimersByTimeAsync(200);
    const { events, error } = await result;
    expect(error).toBeUndefined();
    expect(live?.calls).toHaveLength(3);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'finish']);
  });

  it('never retries (nor falls back) once a token reached the caller', async () => {
    const { adapter, live, mock, of } = harness({
      config: { fallback: 'mock' },
      live: [{ kind: 'stream', deltas: ['partial'], truncate: true }],
      mock: [{ kind: 'ok' }],
    });
    const { events, error } = await collect(adapter.stream('hi'));
    expect(events).toEqual([{ type: 'text-delta', text: 'partial' }]);
    expect(RetryExhaustedError.isInstance(error) && error.reason).toBe('stream-already-delivered');
    expect(TruncatedStreamError.isInstance((error as RetryExhaustedError).lastError)).toBe(true);
    expect(live?.calls).toHaveLength(1);
    expect(mock?.calls).toHaveLength(0);
    expect(of('request-end')).toMatchObject([{ outcome: 'error' }]);
  });

  it('falls back to the mock stream when retries are exhausted before any token', async () => {
    const { adapter, of } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 0 } },
      live: [{ kind: 'error', error: networkError() }],
      mock: [{ kind: 'stream', deltas: ['mo', 'ck'] }],
    });
    const { events } = await collect(adapter.stream('hi'));
    expect(
      events.map((event) => (event.type === 'finish' ? event.response.fallback : 'text' in event && event.text)),
    ).toEqual(['mo', 'ck', { reason: 'retries_exhausted' }]);
    expect(of('request-end')).toMatchObject([{ outcome: 'fallback' }]);
  });

  it('yields the whole reply once when streaming is not allowed', async () => {
    const { adapter, live } = harness({ config: { streaming: false }, live: [{ kind: 'ok', text: 'whole' }] });
    const { events } = await collect(adapter.stream('hi'));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'finish']);
    expect(events[0]).toEqual({ type: 'text-delta', text: 'whole' });
    expect(live?.calls[0]?.method).toBe('complete');
  });

  it('breaking out of the iteration aborts the request and frees its slot', async () => {
    const { adapter, live, of } = harness({
      config: { batching: { maxInFlight: 1 } },
      live: [{ kind: 'stream', deltas: ['a', 'b', 'c'], delayMs: 5 }],
    });
    const consume = (async () => {
      for await (const event of adapter.stream('hi')) if (event.type === 'text-delta') break;
    })();
    await vi.advanceTimersByTimeAsync(5);
    await consume;
    expect(live?.calls[0]?.signal?.aborted).toBe(true);
    expect(of('request-end')).toMatchObject([{ outcome: 'aborted' }]);
    expect(adapter.diagnostics().counts).toMatchObject({ aborted: 1, inFlight: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an abandoned iterator is settled by its deadline and gives its slot back', async () => {
    const { adapter, of } = harness({
      config: { timeouts: { totalMs: 1_000 } },
      live: [{ kind: 'stream', deltas: ['a', 'b'] }],
    });
    const iterator = adapter.stream('hi')[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'text-delta', text: 'a' } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(of('request-end')).toMatchObject([{ outcome: 'error', error: { type: 'timeout' } }]);
    expect(adapter.diagnostics().counts).toMatchObject({ failed: 1, inFlight: 0 });
    await expect(iterator.next()).rejects.toMatchObject({ code: 'ACPT_TIMEOUT' });
  });
});
