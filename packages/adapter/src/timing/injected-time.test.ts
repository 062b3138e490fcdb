import { RetryExhaustedError, TimeoutError } from '@acpt/config';
import { createMockTransport, createVirtualClock } from '@acpt/transport-mock';
import { describe, expect, it } from 'vitest';
import { settle } from '../__fixtures__/harness.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';

/** Virtual time by injection alone (no fake timers): the adapter and the mock share one virtual clock. */
describe('injected clock and sleep', () => {
  it('runs backoff and latency on the injected clock', async () => {
    const clock = createVirtualClock({ startMs: 1_000 });
    const transport = createMockTransport({
      clock,
      latency: { kind: 'fixed', ms: 200 },
      faults: [{ kind: 'service-unavailable', at: [0] }],
    });
    const adapter = createAdapter({
      config: testConfig({ mockMode: true, retry: { initialBackoffMs: 100 } }),
      mockTransport: transport,
      clock,
      sleep: clock.sleep,
      random: () => 0,
    });
    const result = settle(adapter.generate('hi'));
    await clock.advance(299);
    expect(transport.requestCount).toBe(2);
    await clock.advance(200);
    expect((await result).value).toMatchObject({ attempts: 2, provider: 'acpt.mock' });
    expect(adapter.diagnostics().latencyMs.max).toBe(300);
    await adapter.close();
    expect(clock.pendingSleeps).toBe(0);
  });

  it('enforces the total deadline and micro-batch waits on the injected clock, leaving no sleep behind', async () => {
    // Two slots: the first two requests are sent at once (batching never delays a request while a slot is free); the
    // third waits in a micro-batch and is dispatched when the first one ends at its 50 ms latency.
    const clock = createVirtualClock();
    const transport = createMockTransport({
      clock,
      latency: { kind: 'fixed', ms: 50 },
      faults: [{ kind: 'headers-timeout', at: [1], delayMs: 60_000 }],
    });
    const adapter = createAdapter({
      config: testConfig({
        mockMode: true,
        timeouts: { totalMs: 1_000 },
        batching: { batchSize: 2, maxWaitMs: 50, maxInFlight: 2 },
        retry: { maxRetries: 0 },
      }),
      mockTransport: transport,
      clock,
      sleep: clock.sleep,
    });
    const first = settle(adapter.generate('a'));
    const second = settle(adapter.generate('b'));
    const third = settle(adapter.generate('c'));
    await clock.advance(0);
    expect(transport.requestCount).toBe(2);
    await clock.advance(50);
    expect((await first).value?.attempts).toBe(1);
    expect(transport.requestCount).toBe(3);
    await clock.advance(1_000);
    const { error } = await second;
    expect(TimeoutError.isInstance(error) && error.phase).toBe('total');
    expect((await third).value).toBeDefined();
    await adapter.close();
    expect(clock.pendingSleeps).toBe(0);
    expect(RetryExhaustedError.isInstance(error)).toBe(false);
  });
});
