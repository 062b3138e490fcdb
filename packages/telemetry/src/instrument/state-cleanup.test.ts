import type { AdapterEventMap, AdapterEventName } from '@acpt/config';
import { AlwaysOffSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { requestEnd, requestStart, T0, UNAVAILABLE } from '../__fixtures__/adapter-events.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { TelemetryHarness } from '../__fixtures__/telemetry-harness.ts';
import { instrumentAdapter } from './instrument-adapter.ts';

type Emission = { [TName in AdapterEventName]: { name: TName; event: AdapterEventMap[TName] } }[AdapterEventName];

interface Script {
  readonly failures: number;
  readonly end: 'success' | 'error' | 'fallback' | 'aborted';
  readonly batched: boolean;
}

/** The events of one request after its `request-start`, in order. */
function eventsOf(id: string, script: Script): Emission[] {
  const events: Emission[] = [];
  const live = { requestId: id, timestampMs: T0, role: 'live', provider: 'cerebras' } as const;
  for (let attempt = 1; attempt <= script.failures; attempt += 1) {
    events.push({ name: 'attempt-start', event: { ...live, attempt } });
    const error = { ...live, attempt, durationMs: 1, error: UNAVAILABLE, willRetry: true };
    events.push({ name: 'attempt-error', event: error });
    const retry = { requestId: id, timestampMs: T0, nextAttempt: attempt + 1, delayMs: 1, reason: '503' };
    events.push({ name: 'retry-scheduled', event: { ...retry, delaySource: 'backoff' } });
  }
  const last = script.failures + 1;
  if (script.end === 'fallback') {
    const fallback = { requestId: id, timestampMs: T0, reason: 'retries_exhausted', provider: 'acpt.mock' } as const;
    events.push({ name: 'fallback-start', event: fallback });
    events.push({ name: 'attempt-start', event: { ...live, attempt: last, role: 'mock', provider: 'acpt.mock' } });
  } else if (script.end !== 'error') events.push({ name: 'attempt-start', event: { ...live, attempt: last } });
  const outcome = script.end === 'error' ? { outcome: 'error' as const, response: undefined } : { outcome: script.end };
  events.push({ name: 'request-end', event: requestEnd(id, 5, { ...outcome, attempts: last }) });
  return events;
}

let harness: TelemetryHarness | undefined;

afterEach(async () => {
  await harness?.shutdown();
  harness = undefined;
});

describe('per-request state', () => {
  it('is dropped at request-end whatever the interleaving, with every span ended under its request', () => {
    const script = fc.record({
      failures: fc.integer({ min: 0, max: 3 }),
      end: fc.constantFrom('success', 'error', 'fallback', 'aborted'),
      batched: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(script, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 200 }),
        fc.constantFrom('all', 'retries', 'none'),
        (scripts, picks, mode) => {
          const telemetry = new TelemetryHarness();
          const source = new FakeEventSource();
          const instrumentation = instrumentAdapter(source, {
            tracerProvider: telemetry.tracerProvider,
            meterProvider: telemetry.meterProvider,
            env: {},
            attemptSpans: mode,
          });
          const ids = scripts.map((_, index) => `r${index}`);
          const queues = ids.map((id, index) => eventsOf(id, scripts[index] as Script));
          for (const id of ids) source.emit('request-start', requestStart(id, 0));
          const batched = ids.filter((_, index) => scripts[index]?.batched);
          if (batched.length > 0) {
            const flush = { batchId: 'b1', timestampMs: T0, kind: 'micro', waitMs: 0, model: 'gpt-oss-120b' } as const;
            source.emit('batch-flush', { ...flush, requestIds: batched });
          }
          let pick = 0;
          for (let open = queues.filter((queue) => queue.length > 0); open.length > 0; ) {
            const queue = open[(picks[pick++] ?? 0) % open.length] as Emission[];
            const next = queue.shift() as Emission;
            source.emit(next.name, next.event as never);
            open = queues.filter((entry) => entry.length > 0);
          }
          expect(instrumentation.activeRequests).toBe(0);
          const spans = telemetry.spans();
          // Attempt spans: every attempt (all), only those of requests with more than one (retries), none (none).
          const attempts = scripts.reduce((sum, entry) => {
            const made = entry.failures + (entry.end === 'error' ? 0 : 1);
            if (mode === 'none' || (mode === 'retries' && made < 2)) return sum;
            return sum + made;
          }, 0);
          expect(spans).toHaveLength(scripts.length + attempts + (batched.length > 0 ? 1 : 0));
          const chats = spans.filter((span) => span.parentSpanContext === undefined && span.name.startsWith('chat'));
          expect(chats).toHaveLength(scripts.length);
          const chatIds = new Set(chats.map((span) => span.spanContext().spanId));
          for (const span of spans.filter((entry) => entry.parentSpanContext !== undefined)) {
            expect(chatIds.has(span.parentSpanContext?.spanId ?? '')).toBe(true);
          }
          instrumentation.detach();
          void telemetry.shutdown();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stays flat over 100k requests: no state left, one metric series per attribute set', async () => {
    harness = new TelemetryHarness();
    const source = new FakeEventSource();
    // Sampled out, as most production traffic is: metrics still count every request.
    const tracerProvider = new TracerProvider({ sampler: new AlwaysOffSampler() });
    const instrumentation = instrumentAdapter(source, {
      tracerProvider,
      meterProvider: harness.meterProvider,
      env: {},
    });
    const live = { timestampMs: T0, role: 'live', provider: 'cerebras' } as const;
    for (let index = 0; index < 100_000; index += 1) {
      const requestId = `r${index}`;
      source.emit('request-start', requestStart(requestId, 0));
      source.emit('attempt-start', { ...live, requestId, attempt: 1 });
      source.emit('attempt-end', { ...live, requestId, attempt: 1, durationMs: 3 });
      source.emit('request-end', requestEnd(requestId, 3));
    }
    expect(instrumentation.activeRequests).toBe(0);
    const durations = await harness.histograms('gen_ai.client.operation.duration');
    expect(durations.map(({ count }) => count)).toEqual([100_000]);
    expect(await harness.sums('acpt.llm.attempts')).toHaveLength(1);
    instrumentation.detach();
    await tracerProvider.shutdown();
  });
});
