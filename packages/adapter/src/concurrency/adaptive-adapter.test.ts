import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rateLimitError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';
import type { ScriptStep } from '../__fixtures__/scripted-transport.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * A loaded endpoint as the scripted transport sees it: `slots` requests are served in `serviceMs`; each request beyond
 * them waits a service time per request ahead of it; beyond `slots + queue` the endpoint answers 429 queue_exceeded.
 */
function loadedEndpoint(model: { slots: number; queue: number; serviceMs: number }) {
  let inFlight = 0;
  const step = (): ScriptStep => {
    if (inFlight >= model.slots + model.queue) return { kind: 'error', error: rateLimitError('queue') };
    const ahead = Math.max(0, inFlight - model.slots + 1);
    inFlight++;
    const latencyMs = model.serviceMs * (1 + ahead);
    setTimeout(() => inFlight--, latencyMs);
    return { kind: 'ok', latencyMs };
  };
  return step;
}

/** `count` closed-loop callers issuing `perCaller` requests each. */
async function closedLoop(generate: (index: number) => Promise<unknown>, count: number, perCaller: number) {
  const outcomes: { value?: unknown; error?: unknown }[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, caller) => {
      for (let index = 0; index < perCaller; index++) outcomes.push(await settle(generate(caller * perCaller + index)));
    }),
  );
  return outcomes;
}

describe('batching.mode adaptive in the adapter (virtual time)', () => {
  it('grows the limit toward the endpoint capacity, backs off on 429 queue_exceeded, and says so', async () => {
    const { adapter, of } = harness({
      config: {
        batching: { mode: 'adaptive', minInFlight: 1, maxInFlight: 64, adaptiveWindow: 5, cooldownMs: 500 },
        latencyBudget: { ms: 2_000 },
        retry: { maxRetries: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
        fallback: 'throw',
      },
      live: loadedEndpoint({ slots: 8, queue: 4, serviceMs: 100 }),
    });
    const run = closedLoop((index) => adapter.generate(`p${index}`), 40, 10);
    await vi.advanceTimersByTimeAsync(120_000);
    const outcomes = await run;
    expect(outcomes.filter((outcome) => outcome.value !== undefined)).toHaveLength(400);
    const changes = of('concurrency-change');
    expect(changes.length).toBeGreaterThan(2);
    expect(changes[0]).toMatchObject({ previousLimit: 1, limit: 2, reason: 'slow-start' });
    expect(changes.some((change) => change.reason === 'queue_exceeded' || change.reason === 'latency')).toBe(true);
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.concurrency).toMatchObject({ mode: 'adaptive', minInFlight: 1, maxInFlight: 64 });
    expect(diagnostics.concurrency.limit).toBeGreaterThanOrEqual(2);
    expect(diagnostics.concurrency.limit).toBeLessThanOrEqual(24);
    expect(diagnostics.concurrency.decisions.at(-1)).toEqual(changes.at(-1));
    await adapter.close();
  });

  it('is reproducible: the same run makes the same decisions', async () => {
    const decisionsOf = async () => {
      const { adapter, of } = harness({
        config: { batching: { mode: 'adaptive', adaptiveWindow: 4, cooldownMs: 300 }, fallback: 'throw' },
        live: loadedEndpoint({ slots: 4, queue: 2, serviceMs: 50 }),
      });
      const run = closedLoop((index) => adapter.generate(`p${index}`), 16, 6);
      await vi.advanceTimersByTimeAsync(60_000);
      await run;
      await adapter.close();
      return of('concurrency-change').map(({ timestampMs, ...decision }) => decision);
    };
    const first = await decisionsOf();
    expect(first.length).toBeGreaterThan(0);
    expect(await decisionsOf()).toEqual(first);
  });

  it('fixed mode emits no concurrency-change and keeps maxInFlight', async () => {
    const { adapter, of } = harness({
      config: { batching: { maxInFlight: 4 }, fallback: 'throw', retry: { maxRetries: 5 } },
      live: loadedEndpoint({ slots: 2, queue: 1, serviceMs: 50 }),
    });
    const run = closedLoop((index) => adapter.generate(`p${index}`), 8, 4);
    await vi.advanceTimersByTimeAsync(60_000);
    await run;
    expect(of('concurrency-change')).toEqual([]);
    expect(adapter.diagnostics().concurrency).toMatchObject({ mode: 'fixed', limit: 4, decisions: [] });
    await adapter.close();
  });

  it('every request settles exactly once and the limit stays within bounds (random load and settings)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          slots: fc.integer({ min: 1, max: 6 }),
          queue: fc.integer({ min: 0, max: 4 }),
          serviceMs: fc.integer({ min: 5, max: 200 }),
        }),
        fc.record({
          minInFlight: fc.integer({ min: 1, max: 3 }),
          extra: fc.integer({ min: 0, max: 12 }),
          adaptiveWindow: fc.integer({ min: 1, max: 6 }),
          cooldownMs: fc.integer({ min: 0, max: 500 }),
        }),
        fc.integer({ min: 1, max: 12 }),
        async (endpoint, settings, callers) => {
          const { adapter, of } = harness({
            config: {
              batching: {
                mode: 'adaptive',
                minInFlight: settings.minInFlight,
                maxInFlight: settings.minInFlight + settings.extra,
                adaptiveWindow: settings.adaptiveWindow,
                cooldownMs: settings.cooldownMs,
              },
              retry: { maxRetries: 1, initialBackoffMs: 10, maxBackoffMs: 20 },
              fallback: 'throw',
            },
            live: loadedEndpoint(endpoint),
          });
          let peak = 0;
          adapter.on('attempt-start', () => {
            peak = Math.max(peak, adapter.diagnostics().counts.inFlight);
          });
          const run = closedLoop((index) => adapter.generate(`p${index}`), callers, 3);
          await vi.advanceTimersByTimeAsync(120_000);
          const outcomes = await run;
          expect(outcomes).toHaveLength(callers * 3);
          expect(of('request-end')).toHaveLength(callers * 3);
          expect(new Set(of('request-end').map((event) => event.requestId)).size).toBe(callers * 3);
          expect(peak).toBeLessThanOrEqual(settings.minInFlight + settings.extra);
          for (const change of of('concurrency-change')) {
            expect(change.limit).toBeGreaterThanOrEqual(settings.minInFlight);
            expect(change.limit).toBeLessThanOrEqual(settings.minInFlight + settings.extra);
          }
          expect(adapter.diagnostics().counts).toMatchObject({ inFlight: 0, queued: 0 });
          await adapter.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
