import {
  type SpendDecision,
  SpendLimitError,
  type SpendLimiter,
  type SpendLimits,
  type SpendRequest,
} from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';
import { createSpendLimiter } from './in-process-spend-limiter.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * Each answer costs $0.02 (10 + 5 scripted tokens); the worst case of prompt "a" (5 estimated tokens) with
 * 100 completion tokens is $0.205. Under maxUsd $0.3 a request is admitted while spend ≤ $0.095: five are.
 */
const pricing = { 'gpt-oss-120b': { inputUsdPerMillion: 1000, outputUsdPerMillion: 2000 } };
const limited = { pricing, maxCompletionTokens: 100, spend: { maxUsd: 0.3 } };

async function sequential(adapter: { generate(input: string): Promise<unknown> }, count: number) {
  const results = [];
  for (let index = 0; index < count; index++) results.push(await settle(adapter.generate('a')));
  return results;
}

describe('spend limits', () => {
  it('falls back to the mock with reason spend_limit once the next worst case would cross maxUsd', async () => {
    const { adapter, live, of } = harness({
      config: { ...limited, fallback: 'mock' },
      live: [{ kind: 'ok' }],
      mock: [{ kind: 'ok' }],
    });
    const results = await sequential(adapter, 7);
    expect(live?.calls).toHaveLength(5);
    expect(results.slice(5).map((result) => (result.value as { fallback?: unknown }).fallback)).toEqual([
      { reason: 'spend_limit' },
      { reason: 'spend_limit' },
    ]);
    expect(of('spend-limit')[0]).toMatchObject({
      model: 'gpt-oss-120b',
      action: 'fallback',
      refusal: { limit: 'total', limitUsd: 0.3, reservedUsd: 0 },
    });
    expect(of('spend-limit')[0]?.refusal.spentUsd).toBeCloseTo(0.1, 12);
    expect(of('spend-limit')[0]?.refusal.requestedUsd).toBeCloseTo(0.205, 12);
    expect(of('fallback-start').map((event) => event.reason)).toEqual(['spend_limit', 'spend_limit']);
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.fallbacksByReason.spend_limit).toBe(2);
    expect(diagnostics.cost.spend).toMatchObject({
      active: true,
      refused: { total: 2, hourly: 0, unpriced: 0 },
      limiter: { limits: { maxUsd: 0.3 }, reservedUsd: 0, openReservations: 0 },
    });
    expect(diagnostics.cost.spend.limiter?.spentUsd).toBeCloseTo(0.1, 12);
  });

  it('rejects with a typed SpendLimitError when the fallback policy is throw', async () => {
    const { adapter, of } = harness({ config: { ...limited, fallback: 'throw' }, live: [{ kind: 'ok' }] });
    const results = await sequential(adapter, 6);
    const error = results[5]?.error;
    expect(SpendLimitError.isInstance(error)).toBe(true);
    expect((error as SpendLimitError).code).toBe('ACPT_SPEND_LIMIT');
    expect((error as SpendLimitError).message).toContain('spend.maxUsd ($0.3)');
    expect(of('spend-limit')[0]?.action).toBe('reject');
    expect(of('request-end').at(-1)).toMatchObject({ outcome: 'error', error: { type: 'spend_limit' } });
  });

  it('raises and lowers the limit at run time with configure()', async () => {
    const { adapter, live } = harness({ config: limited, live: [{ kind: 'ok' }] });
    await sequential(adapter, 6);
    expect(live?.calls).toHaveLength(5);
    adapter.configure({ spend: { maxUsd: 1 } });
    expect((await settle(adapter.generate('a'))).error).toBeUndefined();
    adapter.configure({ spend: { maxUsd: 0.2 } });
    expect(SpendLimitError.isInstance((await settle(adapter.generate('a'))).error)).toBe(true);
    expect(live?.calls).toHaveLength(6);
  });

  it('applies the sliding-hour limit and admits again once the hour has passed', async () => {
    const { adapter, live } = harness({
      config: { pricing, maxCompletionTokens: 100, spend: { maxUsdPerHour: 0.3 } },
      live: [{ kind: 'ok' }],
    });
    const results = await sequential(adapter, 6);
    expect((results[5]?.error as SpendLimitError | undefined)?.limit).toBe('hourly');
    await vi.advanceTimersByTimeAsync(3_601_000);
    expect((await settle(adapter.generate('a'))).error).toBeUndefined();
    expect(live?.calls).toHaveLength(6);
  });

  it('refuses a model without a price while a limit is set, since its cost cannot be checked', async () => {
    const { adapter, live } = harness({
      config: { model: 'qwen-3.8-27b', spend: { maxUsd: 5 } },
      live: [{ kind: 'ok' }],
    });
    const { error } = await settle(adapter.generate('a'));
    expect((error as SpendLimitError).limit).toBe('unpriced');
    expect(live?.calls).toHaveLength(0);
  });

  it('does not limit the mock: mock mode spends nothing', async () => {
    const { adapter, mock } = harness({ config: { ...limited, mockMode: true }, mock: [{ kind: 'ok' }] });
    await sequential(adapter, 8);
    expect(mock?.calls).toHaveLength(8);
    expect(adapter.diagnostics().cost.spend.refused.total).toBe(0);
  });

  it('works with an asynchronous shared limiter and releases reservations of aborted requests', async () => {
    const inner = createSpendLimiter({ maxUsd: 0.3 });
    const calls: string[] = [];
    const shared: SpendLimiter = {
      reserve: async (request: SpendRequest): Promise<SpendDecision> => {
        calls.push('reserve');
        return inner.reserve(request);
      },
      settle: async (id: string, usd: number, nowMs: number) => {
        calls.push('settle');
        inner.settle(id, usd, nowMs);
      },
      release: async (id: string) => {
        calls.push('release');
        inner.release(id);
      },
      setLimits: async (limits: SpendLimits) => inner.setLimits(limits),
      snapshot: (nowMs: number) => inner.snapshot(nowMs),
    };
    const { adapter, live } = harness({
      spendLimiter: shared,
      config: { pricing, maxCompletionTokens: 100 },
      live: [{ kind: 'ok' }, { kind: 'hang' }],
    });
    expect((await settle(adapter.generate('a'))).error).toBeUndefined();
    const controller = new AbortController();
    const hanging = settle(adapter.generate('a', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(0);
    expect(live?.calls).toHaveLength(2);
    controller.abort(new Error('stop'));
    await hanging;
    expect(calls).toEqual(['reserve', 'settle', 'reserve', 'release']);
    expect(inner.snapshot(0)).toMatchObject({ openReservations: 0, reservedUsd: 0, spentUsd: 0.02 });
  });

  it('releases the reservation of a stream whose consumer stops early', async () => {
    const limiter = createSpendLimiter({ maxUsd: 0.3 });
    const { adapter } = harness({
      spendLimiter: limiter,
      config: { pricing, maxCompletionTokens: 100 },
      live: [{ kind: 'stream', deltas: ['a', 'b', 'c'] }],
    });
    for await (const event of adapter.stream('a')) {
      expect(event.type).toBe('text-delta');
      break;
    }
    expect(limiter.snapshot(0)).toMatchObject({ openReservations: 0, spentUsd: 0 });
  });
});
