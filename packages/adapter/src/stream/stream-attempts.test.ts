import { AuthenticationError, CircuitOpenError, FallbackExhaustedError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectStream as collect } from '../__fixtures__/collect-stream.ts';
import { httpStatusError, networkError, unauthorizedError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';
import type { AdapterStreamEvent } from '../adapter-types.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function textOf(events: readonly AdapterStreamEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

function finishOf(events: readonly AdapterStreamEvent[]) {
  const last = events.at(-1);
  return last?.type === 'finish' ? last.response : undefined;
}

describe('stream attempts by route', () => {
  it('mock mode streams from the mock, retrying there, with no fallback marker', async () => {
    const { adapter, mock, of } = harness({
      config: { mockMode: true },
      mock: [
        { kind: 'error', error: networkError() },
        { kind: 'stream', deltas: ['mo', 'ck'] },
      ],
    });
    const result = collect(adapter.stream('hi'));
    await vi.advanceTimersByTimeAsync(200);
    const { events, error } = await result;
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('mock');
    expect(finishOf(events)).toMatchObject({ attempts: 2 });
    expect(finishOf(events)?.fallback).toBeUndefined();
    expect(mock?.calls.map((call) => call.method)).toEqual(['stream', 'stream']);
    expect(of('attempt-start').map((event) => event.role)).toEqual(['mock', 'mock']);
  });

  it('mock mode rejects with the mock failure itself when it is not retryable', async () => {
    const { adapter, mock } = harness({
      config: { mockMode: true },
      mock: [{ kind: 'error', error: unauthorizedError() }],
    });
    const { events, error } = await collect(adapter.stream('hi'));
    expect(events).toEqual([]);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(mock?.calls).toHaveLength(1);
  });

  it('streams from the mock with reason no_api_key when live is wanted without a key', async () => {
    const { adapter, mock, of } = harness({
      config: { mockMode: true, apiKey: undefined },
      useMock: false,
      mock: [{ kind: 'stream', deltas: ['no ', 'key'] }],
    });
    const { events } = await collect(adapter.stream('hi'));
    expect(textOf(events)).toBe('no key');
    expect(finishOf(events)?.fallback).toEqual({ reason: 'no_api_key' });
    expect(mock?.calls).toHaveLength(1);
    expect(of('fallback-start')).toMatchObject([{ reason: 'no_api_key' }]);
  });

  it('while the circuit is open: the mock streams (circuit_open), or the stream rejects with CircuitOpenError', async () => {
    for (const fallback of ['mock', 'throw'] as const) {
      const { adapter, live } = harness({
        config: { fallback, retry: { maxRetries: 0 }, circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 } },
        live: [{ kind: 'error', error: httpStatusError(503) }],
        mock: [{ kind: 'stream', deltas: ['fallback'] }],
      });
      await settle(adapter.generate('open the circuit'));
      expect(adapter.diagnostics().circuit.state).toBe('open');
      const { events, error } = await collect(adapter.stream('hi'));
      expect(live?.calls).toHaveLength(1);
      if (fallback === 'mock') expect(finishOf(events)?.fallback).toEqual({ reason: 'circuit_open' });
      else expect(CircuitOpenError.isInstance(error)).toBe(true);
    }
  });

  it('a failing fallback stream rejects with FallbackExhaustedError carrying both attempts', async () => {
    const { adapter, live, mock } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 0 } },
      live: [{ kind: 'error', error: networkError() }],
      mock: [{ kind: 'error', error: networkError() }],
    });
    const { events, error } = await collect(adapter.stream('hi'));
    expect(events).toEqual([]);
    expect(FallbackExhaustedError.isInstance(error)).toBe(true);
    expect((error as FallbackExhaustedError).attempts).toHaveLength(2);
    expect(live?.calls).toHaveLength(1);
    expect(mock?.calls).toHaveLength(1);
  });

  it('a live stream cut before any delta is retried, and a cut fallback is not', async () => {
    const { adapter, live, mock } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 1 } },
      live: [{ kind: 'stream', deltas: [], truncate: true }],
      mock: [{ kind: 'stream', deltas: [], truncate: true }],
    });
    const result = collect(adapter.stream('hi'));
    await vi.advanceTimersByTimeAsync(2_000);
    const { error } = await result;
    expect(live?.calls).toHaveLength(2);
    expect(mock?.calls).toHaveLength(1);
    expect(FallbackExhaustedError.isInstance(error)).toBe(true);
  });
});
