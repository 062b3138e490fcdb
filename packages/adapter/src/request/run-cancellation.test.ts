import {
  AbortedError,
  BudgetExceededError,
  type ChatRequest,
  type ChatResponse,
  type Transport,
  type TransportCallOptions,
} from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../__fixtures__/harness.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';
import { RunCancellation } from './run-cancellation.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RunCancellation', () => {
  it('mirrors the signal and calls each listener once when fired; removed ones never', () => {
    const controller = new AbortController();
    const cancellation = new RunCancellation(controller.signal);
    const calls: string[] = [];
    const removed = (): void => {
      calls.push('removed');
    };
    cancellation.onCancel(() => calls.push('first'));
    cancellation.onCancel(removed);
    cancellation.onCancel(() => calls.push('third'));
    cancellation.offCancel(removed);
    expect(cancellation.aborted).toBe(false);
    const reason = new Error('stop');
    controller.abort(reason);
    cancellation.fire();
    cancellation.fire();
    expect(calls).toEqual(['first', 'third']);
    expect([cancellation.aborted, cancellation.reason]).toEqual([true, reason]);
  });

  it('a throwing listener does not stop the others; its error is rethrown from a microtask', () => {
    const cancellation = new RunCancellation(new AbortController().signal);
    const rethrown: (() => void)[] = [];
    const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => {
      rethrown.push(task);
    });
    const bug = new Error('listener bug');
    let reached = false;
    cancellation.onCancel(() => {
      throw bug;
    });
    cancellation.onCancel(() => {
      reached = true;
    });
    cancellation.fire();
    queue.mockRestore();
    expect(reached).toBe(true);
    expect(rethrown).toHaveLength(1);
    expect(() => rethrown[0]?.()).toThrow(bug);
  });
});

/** A transport that never answers and only watches `cancellation` (it ignores `signal`, as our transports do). */
function cancellationOnlyTransport(): Transport & { readonly cancelled: unknown[]; readonly listened: number[] } {
  const cancelled: unknown[] = [];
  const listened: number[] = [];
  const complete = (_request: ChatRequest, options?: TransportCallOptions): Promise<ChatResponse> =>
    new Promise((_resolve, reject) => {
      const cancellation = options?.cancellation;
      if (cancellation === undefined) return reject(new Error('no cancellation offered'));
      listened.push(1);
      cancellation.onCancel(() => {
        cancelled.push(cancellation.reason);
        reject(cancellation.reason);
      });
    });
  return {
    provider: 'cerebras',
    complete,
    stream: () => {
      throw new Error('not used');
    },
    close: async () => undefined,
    cancelled,
    listened,
  };
}

describe('the adapter cancels transport calls through TransportCallOptions.cancellation', () => {
  it('at a hard budget deadline, on close({ mode: "cancel" }) and on the caller signal', async () => {
    const live = cancellationOnlyTransport();
    const adapter = createAdapter({
      config: testConfig({ latencyBudget: { ms: 200, mode: 'hard' } }),
      transport: live,
      clock: { now: () => Date.now() },
    });
    const deadline = settle(adapter.generate('slow'));
    await vi.advanceTimersByTimeAsync(200);
    expect(BudgetExceededError.isInstance((await deadline).error)).toBe(true);

    const caller = new AbortController();
    const byCaller = settle(adapter.generate('caller', { signal: caller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    const reason = new AbortedError('caller stopped');
    caller.abort(reason);
    expect((await byCaller).error).toBe(reason);

    const byClose = settle(adapter.generate('closing'));
    await vi.advanceTimersByTimeAsync(10);
    await adapter.close({ mode: 'cancel' });
    expect(AbortedError.isInstance((await byClose).error)).toBe(true);

    expect(live.listened).toHaveLength(3);
    expect(live.cancelled).toHaveLength(3);
    expect(BudgetExceededError.isInstance(live.cancelled[0])).toBe(true);
    expect(live.cancelled[1]).toBe(reason);
    expect(AbortedError.isInstance(live.cancelled[2])).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
