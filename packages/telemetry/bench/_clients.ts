import { createAdapter } from '@acpt/adapter';
import { type CerebrasConfig, parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { TracerProvider } from '@opentelemetry/sdk-trace';
import { Agent } from 'undici';
import { instrumentAdapter } from '../src/index.ts';
import { aiSdkClient } from './_ai-sdk-client.ts';
import { createBenchProviders, type ProviderPlan } from './_providers.ts';

/** One way of making a chat completion against the mock server. */
export interface BenchClient {
  readonly kind: BenchClientKind;
  complete(): Promise<void>;
  /** Exports every ended span (a no-op without spans), so that `spans()` counts them. */
  flush(): Promise<void>;
  /** Closes the client; with telemetry, flushes the span processor first so `spans()` is final. */
  close(): Promise<void>;
  /** Spans exported so far. */
  readonly spans: () => number;
}

/**
 * Which client: raw undici; raw undici traced by OpenTelemetry's own undici instrumentation (an anchor: what one
 * span and one duration histogram per request cost any OTel-instrumented HTTP client); the Vercel AI SDK over
 * `@ai-sdk/cerebras`, without and with `experimental_telemetry` (the other anchor); or the adapter with the given
 * telemetry.
 */
export type BenchClientKind = 'raw' | 'raw-otel' | 'ai-sdk' | 'ai-sdk-otel' | TelemetryMode;

/** What an adapter client instruments, and how. */
export type TelemetryMode =
  /** No `instrumentAdapter` at all. */
  | 'off'
  /** Spans and metrics, every trace sampled (`AlwaysOnSampler`): the strict reading of the target. */
  | 'always-on'
  /** As `always-on` with the settings before issue 18: an attempt span for every attempt, the SDK's instruments. */
  | 'before'
  /** Spans and metrics, `ParentBasedSampler(TraceIdRatioBasedSampler(0.1))` as `parentbased_traceidratio` 0.1 gives. */
  | 'ratio-0.1'
  /** Metrics only (no tracer provider: the API's no-op tracer). */
  | 'metrics-only'
  /** Always-on spans only (no meter provider: the API's no-op meter). */
  | 'spans-only';

/** How the bench's table names each client. */
export const CLIENT_NAMES: Readonly<Record<BenchClientKind, string>> = {
  raw: 'raw undici',
  'raw-otel': 'raw undici + OTel undici instrumentation, always-on (anchor)',
  'ai-sdk': 'AI SDK generateText over @ai-sdk/cerebras, no telemetry',
  'ai-sdk-otel': 'AI SDK + experimental_telemetry (@ai-sdk/otel), always-on (anchor)',
  off: 'adapter, no telemetry',
  'always-on': 'adapter + telemetry, always-on sampling',
  before: 'adapter + telemetry, always-on, before (all attempt spans, SDK instruments)',
  'ratio-0.1': 'adapter + telemetry, parentbased_traceidratio 0.1',
  'metrics-only': 'adapter + telemetry, metrics only',
  'spans-only': 'adapter + telemetry, spans only (always-on)',
};

/** Whether the bench target (≥ 0.85× raw undici at 0 ms) is about this client: the adapter with telemetry on. */
export function isTargetClient(kind: BenchClientKind): boolean {
  return kind === 'always-on' || kind === 'ratio-0.1';
}

/** Creates the client of `kind` against the mock server at `url`. */
export function createBenchClient(kind: BenchClientKind, url: string): BenchClient {
  if (kind === 'raw') return rawUndici(url);
  if (kind === 'ai-sdk' || kind === 'ai-sdk-otel') return aiSdkClient(url, kind === 'ai-sdk-otel', BENCH_KEY, prompt);
  return kind === 'raw-otel' ? rawUndiciWithOtel(url) : adapterClient(url, kind);
}

export const BENCH_KEY = 'csk-telemetry-bench';
const model = 'gpt-oss-120b';
const prompt = 'Pick RIS phase bits for the next frame.';
const connections = 64;

/** undici's `request()` on a keep-alive pool of 64 connections: the ceiling. */
export function rawUndici(url: string, kind: 'raw' | 'raw-otel' = 'raw'): BenchClient {
  const agent = new Agent({ connections });
  const body = JSON.stringify({ model, max_completion_tokens: 256, messages: [{ role: 'user', content: prompt }] });
  const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
  return {
    kind,
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
    flush: async () => undefined,
    close: () => agent.close(),
    spans: () => 0,
  };
}

/**
 * Raw undici with `@opentelemetry/instrumentation-undici` on always-on SDK providers: a CLIENT span and an
 * `http.client.request.duration` record per request, from undici's diagnostics channels.
 */
export function rawUndiciWithOtel(url: string): BenchClient {
  const providers = createBenchProviders({ spans: 'always-on', metrics: true });
  const instrumentation = new UndiciInstrumentation();
  instrumentation.setTracerProvider(providers.tracerProvider as TracerProvider);
  instrumentation.setMeterProvider(providers.meterProvider as MeterProvider);
  instrumentation.enable();
  const client = rawUndici(url, 'raw-otel');
  return {
    ...client,
    flush: () => providers.flush(),
    async close() {
      instrumentation.disable();
      await client.close();
      await providers.shutdown();
    },
    spans: () => providers.exportedSpans(),
  };
}

const PLANS: Readonly<Record<Exclude<TelemetryMode, 'off'>, ProviderPlan>> = {
  'always-on': { spans: 'always-on', metrics: true },
  before: { spans: 'always-on', metrics: true, preaggregated: false },
  'ratio-0.1': { spans: { ratio: 0.1 }, metrics: true },
  'metrics-only': { spans: false, metrics: true },
  'spans-only': { spans: 'always-on', metrics: false },
};

/**
 * The adapter over the real Cerebras transport; unless `mode` is `off`, instrumented into real SDK providers
 * (`createBenchProviders`).
 */
export function adapterClient(url: string, mode: TelemetryMode): BenchClient {
  const config = benchConfig(url);
  const adapter = createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport({ seed: 1 }),
  });
  const providers = mode === 'off' ? undefined : createBenchProviders(PLANS[mode]);
  if (providers !== undefined) {
    const attemptSpans = mode === 'before' ? 'all' : 'retries';
    instrumentAdapter(adapter, { ...providers.instrumentOptions, env: {}, attemptSpans });
  }
  return {
    kind: mode,
    async complete() {
      const response = await adapter.generate(prompt);
      if (response.fallback !== undefined) throw new Error('the bench must not fall back');
    },
    flush: async () => providers?.flush(),
    async close() {
      await adapter.close();
      await providers?.shutdown();
    },
    spans: () => providers?.exportedSpans() ?? 0,
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
