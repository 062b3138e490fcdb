import type { RateLimitState } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rateLimitError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';
import { TokenAdmission } from './token-admission.ts';

function tokens(remaining: number, resetSeconds: number, observedAtMs: number, limit = 10_000): RateLimitState {
  return { observedAtMs, requests: {}, tokens: { minute: { limit, remaining, resetSeconds } } };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TokenAdmission', () => {
  it('admits while tokens remain, reserving them, and holds back what does not fit until the reset', () => {
    const admission = new TokenAdmission();
    expect(admission.admit({ tokens: 5_000, model: 'm', nowMs: 0 })).toEqual({ admit: true });
    admission.observe(tokens(1_500, 10, 1_000));
    expect(admission.admit({ tokens: 1_000, model: 'm', nowMs: 2_000 })).toEqual({ admit: true });
    expect(admission.admit({ tokens: 1_000, model: 'm', nowMs: 2_000 })).toEqual({
      admit: false,
      waitMs: 9_000,
      neededTokens: 1_000,
      remainingTokens: 500,
      window: 'tokens-minute',
    });
    expect(admission.admit({ tokens: 1_000, model: 'm', nowMs: 11_000 })).toEqual({ admit: true });
    expect(admission.tracking).toBe(false);
  });

  it('admits a request larger than the whole limit (waiting could not help)', () => {
    const admission = new TokenAdmission();
    admission.observe(tokens(100, 30, 0, 1_000));
    expect(admission.admit({ tokens: 5_000, model: 'm', nowMs: 0 })).toEqual({ admit: true });
  });
});

describe('token-budget admission in the adapter', () => {
  const now = (): number => Date.now();

  it('waits for the window reset instead of provoking a 429', async () => {
    const { adapter, live, of } = harness({
      config: { maxCompletionTokens: 1_000 },
      live: (call) => ({ kind: 'ok', rateLimit: tokens(call === 0 ? 500 : 9_000, 4, now()) }),
    });
    await settle(adapter.generate('first'));
    const second = settle(adapter.generate('second'));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(live?.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await second).value?.attempts).toBe(1);
    expect(of('retry-scheduled')).toMatchObject([
      { nextAttempt: 1, delayMs: 4_000, delaySource: 'rate-limit-admission', reason: 'token_budget' },
    ]);
    expect(of('rate-limit')).toHaveLength(2);
    expect(adapter.diagnostics().rateLimits.admissionWaits).toBe(1);
    expect(adapter.diagnostics().rateLimits.last?.tokens.minute?.remaining).toBe(9_000);
  });

  it('fails fast when the reset does not fit in the deadline', async () => {
    const { adapter, live } = harness({
      config: { maxCompletionTokens: 1_000, timeouts: { totalMs: 2_000 } },
      live: () => ({ kind: 'ok', rateLimit: tokens(500, 30, now()) }),
    });
    await settle(adapter.generate('first'));
    const { error } = await settle(adapter.generate('second'));
    expect(error).toMatchObject({ code: 'ACPT_RETRIES_EXHAUSTED', reason: 'token-budget-exceeds-deadline' });
    expect(String((error as Error).message)).toMatch(/Token budget admission/);
    expect(live?.calls).toHaveLength(1);
  });

  it('sheds to the mock fallback with reason token_budget, before the attempt it would not admit', async () => {
    const { adapter, live, of } = harness({
      config: { fallback: 'mock', maxCompletionTokens: 1_000, timeouts: { totalMs: 2_000 } },
      live: () => ({ kind: 'ok', rateLimit: tokens(500, 30, now()) }),
      mock: [{ kind: 'ok' }],
    });
    await settle(adapter.generate('first'));
    const { value } = await settle(adapter.generate('second'));
    expect(value?.fallback).toEqual({ reason: 'token_budget' });
    expect(live?.calls).toHaveLength(1);
    expect(adapter.diagnostics().fallbacksByReason).toMatchObject({ token_budget: 1, retries_exhausted: 0 });
    expect(of('fallback-start')).toMatchObject([{ reason: 'token_budget' }]);
  });

  it('learns the window from a 429 token-quota response too', async () => {
    const error = rateLimitError('token_quota', 'minute', 60_000);
    Object.assign(error, {
      responseHeaders: { 'x-ratelimit-remaining-tokens-minute': '0', 'x-ratelimit-reset-tokens-minute': '5' },
    });
    const { adapter } = harness({
      config: { timeouts: { totalMs: 2_000 } },
      live: [{ kind: 'error', error }, { kind: 'ok' }],
    });
    const first = await settle(adapter.generate('first'));
    expect(first.error).toMatchObject({ reason: 'server-wait-exceeds-deadline' });
    const second = await settle(adapter.generate('second'));
    expect(second.error).toMatchObject({ reason: 'token-budget-exceeds-deadline' });
    expect(adapter.diagnostics().rateLimits.byKind.token_quota).toBe(1);
  });

  it('only the live path feeds admission: mock rate-limit headers never hold back live requests', async () => {
    const { adapter, live } = harness({
      config: { mockMode: true, maxCompletionTokens: 1_000 },
      mock: () => ({ kind: 'ok', rateLimit: tokens(0, 30, now()) }),
      live: [{ kind: 'ok' }],
    });
    await settle(adapter.generate('mock'));
    expect(adapter.diagnostics().rateLimits.last?.tokens.minute?.remaining).toBe(0);
    adapter.configure({ mockMode: false });
    expect((await settle(adapter.generate('live'))).value?.attempts).toBe(1);
    expect(live?.calls).toHaveLength(1);
    expect(adapter.diagnostics().rateLimits.admissionWaits).toBe(0);
  });
});
