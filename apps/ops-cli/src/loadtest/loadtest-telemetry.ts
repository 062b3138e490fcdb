import type { AdapterEventSource } from '@acpt/config';
import { ACPT_METRIC, ATTR, instrumentAdapter, selectSemconvNames } from '@acpt/telemetry';
import { startTelemetry } from '@acpt/telemetry/sdk';
import {
  type DataPoint,
  type Histogram,
  MeterProvider,
  MetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { type ReadableSpan, type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** What the in-memory OpenTelemetry pipeline saw: a third witness of the run's outcomes. */
export interface TelemetryWitness {
  /** Root `chat {model}` spans ended (one per logical request). */
  readonly logicalSpans: number;
  /** Data points recorded on the operation-duration histogram (one per settled request). */
  readonly operations: number;
  /** Of those, the ones with an `error.type` (failed or aborted requests). */
  readonly failedOperations: number;
  /** Sum of the fallback counter. */
  readonly fallbacks: number;
}

/** Counts ended root `chat …` spans without keeping them, so 100,000 requests cost no memory. */
class CountingSpanProcessor implements SpanProcessor {
  count = 0;
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    if (span.parentSpanContext === undefined && span.name.startsWith('chat ')) this.count += 1;
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** A pull reader: metrics are read once, at the end, with `collect()`. */
class PullMetricReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

function sumMetric(
  metrics: ResourceMetrics,
  name: string,
  pick: (point: DataPoint<number | Histogram>) => number,
): number {
  let total = 0;
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      if (metric.descriptor.name !== name) continue;
      for (const point of metric.dataPoints as DataPoint<number | Histogram>[]) total += pick(point);
    }
  }
  return total;
}

/** The load test's telemetry: `instrumentAdapter` over a real SDK tracer and meter provider. */
export interface LoadtestTelemetry<TResult> {
  /** Detaches, reads what there is to read and shuts the providers down. */
  finish(): Promise<TResult>;
}

/** How exporting went in `env` mode: `startTelemetry`'s shutdown outcome. */
export type ExportOutcome = 'done' | 'failed' | 'timed-out' | 'not-started';

/**
 * Instruments the adapter with `@acpt/telemetry` over the SDK that `startTelemetry` (`@acpt/telemetry/sdk`) starts from
 * the `OTEL_*` variables, exactly as an application does: metrics and spans go to your collector or Prometheus
 * while the load runs, so dashboards and alert rules can be watched under volume.
 */
export function startEnvTelemetry(adapter: AdapterEventSource): LoadtestTelemetry<ExportOutcome> {
  const telemetry = startTelemetry({ serviceName: 'acpt-loadtest', shutdownTimeoutMs: 5_000 });
  const instrumentation = instrumentAdapter(adapter, {
    tracerProvider: telemetry.tracerProvider,
    meterProvider: telemetry.meterProvider,
  });
  return {
    async finish(): Promise<ExportOutcome> {
      instrumentation.detach();
      return telemetry.shutdown();
    },
  };
}

/**
 * Instruments the adapter with `@acpt/telemetry` over SDK providers of its own (not the globals): spans go to a
 * counting processor, metrics to a pull reader read once at the end. Cumulative temporality, so the end read holds
 * the whole run.
 */
export function startLoadtestTelemetry(adapter: AdapterEventSource): LoadtestTelemetry<TelemetryWitness> {
  const spans = new CountingSpanProcessor();
  const reader = new PullMetricReader();
  const tracerProvider = new TracerProvider({ spanProcessors: [spans] });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const instrumentation = instrumentAdapter(adapter, { tracerProvider, meterProvider, captureContent: false });
  const names = selectSemconvNames(process.env.OTEL_SEMCONV_STABILITY_OPT_IN);
  return {
    async finish(): Promise<TelemetryWitness> {
      instrumentation.detach();
      const { resourceMetrics } = await reader.collect();
      const count = (point: DataPoint<number | Histogram>): number =>
        typeof point.value === 'number' ? 0 : point.value.count;
      const witness: TelemetryWitness = {
        logicalSpans: spans.count,
        operations: sumMetric(resourceMetrics, names.operationDuration, count),
        failedOperations: sumMetric(resourceMetrics, names.operationDuration, (point) =>
          point.attributes[ATTR.errorType] === undefined ? 0 : count(point),
        ),
        fallbacks: sumMetric(resourceMetrics, ACPT_METRIC.fallbacks, (point) =>
          typeof point.value === 'number' ? point.value : 0,
        ),
      };
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      return witness;
    },
  };
}
