import { afterEach, describe, expect, it } from 'vitest';
import { requestEnd, requestStart, T0 } from '../__fixtures__/adapter-events.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { TelemetryHarness } from '../__fixtures__/telemetry-harness.ts';
import { instrumentAdapter } from './instrument-adapter.ts';

let harness: TelemetryHarness;

afterEach(async () => {
  await harness.shutdown();
});

describe('several adapters instrumented into one meter provider', () => {
  it('add up in the counters and the circuit gauge instead of overwriting each other', async () => {
    harness = new TelemetryHarness();
    const providers = { tracerProvider: harness.tracerProvider, meterProvider: harness.meterProvider, env: {} };
    const first = new FakeEventSource();
    const second = new FakeEventSource();
    const one = instrumentAdapter(first, providers);
    const two = instrumentAdapter(second, providers);
    for (const [source, count] of [
      [first, 2],
      [second, 3],
    ] as const) {
      for (let index = 0; index < count; index += 1) {
        const requestId = `r${index}`;
        source.emit('request-start', requestStart(requestId, 0));
        const attempt = { requestId, timestampMs: T0, attempt: 1, role: 'live', provider: 'cerebras' } as const;
        source.emit('attempt-start', attempt);
        source.emit('attempt-end', { ...attempt, durationMs: 2 });
        source.emit('request-end', requestEnd(requestId, 2));
      }
    }
    second.emit('circuit-state', { timestampMs: T0, from: 'closed', to: 'open', consecutiveFailures: 5 });
    expect((await harness.sums('acpt.llm.attempts')).map((point) => point.value)).toEqual([5]);
    expect((await harness.sums('acpt.llm.finish_reasons')).map((point) => point.value)).toEqual([5]);
    expect((await harness.histograms('gen_ai.client.operation.duration')).map((point) => point.count)).toEqual([5]);
    expect(await harness.sums('acpt.llm.circuit.state')).toEqual([
      { attributes: { 'acpt.circuit.state': 'closed' }, value: 1 },
      { attributes: { 'acpt.circuit.state': 'open' }, value: 1 },
      { attributes: { 'acpt.circuit.state': 'half-open' }, value: 0 },
    ]);
    two.detach();
    expect((await harness.sums('acpt.llm.circuit.state')).map((point) => point.value)).toEqual([1, 0, 0]);
    // Counters keep their totals after a detach, as synchronous counters would.
    expect((await harness.sums('acpt.llm.attempts')).map((point) => point.value)).toEqual([5]);
    one.detach();
  });

  it('sum their adaptive in-flight limits in acpt.llm.concurrency.limit, from each first change on', async () => {
    harness = new TelemetryHarness();
    const providers = { tracerProvider: harness.tracerProvider, meterProvider: harness.meterProvider, env: {} };
    const first = new FakeEventSource();
    const second = new FakeEventSource();
    const one = instrumentAdapter(first, providers);
    const two = instrumentAdapter(second, providers);
    expect(await harness.sums('acpt.llm.concurrency.limit')).toEqual([]);
    const measurement = { p95Ms: 120, targetMs: 1_600, budgetMs: 2_000, samples: 20 };
    first.emit('concurrency-change', {
      timestampMs: T0,
      previousLimit: 1,
      limit: 2,
      reason: 'slow-start',
      measurement,
    });
    expect(await harness.sums('acpt.llm.concurrency.limit')).toEqual([{ attributes: {}, value: 2 }]);
    second.emit('concurrency-change', {
      timestampMs: T0,
      previousLimit: 8,
      limit: 4,
      reason: 'queue_exceeded',
      measurement,
    });
    expect(await harness.sums('acpt.llm.concurrency.limit')).toEqual([{ attributes: {}, value: 6 }]);
    two.detach();
    expect(await harness.sums('acpt.llm.concurrency.limit')).toEqual([{ attributes: {}, value: 2 }]);
    one.detach();
  });
});
