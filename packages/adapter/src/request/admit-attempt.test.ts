import type {
  Admission,
  AdmissionRequest,
  AdmissionSettlement,
  AdmissionTicket,
  AdmissionVerdict,
  RateLimitState,
} from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { networkError, rateLimitError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';

/** A recording admission whose verdicts follow a script (the last one repeats). */
function scriptedAdmission(verdicts: readonly (AdmissionVerdict | Promise<AdmissionVerdict>)[]): Admission & {
  readonly asked: AdmissionRequest[];
  readonly settled: { ticket: AdmissionTicket; settlement: AdmissionSettlement }[];
  readonly observed: { state: RateLimitState; model: string }[];
} {
  const asked: AdmissionRequest[] = [];
  const settled: { ticket: AdmissionTicket; settlement: AdmissionSettlement }[] = [];
  const observed: { state: RateLimitState; model: string }[] = [];
  return {
    asked,
    settled,
    observed,
    admit(request) {
      asked.push(request);
      return verdicts[Math.min(asked.length - 1, verdicts.length - 1)] as AdmissionVerdict;
    },
    observe(state, model) {
      observed.push({ state, model });
    },
    settle(ticket, settlement) {
      settled.push({ ticket, settlement });
    },
  };
}

const ticket = (id: string): AdmissionTicket => ({ id, tokens: 1_010, model: 'gpt-oss-120b' });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('an injected admission', () => {
  it('is asked before every live attempt with the reservation, waits when refused, and settles with usage', async () => {
    const admission = scriptedAdmission([
      { admit: false, waitMs: 3_000, neededTokens: 1_010, remainingTokens: 5, window: 'tokens-minute' },
      { admit: true, ticket: ticket('a') },
    ]);
    const rateLimit: RateLimitState = { observedAtMs: 0, requests: {}, tokens: { minute: { remaining: 7 } } };
    const { adapter, live, of } = harness({
      admission,
      config: { maxCompletionTokens: 1_000, model: 'gpt-oss-120b' },
      live: [{ kind: 'ok', rateLimit, usage: { promptTokens: 10, completionTokens: 20, totalTokens: 30 } }],
    });
    const pending = settle(adapter.generate('0123456789abcdefghijklmnopqrstu'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(live?.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).value?.attempts).toBe(1);
    expect(admission.asked.map((request) => [request.tokens, request.model])).toEqual([
      [1_012, 'gpt-oss-120b'],
      [1_012, 'gpt-oss-120b'],
    ]);
    expect(admission.settled).toEqual([{ ticket: ticket('a'), settlement: { charged: true, usedTokens: 30 } }]);
    expect(admission.observed).toEqual([{ state: rateLimit, model: 'gpt-oss-120b' }]);
    expect(of('retry-scheduled')).toMatchObject([{ delayMs: 3_000, delaySource: 'rate-limit-admission' }]);
  });

  it('gives back the whole reservation of a 429 and keeps it for a failure the server may have counted', async () => {
    const admission = scriptedAdmission([{ admit: true, ticket: ticket('t') }]);
    const { adapter } = harness({
      admission,
      config: { retry: { maxRetries: 2, initialBackoffMs: 1, maxBackoffMs: 1 } },
      live: [
        { kind: 'error', error: rateLimitError('request_quota', 'minute', 1) },
        { kind: 'error', error: networkError() },
        { kind: 'ok' },
      ],
    });
    const pending = settle(adapter.generate('x'));
    await vi.advanceTimersByTimeAsync(100);
    expect((await pending).value?.attempts).toBe(3);
    expect(admission.settled.map((entry) => entry.settlement)).toEqual([
      { charged: false },
      { charged: true },
      { charged: true, usedTokens: 15 },
    ]);
  });

  it('awaits an asynchronous verdict, and stops at once when the wait can never fit', async () => {
    const admission = scriptedAdmission([
      Promise.resolve({
        admit: false,
        waitMs: Number.POSITIVE_INFINITY,
        neededTokens: 9,
        remainingTokens: 0,
        window: 'tokens-day',
      }),
    ]);
    const { adapter, live } = harness({ admission, live: [{ kind: 'ok' }] });
    const { error } = await settle(adapter.generate('x'));
    expect(error).toMatchObject({ code: 'ACPT_RETRIES_EXHAUSTED', reason: 'token-budget-exceeds-deadline' });
    expect(String((error as Error).message)).toMatch(/\(tokens-day\), and it can never fit in that window/);
    expect(live?.calls).toHaveLength(0);
  });

  it('rejects with the caller abort while a verdict is pending, and returns a reservation that came too late', async () => {
    let grant: (verdict: AdmissionVerdict) => void = () => undefined;
    const admission = scriptedAdmission([new Promise<AdmissionVerdict>((resolve) => (grant = resolve))]);
    const { adapter, live } = harness({ admission, live: [{ kind: 'ok' }] });
    const controller = new AbortController();
    const pending = settle(adapter.generate('x', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(0);
    controller.abort(new Error('caller gave up'));
    grant({ admit: true, ticket: ticket('late') });
    expect((await pending).error).toMatchObject({ message: 'caller gave up' });
    expect(admission.settled).toEqual([{ ticket: ticket('late'), settlement: { charged: false } }]);
    expect(live?.calls).toHaveLength(0);
  });

  it('fails the request with the error of an admission that throws', async () => {
    const admission = scriptedAdmission([Promise.reject(new Error('redis unreachable'))]);
    const { adapter, live } = harness({ admission, live: [{ kind: 'ok' }] });
    expect((await settle(adapter.generate('x'))).error).toMatchObject({ message: 'redis unreachable' });
    expect(live?.calls).toHaveLength(0);
  });

  it('is skipped while it says it is not tracking, and never asked for mock-mode requests', async () => {
    const admission = {
      ...scriptedAdmission([{ admit: false, waitMs: 1, neededTokens: 1, remainingTokens: 0 }]),
      tracking: false,
    };
    const { adapter } = harness({ admission, live: [{ kind: 'ok' }], mock: [{ kind: 'ok' }] });
    expect((await settle(adapter.generate('x'))).value?.attempts).toBe(1);
    adapter.configure({ mockMode: true });
    expect((await settle(adapter.generate('y'))).value?.attempts).toBe(1);
    expect(admission.asked).toHaveLength(0);
  });
});
