import { BudgetExceededError, TimeoutError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpStatusError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('latency budget', () => {
  it('soft: a slow answer still resolves, marked, counted and reported once', async () => {
    const { adapter, of } = harness({
      config: { latencyBudget: { ms: 100, mode: 'soft' } },
      live: [{ kind: 'ok', latencyMs: 250 }],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(250);
    expect((await result).value).toMatchObject({ budgetExceeded: true });
    expect(of('budget-exceeded')).toMatchObject([{ budgetMs: 100, elapsedMs: 250, mode: 'soft' }]);
    expect(of('request-end')).toMatchObject([{ outcome: 'success', budgetExceeded: true }]);
    expect(adapter.diagnostics().budgetBreaches).toEqual({ soft: 1, hard: 0 });
  });

  it('soft: an answer within budget is not marked', async () => {
    const { adapter, of } = harness({ config: { latencyBudget: { ms: 100 } }, live: [{ kind: 'ok', latencyMs: 100 }] });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(100);
    expect((await result).value?.budgetExceeded).toBe(false);
    expect(of('budget-exceeded')).toEqual([]);
  });

  it('hard: the budget is the deadline over attempts and waits, and rejects with BudgetExceededError', async () => {
    const { adapter, live, of } = harness({
      config: { latencyBudget: { ms: 300, mode: 'hard' }, retry: { initialBackoffMs: 100, maxRetries: 5 } },
      live: [{ kind: 'error', error: httpStatusError(500), latencyMs: 100 }, { kind: 'hang' }],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(299);
    expect(live?.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await result;
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ budgetMs: 300, elapsedMs: 300 });
    expect(live?.calls[1]?.signal?.aborted).toBe(true);
    expect(of('budget-exceeded')).toMatchObject([{ mode: 'hard', budgetMs: 300 }]);
    expect(of('request-end')).toMatchObject([
      { outcome: 'error', budgetExceeded: true, error: { type: 'budget_exceeded' } },
    ]);
    expect(adapter.diagnostics().budgetBreaches).toEqual({ soft: 0, hard: 1 });
  });

  it('a per-call budget overrides the configured one; the total timeout still bounds a larger hard budget', async () => {
    const { adapter } = harness({
      config: { timeouts: { totalMs: 500 }, latencyBudget: { ms: 5_000, mode: 'soft' } },
      live: [{ kind: 'hang' }],
    });
    const hard = settle(adapter.generate('a', { budgetMs: 200, budgetMode: 'hard' }));
    const larger = settle(adapter.generate('b', { budgetMs: 2_000, budgetMode: 'hard' }));
    await vi.advanceTimersByTimeAsync(200);
    expect(BudgetExceededError.isInstance((await hard).error)).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    const { error } = await larger;
    expect(TimeoutError.isInstance(error) && error.phase === 'total').toBe(true);
  });

  it('stops retrying when the next backoff would not fit in the hard budget', async () => {
    const { adapter, live } = harness({
      config: { latencyBudget: { ms: 120, mode: 'hard' }, retry: { initialBackoffMs: 400, maxRetries: 5 } },
      live: [{ kind: 'error', error: httpStatusError(502), latencyMs: 20 }],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(20);
    expect((await result).error).toMatchObject({ code: 'ACPT_RETRIES_EXHAUSTED', reason: 'deadline' });
    expect(live?.calls).toHaveLength(1);
  });
});
