import { ConfigError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('configure()', () => {
  it('switches new requests to the mock at once while in-flight ones finish where they started', async () => {
    const { adapter, live, mock } = harness({
      config: { fallback: 'mock' },
      live: [{ kind: 'ok', text: 'live', latencyMs: 100 }],
      mock: [{ kind: 'ok', text: 'mock' }],
    });
    const inFlight = settle(adapter.generate('before'));
    await vi.advanceTimersByTimeAsync(10);
    expect(adapter.mode).toBe('live');
    adapter.configure({ mockMode: true });
    expect(adapter.mode).toBe('mock');
    expect(adapter.diagnostics().mode).toBe('mock');
    const after = await settle(adapter.generate('after'));
    expect(after.value).toMatchObject({ text: 'mock', provider: 'acpt.mock' });
    expect(after.value?.fallback).toBeUndefined();
    await vi.advanceTimersByTimeAsync(90);
    expect((await inFlight).value).toMatchObject({ text: 'live' });
    expect(live?.calls).toHaveLength(1);
    expect(mock?.calls).toHaveLength(1);
    adapter.configure({ mockMode: false });
    expect(adapter.mode).toBe('live');
  });

  it('validates like the configuration and keeps the old one on error', () => {
    const { adapter } = harness({ live: [{ kind: 'ok' }] });
    expect(() => adapter.configure({ retry: { jitter: 3 } })).toThrow(ConfigError);
    expect(() => adapter.configure({ fallback: 'mock' })).toThrow(/mockTransport/);
    expect(adapter.config.retry.jitter).toBe(1);
    expect(adapter.config.fallback).toBe('throw');
  });

  it('applies new retry and batching settings to the next requests', async () => {
    const { adapter, live } = harness({ live: [{ kind: 'error', error: new Error('x') }] });
    const updated = adapter.configure({ retry: { maxRetries: 0 }, batching: { maxInFlight: 1 } });
    expect(updated.retry.maxRetries).toBe(0);
    const results = [settle(adapter.generate('a')), settle(adapter.generate('b'))];
    expect(adapter.diagnostics().counts).toMatchObject({ inFlight: 1, queued: 1 });
    await Promise.all(results);
    expect(live?.calls).toHaveLength(2);
  });

  it('overrides the config mock mode with useMock until a patch sets mockMode', async () => {
    const { adapter, mock } = harness({
      useMock: true,
      config: { fallback: 'mock' },
      live: [],
      mock: [{ kind: 'ok' }],
    });
    expect(adapter.mode).toBe('mock');
    adapter.configure({ retry: { maxRetries: 1 } });
    expect(adapter.mode).toBe('mock');
    await settle(adapter.generate('x'));
    expect(mock?.calls).toHaveLength(1);
    adapter.configure({ mockMode: false });
    expect(adapter.mode).toBe('live');
  });
});
