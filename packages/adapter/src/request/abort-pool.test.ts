import type { ChatRequest, ChatResponse, Transport, TransportCallOptions } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { harness } from '../__fixtures__/harness.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';

describe('reused abort controllers', () => {
  it('gives a request that settled without an abort its controller to the next request, never an aborted one', async () => {
    const { adapter, live } = harness({ live: (call) => (call === 2 ? { kind: 'hang' } : { kind: 'ok' }) });
    await adapter.generate('one');
    await adapter.generate('two');
    const [first, second] = live?.calls.map((call) => call.signal) ?? [];
    expect(second).toBe(first);
    const caller = new AbortController();
    const third = adapter.generate('three', { signal: caller.signal });
    await Promise.resolve();
    const reason = new Error('caller gave up');
    caller.abort(reason);
    await expect(third).rejects.toBe(reason);
    expect(live?.calls[2]?.signal).toBe(first);
    expect(first?.aborted).toBe(true);
    const fourth = await adapter.generate('four');
    expect(fourth.attempts).toBe(1);
    expect(live?.calls[3]?.signal).not.toBe(first);
    expect(live?.calls[3]?.signal?.aborted).toBe(false);
  });

  it('does not reuse a controller whose signal still has a listener a transport left behind', async () => {
    const signals: AbortSignal[] = [];
    const leaky: Transport = {
      provider: 'cerebras',
      async complete(request: ChatRequest, options?: TransportCallOptions): Promise<ChatResponse> {
        if (options?.signal !== undefined) {
          signals.push(options.signal);
          options.signal.addEventListener('abort', () => {});
        }
        return {
          id: 'x',
          model: request.model ?? 'm',
          provider: 'cerebras',
          text: 'ok',
          finishReason: 'stop',
          latency: { totalMs: 1 },
        };
      },
      stream: () => {
        throw new Error('not used');
      },
      close: async () => {},
    };
    const adapter = createAdapter({ config: testConfig(), transport: leaky });
    await adapter.generate('one');
    await adapter.generate('two');
    expect(signals).toHaveLength(2);
    expect(signals[1]).not.toBe(signals[0]);
  });
});
