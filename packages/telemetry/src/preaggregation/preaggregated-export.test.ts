import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { JsonMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { AggregationTemporality, MeterProvider, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualMetricReader } from '../__fixtures__/manual-metric-reader.ts';
import { type VirtualTimeAdapterOptions, virtualTimeAdapter } from '../__fixtures__/virtual-time-adapter.ts';
import { type AdapterInstrumentation, instrumentAdapter } from '../instrument/instrument-adapter.ts';
import type { SemconvMode } from '../semconv/semconv.ts';
import { PreaggregatedMetrics } from './preaggregated-metrics.ts';

/** One meter provider with a cumulative and a delta reader, through the SDK's instruments or acpt's producers. */
function pipeline(preaggregated: boolean) {
  const temporalities = [AggregationTemporality.CUMULATIVE, AggregationTemporality.DELTA];
  const acpt = new PreaggregatedMetrics();
  const readers = temporalities.map((temporality) =>
    preaggregated
      ? acpt.reader((producer) => new ManualMetricReader(temporality, { metricProducers: [producer] }))
      : new ManualMetricReader(temporality),
  );
  const meterProvider = new MeterProvider({ readers });
  if (preaggregated) expect(acpt.register(meterProvider)).toBe(true);
  return { meterProvider, readers };
}

/** The load: successes, streams, retries after a 429 and a 503, the mock fallback, and refused calls (401). */
const LOADS: readonly {
  readonly options: VirtualTimeAdapterOptions;
  readonly calls: number;
  readonly streams: number;
}[] = [
  { options: {}, calls: 5, streams: 2 },
  {
    options: {
      liveFaults: [
        { kind: 'rate-limit-tokens', at: [0] },
        { kind: 'service-unavailable', at: [1, 4] },
      ],
    },
    calls: 4,
    streams: 1,
  },
  { options: { liveFaults: [{ kind: 'service-unavailable' }] }, calls: 2, streams: 1 },
  {
    options: { liveFaults: [{ kind: 'unauthorized', every: 2 }], config: { fallback: 'throw' } },
    calls: 4,
    streams: 0,
  },
];

/** Runs the load once through adapters instrumented into both providers (each event reaches both paths). */
async function runLoad(semconv: SemconvMode, meterProviders: readonly MeterProvider[]): Promise<void> {
  for (const load of LOADS) {
    const { adapter } = virtualTimeAdapter(load.options);
    const instrumentations: AdapterInstrumentation[] = meterProviders.map((meterProvider) =>
      instrumentAdapter(adapter, { meterProvider, semconv, env: {} }),
    );
    for (let call = 0; call < load.calls; call++) await adapter.generate(`call ${call}`).catch(() => undefined);
    for (let stream = 0; stream < load.streams; stream++) {
      for await (const _event of adapter.stream(`stream ${stream}`)) {
        // consume
      }
    }
    for (const instrumentation of instrumentations) instrumentation.detach();
    await adapter.close();
  }
}

type Json = Record<string, unknown>;

/** OTLP/JSON as the exporter sends it, times left out, one entry per scope, metrics and points in a stable order. */
function otlpJson(resourceMetrics: ResourceMetrics): unknown {
  const request = JSON.parse(
    new TextDecoder().decode(JsonMetricsSerializer.serializeRequest(resourceMetrics) ?? new Uint8Array()),
  ) as { resourceMetrics: { resource: unknown; scopeMetrics: { scope: { name: string }; metrics: Json[] }[] }[] };
  return request.resourceMetrics.map(({ resource, scopeMetrics }) => {
    const scopes = new Map<string, { scope: unknown; metrics: Json[] }>();
    for (const { scope, metrics } of scopeMetrics) {
      const key = JSON.stringify(scope);
      const entry = scopes.get(key) ?? { scope, metrics: [] };
      entry.metrics.push(...metrics.map(withoutTimes));
      scopes.set(key, entry);
    }
    const merged = [...scopes.values()].map((entry) => ({
      ...entry,
      metrics: entry.metrics.sort((a, b) => String(a['name']).localeCompare(String(b['name']))),
    }));
    return { resource, scopeMetrics: merged };
  });
}

function withoutTimes(metric: Json): Json {
  const result: Json = { ...metric };
  for (const kind of ['sum', 'histogram', 'gauge']) {
    const data = metric[kind] as { dataPoints: Json[] } | undefined;
    if (data === undefined) continue;
    const dataPoints = data.dataPoints
      .map(({ startTimeUnixNano: _start, timeUnixNano: _time, ...point }) => point)
      .sort((a, b) => JSON.stringify(a['attributes']).localeCompare(JSON.stringify(b['attributes'])));
    result[kind] = { ...data, dataPoints };
  }
  return result;
}

/** Prometheus text as the exporter serves it (no timestamps by default), lines sorted. */
function prometheusText(resourceMetrics: ResourceMetrics): string[] {
  return new PrometheusSerializer().serialize(resourceMetrics).split('\n').sort();
}

const open: MeterProvider[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((provider) => provider.shutdown()));
});

describe.each(['v1.41.0', 'latest'] as const)(
  'the same adapter load through both metric paths (%s names)',
  (semconv) => {
    it('exports identical OTLP and Prometheus metrics, cumulative and delta, over two collections', async () => {
      const sdk = pipeline(false);
      const ours = pipeline(true);
      open.push(sdk.meterProvider, ours.meterProvider);
      for (let phase = 0; phase < 2; phase++) {
        await runLoad(semconv, [sdk.meterProvider, ours.meterProvider]);
        for (const [index, temporality] of ['cumulative', 'delta'].entries()) {
          const expected = (await (sdk.readers[index] as ManualMetricReader).collect()).resourceMetrics;
          const actual = (await (ours.readers[index] as ManualMetricReader).collect()).resourceMetrics;
          const names = actual.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => metric.descriptor.name));
          // The load records every histogram: a comparison of empty exports would prove nothing.
          expect(
            names.filter((name) => name.includes('duration') || name.includes('token')).length,
            temporality,
          ).toBeGreaterThanOrEqual(semconv === 'latest' ? 5 : 3);
          expect(otlpJson(actual), `${temporality}, collection ${phase + 1}`).toEqual(otlpJson(expected));
          if (temporality === 'cumulative') expect(prometheusText(actual)).toEqual(prometheusText(expected));
        }
      }
    });
  },
);
