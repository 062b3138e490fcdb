/**
 * The per-request CPU of the instrumentation alone (no HTTP): synthetic events of one successful live request through
 * `instrumentAdapter` into real SDK providers, against the same events with nothing listening. A helper for profiling
 * (`--cpu-prof`), not part of the bench target.
 */
import type { AdapterEventListener, AdapterEventMap, AdapterEventName, AdapterEventSource } from '@acpt/config';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { AlwaysOnSampler, BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { instrumentAdapter } from '../src/index.ts';

class Source implements AdapterEventSource {
  readonly listeners = new Map<AdapterEventName, ((event: never) => void)[]>();
  on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener as (event: never) => void]);
    return () => undefined;
  }
  emit<TName extends AdapterEventName>(name: TName, event: AdapterEventMap[TName]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as AdapterEventListener<TName>)(event);
  }
}

const source = new Source();
const tracerProvider = new TracerProvider({
  sampler: new AlwaysOnSampler(),
  spanProcessors: [
    new BatchSpanProcessor({
      exporter: { export: (_spans, done) => done({ code: 0 }), shutdown: async () => undefined },
      maxQueueSize: 65_536,
    }),
  ],
});
const meterProvider = new MeterProvider({
  readers: [
    new PeriodicExportingMetricReader({
      exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE),
      exportIntervalMillis: 1000,
    }),
  ],
});
if (!process.argv.includes('--off')) {
  instrumentAdapter(source, {
    ...(process.argv.includes('--no-spans') ? {} : { tracerProvider }),
    ...(process.argv.includes('--no-metrics') ? {} : { meterProvider }),
    env: {},
  });
}
const request = { messages: [{ role: 'user' as const, content: 'Pick RIS phase bits.' }], maxCompletionTokens: 256 };
const usage = { promptTokens: 12, completionTokens: 30, totalTokens: 42 };
const response = {
  id: 'chatcmpl-1',
  model: 'gpt-oss-120b',
  provider: 'cerebras',
  text: 'ok',
  finishReason: 'stop',
  usage,
  latency: { totalMs: 3 },
};
const live = { role: 'live', provider: 'cerebras' } as const;
const count = 200_000;
const start = performance.now();
for (let index = 0; index < count; index++) {
  const requestId = `r${index}`;
  const now = Date.now();
  source.emit('request-start', {
    requestId,
    timestampMs: now,
    model: 'gpt-oss-120b',
    provider: 'cerebras',
    serverAddress: 'api.cerebras.ai',
    serverPort: 443,
    stream: false,
    request,
    budgetMs: 5000,
    budgetMode: 'soft',
  });
  source.emit('attempt-start', { requestId, timestampMs: now, attempt: 1, ...live });
  source.emit('attempt-end', { requestId, timestampMs: now, attempt: 1, ...live, durationMs: 1 });
  source.emit('request-end', {
    requestId,
    timestampMs: now,
    outcome: 'success',
    durationMs: 1,
    attempts: 1,
    response,
    usage,
    budgetExceeded: false,
  });
  if (index % 20_000 === 0) await new Promise((resolve) => setImmediate(resolve));
}
console.log(`${(((performance.now() - start) / count) * 1000).toFixed(1)} µs per request`);
await tracerProvider.shutdown();
await meterProvider.shutdown();
