import type { Attributes } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type CollectionResult,
  MeterProvider,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualMetricReader } from '../__fixtures__/manual-metric-reader.ts';
import { SCOPE_NAME } from '../semconv/attributes.ts';
import { DURATION_BUCKETS_SECONDS, TOKEN_BUCKETS } from '../semconv/semconv.ts';
import { VERSION } from '../version.ts';
import { PreaggregatedMetrics } from './preaggregated-metrics.ts';
import { preaggregatedStoreFor } from './preaggregation-registry.ts';

const SETS: readonly Attributes[] = Array.from({ length: 6 }, (_, index) =>
  Object.freeze({ 'gen_ai.request.model': `m${index % 3}`, ...(index >= 3 ? { 'error.type': '503' } : {}) }),
);

type Operation =
  | { readonly kind: 'record'; readonly instrument: 0 | 1 | 2; readonly set: number; readonly value: number }
  | { readonly kind: 'collect'; readonly reader: number }
  | { readonly kind: 'tick'; readonly ms: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      instrument: fc.constantFrom(0 as const, 1 as const, 2 as const),
      set: fc.nat(SETS.length - 1),
      value: fc.oneof(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom(0, 0.01, 0.04, 1.28, 64, 1e9, -1, Number.NaN),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('collect' as const), reader: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 5000 }) }) },
);

/** Two readers (cumulative and delta) on one provider: the SDK's instruments, or acpt's producers. */
function providers(cardinalityLimit: number) {
  const temporalities = [AggregationTemporality.CUMULATIVE, AggregationTemporality.DELTA];
  const cardinalitySelector = () => cardinalityLimit;
  const sdkReaders = temporalities.map((temporality) => new ManualMetricReader(temporality, { cardinalitySelector }));
  const sdk = new MeterProvider({ readers: sdkReaders });
  const acpt = new PreaggregatedMetrics();
  const ourReaders = temporalities.map((temporality) =>
    acpt.reader(
      (producer) => new ManualMetricReader(temporality, { cardinalitySelector, metricProducers: [producer] }),
    ),
  );
  const ours = new MeterProvider({ readers: ourReaders });
  expect(acpt.register(ours)).toBe(true);
  const store = preaggregatedStoreFor(ours);
  if (store === undefined) throw new Error('not registered');
  const meter = sdk.getMeter(SCOPE_NAME, VERSION);
  const options = (boundaries: readonly number[]) => ({
    description: 'd',
    unit: 's',
    advice: { explicitBucketBoundaries: [...boundaries] },
  });
  const sdkInstruments = [
    meter.createHistogram('h.duration', options(DURATION_BUCKETS_SECONDS)),
    meter.createHistogram('h.tokens', options(TOKEN_BUCKETS)),
    meter.createCounter('c.tokens', { description: 'd', unit: 's' }),
  ];
  const ourInstruments = [
    store.histogram('h.duration', { description: 'd', unit: 's', boundaries: DURATION_BUCKETS_SECONDS }),
    store.histogram('h.tokens', { description: 'd', unit: 's', boundaries: TOKEN_BUCKETS }),
    store.counter('c.tokens', { description: 'd', unit: 's' }),
  ];
  return { sdk, ours, sdkReaders, ourReaders, sdkInstruments, ourInstruments };
}

/** The collected metrics by name, data points sorted by attributes (exporters do not depend on either order). */
function metricsOf(result: CollectionResult): { scope: string; metric: MetricData }[] {
  return result.resourceMetrics.scopeMetrics
    .flatMap((scope) =>
      scope.metrics.map((metric) => ({ scope: `${scope.scope.name}@${scope.scope.version}`, metric })),
    )
    .map(({ scope, metric }) => ({
      scope,
      metric: {
        ...metric,
        dataPoints: [...metric.dataPoints].sort((a, b) =>
          JSON.stringify(Object.entries(a.attributes).sort()).localeCompare(
            JSON.stringify(Object.entries(b.attributes).sort()),
          ),
        ),
      } as MetricData,
    }))
    .sort((a, b) => a.metric.descriptor.name.localeCompare(b.metric.descriptor.name));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: Date.UTC(2026, 11, 7, 12) });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('pre-aggregated instruments against the SDK instruments', () => {
  it('export the same data points, start and end times included, for any records and collections of two readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 80 }), async (operations) => {
        const parts = providers(2000);
        for (const step of [
          ...operations,
          { kind: 'collect', reader: 0 } as const,
          { kind: 'collect', reader: 1 } as const,
        ]) {
          if (step.kind === 'tick') vi.advanceTimersByTime(step.ms);
          else if (step.kind === 'record') {
            const attributes = SETS[step.set] as Attributes;
            const sdkInstrument = parts.sdkInstruments[step.instrument];
            const ourInstrument = parts.ourInstruments[step.instrument];
            if (step.instrument === 2) {
              (sdkInstrument as { add(v: number, a: Attributes): void }).add(step.value, attributes);
              ourInstrument?.add(step.value, attributes);
            } else {
              (sdkInstrument as { record(v: number, a: Attributes): void }).record(step.value, attributes);
              ourInstrument?.record(step.value, attributes);
            }
          } else {
            const expected = metricsOf(await (parts.sdkReaders[step.reader] as ManualMetricReader).collect());
            const actual = metricsOf(await (parts.ourReaders[step.reader] as ManualMetricReader).collect());
            expect(actual, `reader ${step.reader}`).toEqual(expected);
          }
        }
        await Promise.all([parts.sdk.shutdown(), parts.ours.shutdown()]);
      }),
      { numRuns: 150 },
    );
  });

  it('past the cardinality limit, later attribute sets go to otel.metric.overflow as in the SDK (one reader)', async () => {
    const parts = providers(3);
    for (const [index, attributes] of SETS.entries()) {
      (parts.sdkInstruments[0] as { record(v: number, a: Attributes): void }).record(index, attributes);
      parts.ourInstruments[0]?.record(index, attributes);
    }
    const expected = metricsOf(await (parts.sdkReaders[0] as ManualMetricReader).collect());
    const actual = metricsOf(await (parts.ourReaders[0] as ManualMetricReader).collect());
    expect(actual).toEqual(expected);
    expect(actual[0]?.metric.dataPoints.map((point) => point.attributes)).toContainEqual({
      'otel.metric.overflow': true,
    });
  });

  it('declines to register when a reader asks for an aggregation it cannot reproduce (an exponential histogram)', () => {
    const acpt = new PreaggregatedMetrics();
    acpt.reader(
      (producer) =>
        new ManualMetricReader(AggregationTemporality.CUMULATIVE, {
          metricProducers: [producer],
          aggregationSelector: () => ({ type: 5 }),
        }),
    );
    const provider = new MeterProvider();
    expect(acpt.register(provider)).toBe(false);
    expect(preaggregatedStoreFor(provider)).toBeUndefined();
    expect(new PreaggregatedMetrics().register(provider)).toBe(false);
  });
});
