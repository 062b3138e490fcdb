import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const pricing = { 'gpt-oss-120b': { inputUsdPerMillion: 1000, outputUsdPerMillion: 2000 } };
const tolerance = 1e-9;

describe('spend limits under concurrent admission', () => {
  it('never spend more than maxUsd, whatever the arrivals, latencies and billed tokens', async () => {
    const request = fc.record({
      arrivalMs: fc.integer({ min: 0, max: 200 }),
      latencyMs: fc.integer({ min: 0, max: 300 }),
      // Billed tokens never exceed the reservation: prompt ≤ the estimate of "a" (5), completion ≤ 100.
      promptTokens: fc.integer({ min: 0, max: 5 }),
      completionTokens: fc.integer({ min: 0, max: 100 }),
      stream: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.21, max: 2, noNaN: true }),
        fc.constantFrom('mock' as const, 'throw' as const),
        async (requests, maxUsd, fallback) => {
          const usageOf = (index: number) => {
            const entry = requests[index % requests.length] ?? requests[0];
            const promptTokens = entry?.promptTokens ?? 0;
            const completionTokens = entry?.completionTokens ?? 0;
            return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
          };
          const { adapter, of } = harness({
            config: {
              pricing,
              fallback,
              maxCompletionTokens: 100,
              spend: { maxUsd },
              batching: { batchSize: 1, maxInFlight: 64, queueLimit: 100 },
            },
            live: (call) => ({ kind: 'ok', latencyMs: requests[call]?.latencyMs ?? 0, usage: usageOf(call) }),
            mock: [{ kind: 'ok' }],
          });
          let billed = 0;
          adapter.on('request-end', (event) => {
            billed += event.fallbackReason === undefined ? (event.cost?.usd ?? 0) : 0;
            const view = adapter.diagnostics().cost.spend.limiter;
            expect((view?.spentUsd ?? 0) + (view?.reservedUsd ?? 0)).toBeLessThanOrEqual(maxUsd + tolerance);
          });
          // Every arrival timer is registered before time moves, then time advances until all have settled.
          let settledCount = 0;
          const pending = requests.map(async (entry) => {
            await new Promise((resolve) => setTimeout(resolve, entry.arrivalMs));
            const outcome = entry.stream
              ? await settle(
                  (async () => {
                    for await (const _event of adapter.stream('a'));
                  })(),
                )
              : await settle(adapter.generate('a'));
            settledCount++;
            return outcome;
          });
          for (let step = 0; step < 1_000 && settledCount < requests.length; step++) {
            await vi.advanceTimersByTimeAsync(10);
          }
          expect(settledCount).toBe(requests.length);
          await Promise.all(pending);
          expect(billed).toBeLessThanOrEqual(maxUsd + tolerance);
          expect(adapter.diagnostics().cost.totalUsd).toBeLessThanOrEqual(maxUsd + tolerance);
          expect(adapter.diagnostics().counts.inFlight).toBe(0);
          expect(of('request-end')).toHaveLength(requests.length);
          await adapter.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
