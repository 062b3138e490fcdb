import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('batching is work-conserving', () => {
  it('no request waits while a slot is free, and every request settles once (random arrivals and settings)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          batchSize: fc.integer({ min: 1, max: 8 }),
          maxWaitMs: fc.integer({ min: 0, max: 30 }),
          maxInFlight: fc.integer({ min: 1, max: 6 }),
        }),
        fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 15 }), latencyMs: fc.integer({ min: 1, max: 40 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        async (batching, arrivals) => {
          const { adapter, of } = harness({
            config: { batching: { ...batching, queueLimit: 1_000 }, retry: { maxRetries: 0 } },
            live: (call) => ({ kind: 'ok', latencyMs: arrivals[call]?.latencyMs ?? 1 }),
          });
          const violations: string[] = [];
          const check = (when: string): void => {
            const { queued, inFlight } = adapter.diagnostics().counts;
            if (queued > 0 && inFlight < batching.maxInFlight)
              violations.push(`${when}: ${queued} queued, ${inFlight} in flight`);
          };
          adapter.on('attempt-end', () => queueMicrotask(() => check('after attempt-end')));
          const results: Promise<{ value?: unknown; error?: unknown }>[] = [];
          for (const [index, arrival] of arrivals.entries()) {
            await vi.advanceTimersByTimeAsync(arrival.gapMs);
            results.push(settle(adapter.generate(`p${index}`)));
            check(`after arrival ${index}`);
          }
          await vi.advanceTimersByTimeAsync(2_000);
          const settled = await Promise.all(results);
          expect(violations).toEqual([]);
          expect(settled.filter((result) => result.value !== undefined)).toHaveLength(arrivals.length);
          expect(of('request-end')).toHaveLength(arrivals.length);
          expect(adapter.diagnostics().counts).toMatchObject({ queued: 0, inFlight: 0 });
          await adapter.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
