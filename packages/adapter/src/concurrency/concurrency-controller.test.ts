import { type BatchingSettings, type ConcurrencyDecision, parseConfig } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcurrencyController, percentile95 } from './concurrency-controller.ts';

function controller(batching: Partial<BatchingSettings> = {}, budgetMs = 2_000) {
  let settings = parseConfig({
    batching: { mode: 'adaptive', minInFlight: 2, maxInFlight: 64, adaptiveWindow: 4, cooldownMs: 1_000, ...batching },
  }).batching;
  const changes: ConcurrencyDecision[] = [];
  const subject = new ConcurrencyController(
    () => ({ batching: settings, budgetMs }),
    (decision) => changes.push(decision),
  );
  return {
    subject,
    changes,
    configure: (patch: Partial<BatchingSettings>) => {
      settings = { ...settings, ...patch };
    },
    /** One decision window of `latencyMs` at time `nowMs` with the limit reached: until a decision, at most a full window. */
    window: (latencyMs: number, nowMs: number) => {
      subject.observeInFlight(subject.limit);
      const before = changes.length;
      for (let index = 0; index < settings.adaptiveWindow && changes.length === before; index++) {
        subject.observeSuccess(latencyMs, nowMs);
      }
    },
  };
}

describe('the adaptive concurrency controller', () => {
  it('starts at the minimum, doubles under the target (slow start), then adds one per window after a decrease', () => {
    const { subject, changes, window } = controller();
    expect(subject.limit).toBe(2);
    window(100, 1_000);
    window(100, 2_000);
    window(100, 3_000);
    expect(subject.limit).toBe(16);
    subject.observePushback('queue_exceeded', 4_000);
    expect(subject.limit).toBe(8);
    window(100, 4_500); // within the cool-down: held
    expect(subject.limit).toBe(8);
    window(100, 5_000);
    window(100, 6_000);
    expect(subject.limit).toBe(10);
    expect(changes.map((change) => [change.reason, change.previousLimit, change.limit])).toEqual([
      ['slow-start', 2, 4],
      ['slow-start', 4, 8],
      ['slow-start', 8, 16],
      ['queue_exceeded', 16, 8],
      ['increase', 8, 9],
      ['increase', 9, 10],
    ]);
    // In slow start a window is one round of the current limit (2 attempts at limit 2).
    expect(changes[0]?.measurement).toEqual({ p95Ms: 100, targetMs: 1_600, budgetMs: 2_000, samples: 2 });
  });

  it('holds between the target and the budget (hysteresis) and halves on a p95 over the budget', () => {
    const { subject, window } = controller({ minInFlight: 2 });
    window(100, 0);
    window(100, 0);
    expect(subject.limit).toBe(8);
    window(1_800, 1_000);
    expect(subject.limit).toBe(8);
    window(2_500, 2_000);
    expect(subject.limit).toBe(4);
    expect(subject.decisions.at(-1)).toMatchObject({ reason: 'latency', measurement: { p95Ms: 2_500 } });
  });

  it('stops growing once latency rises past 1.5 × the unloaded p95, before any 429 (latency gradient)', () => {
    const { subject, window } = controller({ minInFlight: 2, adaptiveWindow: 4 });
    window(100, 0);
    window(100, 0);
    expect(subject.limit).toBe(8);
    window(200, 1_000); // queueing at the endpoint: well under the budget, but 2 × the unloaded latency
    window(200, 2_000);
    expect(subject.limit).toBe(8);
    window(150, 3_000); // rising (over 1.25 × the drifting lowest, 116 ms): slow start ends, growth turns additive
    expect(subject.decisions.at(-1)).toMatchObject({ reason: 'increase', previousLimit: 8, limit: 9 });
  });

  it('does not grow a limit the callers never reach (app-limited windows)', () => {
    const { subject } = controller();
    for (let index = 0; index < 40; index++) subject.observeSuccess(50, index * 100);
    expect(subject.limit).toBe(2);
  });

  it('a burst of push-backs decreases once per cool-down, never below the minimum', () => {
    const { subject, window } = controller({ minInFlight: 2 });
    window(50, 0);
    window(50, 0);
    window(50, 0);
    expect(subject.limit).toBe(16);
    for (let index = 0; index < 20; index++) subject.observePushback('queue_exceeded', 5_000 + index);
    expect(subject.limit).toBe(8);
    for (let at = 6_000; at < 12_000; at += 1_000) subject.observePushback('timeout', at);
    expect(subject.limit).toBe(2);
  });

  it('recovers quickly after a burst ends: back to the earlier limit within a few windows', () => {
    const { subject, window } = controller({ minInFlight: 1, maxInFlight: 32 });
    for (let at = 0; at < 6; at++) window(100, at * 100);
    expect(subject.limit).toBe(32);
    subject.observePushback('queue_exceeded', 1_000);
    expect(subject.limit).toBe(16);
    let windows = 0;
    for (let at = 2_000; subject.limit < 32; at += 500, windows++) window(100, at);
    expect(windows).toBeLessThanOrEqual(17);
  });

  it('in fixed mode the limit is maxInFlight and nothing adapts', () => {
    const { subject, changes, window, configure } = controller();
    configure({ mode: 'fixed' });
    window(10, 1_000);
    subject.observePushback('queue_exceeded', 2_000);
    expect(subject.limit).toBe(64);
    expect(changes).toEqual([]);
    const settings = subject.batchingSettings();
    expect(settings.maxInFlight).toBe(64);
  });

  it('batchingSettings carries the limit (and caps the batch size by it) without allocating while nothing changed', () => {
    const { subject } = controller({ batchSize: 8 });
    const first = subject.batchingSettings();
    expect(first).toMatchObject({ maxInFlight: 2, batchSize: 2 });
    expect(subject.batchingSettings()).toBe(first);
  });

  it('always stays within [minInFlight, maxInFlight] (random observations)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 56 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('ok' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
            fc.record({ kind: fc.constantFrom('queue_exceeded' as const, 'timeout' as const) }),
            fc.record({ kind: fc.constant('in-flight' as const), n: fc.integer({ min: 0, max: 100 }) }),
          ),
          { maxLength: 300 },
        ),
        (min, extra, script) => {
          const { subject } = controller({ minInFlight: min, maxInFlight: min + extra, adaptiveWindow: 3 });
          let now = 0;
          for (const step of script) {
            now += 100;
            if (step.kind === 'ok') subject.observeSuccess(step.ms, now);
            else if (step.kind === 'in-flight') subject.observeInFlight(step.n);
            else subject.observePushback(step.kind, now);
            expect(subject.limit).toBeGreaterThanOrEqual(min);
            expect(subject.limit).toBeLessThanOrEqual(min + extra);
          }
        },
      ),
    );
  });

  it('percentile95 is the nearest-rank 95th percentile', () => {
    expect(percentile95([5])).toBe(5);
    expect(percentile95(Array.from({ length: 20 }, (_, index) => index + 1))).toBe(19);
    expect(percentile95(Array.from({ length: 100 }, (_, index) => 100 - index))).toBe(95);
  });
});
