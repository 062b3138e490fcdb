import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_BASE_ATTRIBUTES, chatResponse, requestEnd, requestStart, T0 } from '../__fixtures__/adapter-events.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { TelemetryHarness } from '../__fixtures__/telemetry-harness.ts';
import { DURATION_BUCKETS_SECONDS, TOKEN_BUCKETS } from '../semconv/semconv.ts';
import { instrumentAdapter } from './instrument-adapter.ts';

const BASE = CHAT_BASE_ATTRIBUTES;
const USAGE = { promptTokens: 100, completionTokens: 40, totalTokens: 140, cachedTokens: 64, reasoningTokens: 12 };

let harness: TelemetryHarness;

afterEach(async () => {
  await harness.shutdown();
});

/** Runs one successful stream and one failed request through an instrumentation with `env`. */
async function run(env: Record<string, string>): Promise<void> {
  harness = new TelemetryHarness();
  const source = new FakeEventSource();
  const instrumentation = instrumentAdapter(source, {
    tracerProvider: harness.tracerProvider,
    meterProvider: harness.meterProvider,
    env,
  });
  const request = { messages: [{ role: 'user' as const, content: 'x' }], reasoningEffort: 'low' as const };
  source.emit('request-start', requestStart('ok', 0, { stream: true, request }));
  source.emit('first-token', { requestId: 'ok', timestampMs: T0 + 30, timeToFirstTokenMs: 30 });
  source.emit('stream-chunk', { requestId: 'ok', timestampMs: T0 + 50, index: 1, sincePreviousMs: 20 });
  source.emit('request-end', requestEnd('ok', 80, { response: chatResponse({ usage: USAGE }) }));
  source.emit('request-start', requestStart('bad', 0));
  source.emit('request-end', {
    ...requestEnd('bad', 10, { outcome: 'error', response: undefined, usage: undefined }),
    error: { type: '503', status: 503, message: 'unavailable', retryable: true },
  });
  instrumentation.detach();
}

describe('naming modes', () => {
  it('v1.41.0: operation.* histograms and one token histogram by gen_ai.token.type', async () => {
    await run({});
    const names = (await harness.metrics()).map((metric) => metric.descriptor.name).sort();
    expect(names).toContain('gen_ai.client.operation.duration');
    expect(names).toContain('gen_ai.client.operation.time_to_first_chunk');
    expect(names).toContain('gen_ai.client.operation.time_per_output_chunk');
    expect(names.filter((name) => name.startsWith('gen_ai.client.inference'))).toEqual([]);
    const tokens = await harness.histograms('gen_ai.client.token.usage');
    expect(tokens).toEqual([
      { attributes: { ...BASE, 'gen_ai.token.type': 'input' }, count: 1, sum: 100, boundaries: [...TOKEN_BUCKETS] },
      { attributes: { ...BASE, 'gen_ai.token.type': 'output' }, count: 1, sum: 40, boundaries: [...TOKEN_BUCKETS] },
    ]);
    const span = harness.spans().find((entry) => entry.attributes['gen_ai.request.stream'] === true);
    expect(span?.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': 100,
      'gen_ai.usage.output_tokens': 40,
      'gen_ai.usage.cache_read.input_tokens': 64,
      'gen_ai.usage.reasoning.output_tokens': 12,
      'gen_ai.response.time_to_first_chunk': 0.03,
    });
    expect(span?.attributes['gen_ai.request.reasoning.level']).toBeUndefined();
  });

  it('latest: inference.* histograms, token counters with modality (zero for failures), reasoning level', async () => {
    await run({ OTEL_SEMCONV_STABILITY_OPT_IN: 'gen_ai_latest_experimental' });
    const names = (await harness.metrics()).map((metric) => metric.descriptor.name);
    expect(names).not.toContain('gen_ai.client.operation.duration');
    expect(names).not.toContain('gen_ai.client.token.usage');
    const durations = await harness.histograms('gen_ai.client.inference.duration');
    expect(durations.map(({ attributes, boundaries }) => ({ attributes, boundaries }))).toEqual([
      { attributes: BASE, boundaries: [...DURATION_BUCKETS_SECONDS] },
      { attributes: { ...BASE, 'error.type': '503' }, boundaries: [...DURATION_BUCKETS_SECONDS] },
    ]);
    expect((await harness.histograms('gen_ai.client.inference.time_to_first_chunk'))[0]?.sum).toBe(0.03);
    expect((await harness.histograms('gen_ai.client.inference.time_per_output_chunk'))[0]?.sum).toBe(0.02);
    const text = { ...BASE, 'gen_ai.token.modality': 'text' };
    const unknown = { ...BASE, 'gen_ai.token.modality': 'unknown' };
    expect(await harness.sums('gen_ai.client.inference.usage.input_tokens')).toEqual([
      { attributes: text, value: 100 },
      { attributes: unknown, value: 0 },
    ]);
    expect(await harness.sums('gen_ai.client.inference.usage.output_tokens')).toEqual([
      { attributes: text, value: 40 },
      { attributes: unknown, value: 0 },
    ]);
    expect(await harness.sums('gen_ai.client.inference.usage.cache_read.input_tokens')).toEqual([
      { attributes: text, value: 64 },
    ]);
    expect(await harness.sums('gen_ai.client.inference.usage.reasoning.output_tokens')).toEqual([
      { attributes: text, value: 12 },
    ]);
    const outputs = await harness.histograms('gen_ai.client.inference.operation.output_tokens');
    expect(outputs).toEqual([{ attributes: BASE, count: 1, sum: 40, boundaries: [...TOKEN_BUCKETS] }]);
    const span = harness.spans().find((entry) => entry.attributes['gen_ai.request.stream'] === true);
    expect(span?.attributes['gen_ai.request.reasoning.level']).toBe('low');
  });

  it('adds the deprecated gen_ai.system with ACPT_SEMCONV_LEGACY_SYSTEM=1', async () => {
    await run({ ACPT_SEMCONV_LEGACY_SYSTEM: '1' });
    expect(harness.spans()[0]?.attributes['gen_ai.system']).toBe('cerebras');
    const durations = await harness.histograms('gen_ai.client.operation.duration');
    expect(durations[0]?.attributes['gen_ai.system']).toBe('cerebras');
  });
});
