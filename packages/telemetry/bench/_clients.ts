import { createAdapter } from '@acpt/adapter';
import { type CerebrasConfig, parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { Agent } from 'undici';
import { instrumentAdapter } from '../src/index.ts';

/** One way of making a chat completion against the mock server. */
export interface BenchClient {
  readonly name: string;
  complete(): Promise<void>;
  close(): Promise<void>;
  /** Spans exported so far (telemetry only). */
  readonly spans: () => number;
}

export const BENCH_KEY = 'csk-telemetry-bench';
const model = 'gpt-oss-120b';
const prompt = 'Pick RIS phase bits for the next frame.';
const connections = 64;

/** undici's `request()` on a keep-alive pool of 64 connections: the ceiling. */
export function rawUndici(url: string): BenchClient {
  const agent = new Agent({ connections });
  const body = JSON.stringify({ model, max_completion_tokens: 256, messages: [{ role: 'user', content: prompt }] });
  const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
  return {
    name: 'raw undici',
    async complete() {
      const response = await agent.request({
        origin: url,
        path: '/v1/chat/completions',
        method: 'POST',
        headers,
        body,
      });
      const json = (await response.body.json()) as { choices?: { message?: { content?: string } }[] };
      if (typeof json.choices?.[0]?.message?.content !== 'string') throw new Error('bad reply');
    },
    close: () => agent.close(),
    spans: () => 0,
  };
}

/** The adapter over the real Cerebras transport; with `telemetry`, instrumented into real SDK providers. */
export function adapterClient(url: string, telemetry: boolean): BenchClient {
  const config = benchConfig(url);
  const adapter = createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport({ seed: 1 }),
  });
  let exported = 0;
  const exporter: SpanExporter = {
    export(spans: ReadableSpan[], done) {
      exported += spans.length;
      done({ code: 0 });
    },
    shutdown: async () => undefined,
  };
  const tracerProvider = new TracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new BatchSpanProcessor({ exporter, maxQueueSize: 65_536, scheduledDelayMillis: 500 })],
  });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 1000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const instrumentation = telemetry
    ? instrumentAdapter(adapter, {
        ...(process.env['BENCH_SPANS'] === '0' ? {} : { tracerProvider }),
        ...(process.env['BENCH_METRICS'] === '0' ? {} : { meterProvider }),
        env: {},
      })
    : undefined;
  return {
    name: telemetry ? 'adapter, telemetry on' : 'adapter, no telemetry',
    async complete() {
      const response = await adapter.generate(prompt);
      if (response.fallback !== undefined) throw new Error('the bench must not fall back');
    },
    async close() {
      await adapter.close();
      instrumentation?.detach();
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
    spans: () => exported,
  };
}

function benchConfig(url: string): CerebrasConfig {
  return parseConfig({
    baseUrl: url,
    apiKey: BENCH_KEY,
    mockMode: false,
    model,
    maxCompletionTokens: 256,
    connection: { connections },
    batching: { batchSize: 1, maxWaitMs: 0, maxInFlight: 256, queueLimit: 100_000 },
  });
}
