import { AbortedError, type AdapterEventName } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';
import { ADAPTER_EVENT_NAMES } from '../events/event-names.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('close()', () => {
  it('drain waits for queued and in-flight work, then closes the transports and refuses new requests', async () => {
    const { adapter, live, mock } = harness({
      config: { fallback: 'mock', batching: { batchSize: 4, maxWaitMs: 1_000, maxInFlight: 4 } },
      live: [{ kind: 'ok', latencyMs: 50 }],
      mock: [{ kind: 'ok' }],
    });
    const results = ['a', 'b'].map((prompt) => settle(adapter.generate(prompt)));
    const closed = adapter.close();
    expect(adapter.close()).toBe(closed);
    await expect(adapter.generate('late')).rejects.toBeInstanceOf(AbortedError);
    await vi.advanceTimersByTimeAsync(50);
    await closed;
    expect((await Promise.all(results)).every((result) => result.value !== undefined)).toBe(true);
    expect(live?.closed).toBe(1);
    expect(mock?.closed).toBe(1);
    expect(adapter.diagnostics()).toMatchObject({ closed: true, counts: { submitted: 2, succeeded: 2 } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancel rejects queued and aborts in-flight requests with AbortedError', async () => {
    const { adapter, live, of } = harness({
      config: { batching: { maxInFlight: 1 } },
      live: [{ kind: 'hang' }],
    });
    const results = ['a', 'b', 'c'].map((prompt) => settle(adapter.generate(prompt)));
    await adapter.close({ mode: 'cancel' });
    for (const result of await Promise.all(results)) expect(AbortedError.isInstance(result.error)).toBe(true);
    expect(live?.calls).toHaveLength(1);
    expect(live?.calls[0]?.signal?.aborted).toBe(true);
    expect(of('request-end').map((event) => event.outcome)).toEqual(['aborted', 'aborted', 'aborted']);
    expect(adapter.diagnostics().counts).toMatchObject({ submitted: 3, aborted: 3, inFlight: 0, queued: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves injected transports open with closeTransports: false', async () => {
    const { adapter, live } = harness({ live: [{ kind: 'ok' }], closeTransports: false });
    await adapter.close();
    expect(live?.closed).toBe(0);
  });
});

describe('events', () => {
  it('a throwing listener never breaks a request and is counted', async () => {
    const { adapter } = harness({ live: [{ kind: 'ok', text: 'fine' }] });
    adapter.on('request-start', () => {
      throw new Error('listener bug');
    });
    const off = adapter.on('request-end', () => {
      throw new Error('listener bug');
    });
    expect((await adapter.generate('x')).text).toBe('fine');
    off();
    await adapter.generate('y');
    expect(adapter.diagnostics().listenerErrors).toBe(3);
  });

  it('emits one request-start and exactly one request-end per request, with attempts in between', async () => {
    const { adapter, names } = harness({ live: [{ kind: 'ok' }] });
    await Promise.all([adapter.generate('a'), adapter.generate('b')]);
    const list = names();
    expect(list.filter((name) => name === 'request-start')).toHaveLength(2);
    expect(list.filter((name) => name === 'request-end')).toHaveLength(2);
    expect(list.filter((name) => name === 'attempt-start')).toHaveLength(2);
  });
});

describe('ADAPTER_EVENT_NAMES', () => {
  it('lists every event of the contract once', () => {
    const every: Record<AdapterEventName, true> = {
      'request-start': true,
      'attempt-start': true,
      'attempt-end': true,
      'attempt-error': true,
      'retry-scheduled': true,
      'first-token': true,
      'stream-chunk': true,
      'batch-flush': true,
      'concurrency-change': true,
      'fallback-start': true,
      'budget-exceeded': true,
      'circuit-state': true,
      'rate-limit': true,
      'spend-limit': true,
      'request-end': true,
    };
    expect([...ADAPTER_EVENT_NAMES].sort()).toEqual(Object.keys(every).sort());
  });
});
