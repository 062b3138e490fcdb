import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type ReadableSpan,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { PreaggregatedMetrics } from '../src/sdk/index.ts';

/** Which signals a bench client records, and how traces are sampled. */
export interface ProviderPlan {
  /** No spans, every trace sampled, or `ParentBasedSampler(TraceIdRatioBasedSampler(ratio))`. */
  readonly spans: 'always-on' | { readonly ratio: number } | false;
  readonly metrics: boolean;
  /**
   * Whether the reader carries acpt's `MetricProducer` (what `startTelemetry` sets up, so acpt's histograms are
   * aggregated in process). `false`: a plain reader, so `instrumentAdapter` records through the SDK's instruments
   * (the path before). Clients other than the adapter never record acpt's instruments: for them it changes nothing.
   * @defaultValue true
   */
  readonly preaggregated?: boolean;
}

/** Real SDK providers for a bench client, and the count of spans they exported. */
export interface BenchProviders {
  readonly tracerProvider: TracerProvider | undefined;
  readonly meterProvider: MeterProvider | undefined;
  /** The providers as `instrumentAdapter` options (absent ones left out: the API's no-op then). */
  readonly instrumentOptions: { readonly tracerProvider?: TracerProvider; readonly meterProvider?: MeterProvider };
  /** Spans exported so far. */
  exportedSpans(): number;
  /** Exports every ended span. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The providers a production set-up would have: a batch span processor (SDK defaults but for a large queue and a
 * 500 ms delay) into an exporter that only counts, and a periodic metric reader (1 s) into an in-memory exporter,
 * carrying acpt's producer as `startTelemetry` sets it up (unless `plan.preaggregated` is false).
 */
export function createBenchProviders(plan: ProviderPlan): BenchProviders {
  let exported = 0;
  let tracerProvider: TracerProvider | undefined;
  let meterProvider: MeterProvider | undefined;
  if (plan.spans !== false) {
    const exporter: SpanExporter = {
      export(spans: ReadableSpan[], done) {
        exported += spans.length;
        done({ code: 0 });
      },
      shutdown: async () => undefined,
    };
    tracerProvider = new TracerProvider({
      sampler:
        plan.spans === 'always-on'
          ? new AlwaysOnSampler()
          : new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(plan.spans.ratio) }),
      spanProcessors: [new BatchSpanProcessor({ exporter, maxQueueSize: 65_536, scheduledDelayMillis: 500 })],
    });
  }
  if (plan.metrics) {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const acpt = new PreaggregatedMetrics();
    const reader =
      plan.preaggregated === false
        ? new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 1000 })
        : acpt.reader(
            (producer) =>
              new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 1000, metricProducers: [producer] }),
          );
    meterProvider = new MeterProvider({ readers: [reader] });
    if (plan.preaggregated !== false && !acpt.register(meterProvider)) throw new Error('pre-aggregation declined');
  }
  return {
    tracerProvider,
    meterProvider,
    instrumentOptions: {
      ...(tracerProvider === undefined ? {} : { tracerProvider }),
      ...(meterProvider === undefined ? {} : { meterProvider }),
    },
    exportedSpans: () => exported,
    flush: async () => {
      await tracerProvider?.forceFlush();
    },
    shutdown: async () => {
      await tracerProvider?.shutdown();
      await meterProvider?.shutdown();
    },
  };
}
