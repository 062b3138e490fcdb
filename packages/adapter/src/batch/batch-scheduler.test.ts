import { QueueFullError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const userText = (call: { request: { messages: readonly { content: string | null }[] } }): string | null | undefined =>
  call.request.messages.at(-1)?.content;

describe('micro-batching', () => {
  it('never delays a request while in-flight capacity is free, whatever the batch size and wait', async () => {
    const { adapter, live, of } = harness({
      config: { batching: { batchSize: 8, maxWaitMs: 50, maxInFlight: 10 } },
      live: [{ kind: 'ok', latencyMs: 10 }],
    });
    const results = ['a', 'b', 'c', 'd'].map((prompt) => settle(adapter.generate(prompt)));
    expect(live?.calls.map(userText)).toEqual(['a', 'b', 'c', 'd']);
    expect(adapter.diagnostics().counts).toMatchObject({ inFlight: 4, queued: 0 });
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all(results);
    expect(of('batch-flush')).toEqual([]);
    expect(of('attempt-start').map((event) => event.batchId)).toEqual([undefined, undefined, undefined, undefined]);
    expect(adapter.diagnostics().batching.microBatches).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('requests that must wait form batches of at most the batch size and leave as slots free up', async () => {
    const { adapter, live, of } = harness({
      config: { batching: { batchSize: 2, maxWaitMs: 50, maxInFlight: 2 } },
      live: [{ kind: 'ok', latencyMs: 10 }],
    });
    const results = ['a', 'b', 'c', 'd', 'e', 'f'].map((prompt) => settle(adapter.generate(prompt)));
    expect(live?.calls.map(userText)).toEqual(['a', 'b']);
    expect(adapter.diagnostics().counts).toMatchObject({ inFlight: 2, queued: 4 });
    await vi.advanceTimersByTimeAsync(10);
    expect(live?.calls.map(userText)).toEqual(['a', 'b', 'c', 'd']);
    await vi.advanceTimersByTimeAsync(10);
    expect(live?.calls.map(userText)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all(results);
    // Each freed slot takes the oldest waiting request at once: every dispatch of waiting requests is one flush (b<n>).
    expect(of('batch-flush')).toMatchObject([
      { batchId: 'b1', kind: 'micro', requestIds: ['req-3'], waitMs: 10 },
      { batchId: 'b2', kind: 'micro', requestIds: ['req-4'], waitMs: 10 },
      { batchId: 'b3', kind: 'micro', requestIds: ['req-5'], waitMs: 20 },
      { batchId: 'b4', kind: 'micro', requestIds: ['req-6'], waitMs: 20 },
    ]);
    expect(of('attempt-start').map((event) => event.batchId)).toEqual([undefined, undefined, 'b1', 'b2', 'b3', 'b4']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with max wait 0 batches the waiting arrivals of the same tick', async () => {
    const { adapter, live, of } = harness({
      config: { batching: { batchSize: 4, maxWaitMs: 0, maxInFlight: 2 } },
      live: [{ kind: 'ok', latencyMs: 5 }],
    });
    const results = ['a', 'b', 'c', 'd'].map((prompt) => settle(adapter.generate(prompt)));
    await vi.advanceTimersByTimeAsync(20);
    await Promise.all(results);
    expect(live?.calls).toHaveLength(4);
    expect(of('batch-flush')).toMatchObject([
      { batchId: 'b1', requestIds: ['req-3'], waitMs: 5 },
      { batchId: 'b2', requestIds: ['req-4'], waitMs: 5 },
    ]);
  });

  it('never exceeds the in-flight limit and keeps strict arrival order with batch size 1', async () => {
    let inFlight = 0;
    let peak = 0;
    const { adapter, live } = harness({
      config: { batching: { batchSize: 1, maxWaitMs: 0, maxInFlight: 2, queueLimit: 100 } },
      live: (call) => ({ kind: 'ok', latencyMs: 10 + (call % 3) * 7 }),
    });
    adapter.on('attempt-start', () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
    });
    adapter.on('attempt-end', () => {
      inFlight--;
    });
    const prompts = Array.from({ length: 9 }, (_, index) => `p${index}`);
    const results = prompts.map((prompt) => settle(adapter.generate(prompt)));
    expect(adapter.diagnostics().counts).toMatchObject({ inFlight: 2, queued: 7 });
    await vi.advanceTimersByTimeAsync(200);
    expect((await Promise.all(results)).every((result) => result.value !== undefined)).toBe(true);
    expect(peak).toBe(2);
    expect(live?.calls.map(userText)).toEqual(prompts);
  });

  it('rejects at once with QueueFullError when the queue is full (backpressure)', async () => {
    const { adapter, of } = harness({
      config: { batching: { batchSize: 1, maxInFlight: 1, queueLimit: 2 } },
      live: [{ kind: 'ok', latencyMs: 10 }],
    });
    const accepted = ['a', 'b', 'c'].map((prompt) => settle(adapter.generate(prompt)));
    const rejected = await settle(adapter.generate('d'));
    expect(QueueFullError.isInstance(rejected.error)).toBe(true);
    expect(of('request-end')).toMatchObject([{ requestId: 'req-4', outcome: 'error', error: { type: 'queue_full' } }]);
    await vi.advanceTimersByTimeAsync(30);
    expect((await Promise.all(accepted)).map((result) => result.value?.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
    expect(adapter.diagnostics().counts).toMatchObject({ submitted: 4, succeeded: 3, failed: 1, queued: 0 });
  });

  it('an aborted request leaves its batch without disturbing the others', async () => {
    const { adapter, live, of } = harness({
      config: { batching: { batchSize: 4, maxWaitMs: 20, maxInFlight: 2 } },
      live: [{ kind: 'ok', latencyMs: 5 }],
    });
    const controller = new AbortController();
    const first = settle(adapter.generate('first'));
    const second = settle(adapter.generate('second'));
    const a = settle(adapter.generate('a'));
    const b = settle(adapter.generate('b', { signal: controller.signal }));
    const c = settle(adapter.generate('c'));
    await vi.advanceTimersByTimeAsync(0);
    expect(adapter.diagnostics().counts.queued).toBe(3);
    const reason = new Error('not needed');
    controller.abort(reason);
    expect((await b).error).toBe(reason);
    expect(adapter.diagnostics().counts.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(25);
    expect((await first).value?.text).toBeDefined();
    expect((await second).value?.text).toBeDefined();
    expect((await a).value?.text).toBeDefined();
    expect((await c).value?.text).toBeDefined();
    expect(live?.calls.map(userText)).toEqual(['first', 'second', 'a', 'c']);
    expect(of('batch-flush')).toMatchObject([{ requestIds: ['req-3'] }, { requestIds: ['req-5'] }]);
    expect(of('request-end').find((event) => event.requestId === 'req-4')).toMatchObject({
      outcome: 'aborted',
      attempts: 0,
    });
  });

  it('a queued request times out at its total deadline', async () => {
    const { adapter } = harness({
      config: { timeouts: { totalMs: 100 }, batching: { batchSize: 1, maxInFlight: 1 } },
      live: [{ kind: 'ok', latencyMs: 80 }],
    });
    const first = settle(adapter.generate('a'));
    const second = settle(adapter.generate('b'));
    await vi.advanceTimersByTimeAsync(100);
    expect((await first).value).toBeDefined();
    expect((await second).error).toMatchObject({ code: 'ACPT_TIMEOUT', phase: 'total' });
  });
});

describe('generateMany', () => {
  it('settles each request in order without failing the set for one', async () => {
    const { adapter } = harness({
      config: { retry: { maxRetries: 0 } },
      live: (_, request) =>
        request.messages.at(-1)?.content === 'bad'
          ? { kind: 'error', error: new Error('boom') }
          : { kind: 'ok', text: String(request.messages.at(-1)?.content) },
    });
    const results = await adapter.generateMany([
      { input: 'one' },
      { input: 'bad' },
      { input: 'three', options: { seed: 3 } },
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]?.status === 'fulfilled' && results[0].value.text).toBe('one');
    expect(results[2]?.status === 'fulfilled' && results[2].value.text).toBe('three');
  });
});
