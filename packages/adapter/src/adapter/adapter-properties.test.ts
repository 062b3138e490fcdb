import { createMockTransport, type FaultKind } from '@acpt/transport-mock';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, type Recorded } from '../__fixtures__/harness.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';

const faultKinds: FaultKind[] = [
  'rate-limit-requests',
  'rate-limit-tokens',
  'rate-limit-queue',
  'server-error',
  'service-unavailable',
  'unauthorized',
  'connection-reset',
  'headers-timeout',
  'slow-headers',
  'stream-truncated',
  'stream-error-event',
  'malformed-json',
];

const scenario = fc.record({
  config: fc.record({
    maxRetries: fc.integer({ min: 0, max: 3 }),
    initialBackoffMs: fc.integer({ min: 1, max: 100 }),
    batchSize: fc.integer({ min: 1, max: 4 }),
    maxWaitMs: fc.integer({ min: 0, max: 20 }),
    maxInFlight: fc.integer({ min: 1, max: 4 }),
    queueLimit: fc.integer({ min: 1, max: 8 }),
    fallback: fc.constantFrom('mock' as const, 'throw' as const),
    budgetMs: fc.integer({ min: 50, max: 3_000 }),
    budgetMode: fc.constantFrom('soft' as const, 'hard' as const),
    totalMs: fc.integer({ min: 300, max: 5_000 }),
    failureThreshold: fc.integer({ min: 1, max: 4 }),
    cooldownMs: fc.integer({ min: 10, max: 500 }),
    streaming: fc.boolean(),
    mockMode: fc.boolean(),
  }),
  faults: fc.array(
    fc.record({
      kind: fc.constantFrom(...faultKinds),
      probability: fc.double({ min: 0.1, max: 0.7, noNaN: true }),
      seed: fc.nat(1_000),
      delayMs: fc.integer({ min: 1, max: 5_000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  latencyMaxMs: fc.integer({ min: 0, max: 80 }),
  requests: fc.array(
    fc.record({
      stream: fc.boolean(),
      gapMs: fc.integer({ min: 0, max: 30 }),
      abortAtMs: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  close: fc.record({
    mode: fc.constantFrom('drain' as const, 'cancel' as const),
    atMs: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function run(input: Scenario): Promise<void> {
  const { config: c } = input;
  const config = testConfig({
    mockMode: c.mockMode,
    fallback: c.fallback,
    streaming: c.streaming,
    timeouts: { totalMs: c.totalMs },
    retry: { maxRetries: c.maxRetries, initialBackoffMs: c.initialBackoffMs, maxBackoffMs: 400 },
    batching: { batchSize: c.batchSize, maxWaitMs: c.maxWaitMs, maxInFlight: c.maxInFlight, queueLimit: c.queueLimit },
    latencyBudget: { ms: c.budgetMs, mode: c.budgetMode },
    circuitBreaker: { failureThreshold: c.failureThreshold, cooldownMs: c.cooldownMs },
  });
  const faulty = createMockTransport({
    seed: 1,
    faults: input.faults,
    latency: { kind: 'seeded', minMs: 0, maxMs: input.latencyMaxMs },
  });
  const fallback = createMockTransport({ seed: 2, latency: { kind: 'seeded', minMs: 0, maxMs: input.latencyMaxMs } });
  // In mock mode the faulty mock is the primary path; otherwise it plays the live endpoint.
  const adapter = createAdapter({
    config,
    clock: { now: () => Date.now() },
    transport: c.mockMode ? undefined : faulty,
    mockTransport: c.mockMode ? faulty : fallback,
    warn: () => undefined,
  });
  const events: Recorded[] = [];
  for (const name of EVENT_NAMES) adapter.on(name, (event) => events.push({ name, event } as Recorded));
  let settled = 0;
  const done: Promise<void>[] = [];
  let closing: Promise<void> | undefined;
  // The test's own timers (aborts, the close) are cleared before counting what the adapter left behind.
  const ownTimers: ReturnType<typeof setTimeout>[] = [];
  if (input.close.atMs !== undefined) {
    ownTimers.push(
      setTimeout(() => {
        closing = adapter.close({ mode: input.close.mode });
      }, input.close.atMs),
    );
  }
  for (const [index, request] of input.requests.entries()) {
    await vi.advanceTimersByTimeAsync(request.gapMs);
    const controller = new AbortController();
    if (request.abortAtMs !== undefined) {
      ownTimers.push(setTimeout(() => controller.abort(new Error('caller abort')), request.abortAtMs));
    }
    const options = { signal: controller.signal };
    const onSettled = (): void => {
      settled++;
    };
    if (request.stream) {
      done.push(
        (async () => {
          for await (const _ of adapter.stream(`stream ${index}`, options)) {
            // consume
          }
        })().then(onSettled, onSettled),
      );
    } else done.push(adapter.generate(`request ${index}`, options).then(onSettled, onSettled));
  }
  // Advance only until everything settled: no request may outlive its deadline (plus queueing and the close).
  for (let elapsed = 0; settled < input.requests.length && elapsed <= c.totalMs + 1_000; elapsed += 5) {
    await vi.advanceTimersByTimeAsync(5);
  }
  expect(settled).toBe(input.requests.length);
  await Promise.all(done);
  for (const timer of ownTimers) clearTimeout(timer);
  const starts = events
    .filter((entry) => entry.name === 'request-start')
    .map((entry) => (entry.event as { requestId: string }).requestId);
  const ends = events
    .filter((entry) => entry.name === 'request-end')
    .map((entry) => (entry.event as { requestId: string }).requestId);
  expect(new Set(ends).size).toBe(ends.length);
  expect([...ends].sort()).toEqual([...starts].sort());
  const { counts } = adapter.diagnostics();
  expect(counts.submitted).toBe(starts.length);
  expect(counts.inFlight + counts.queued).toBe(0);
  expect(counts.succeeded + counts.fellBack + counts.failed + counts.aborted).toBe(counts.submitted);
  await (closing ?? adapter.close({ mode: input.close.mode }));
  expect(vi.getTimerCount()).toBe(0);
}

describe('adapter invariants (fast-check)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles every request exactly once, counts add up, nothing is left open after close()', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        vi.clearAllTimers();
        await run(input);
      }),
      { numRuns: 120, seed: Number(process.env.ACPT_PROPERTY_SEED ?? 20_261_126) },
    );
  });
});
