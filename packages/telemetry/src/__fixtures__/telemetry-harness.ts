import type { HrTime } from '@opentelemetry/api';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  type ReadableLogRecord,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  MeterProvider,
  type MetricData,
  type MetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  type Sampler,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { ManualMetricReader } from './manual-metric-reader.ts';

/** A span as the tests compare it: times in ms relative to a base, children nested. */
export interface SpanNode {
  name: string;
  kind: number;
  status: { code: number; message?: string };
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  events: { name: string; atMs: number; attributes?: Record<string, unknown> }[];
  links: string[];
  children: SpanNode[];
}

/** Options of {@link TelemetryHarness}. */
export interface TelemetryHarnessOptions {
  /** The tracer provider's sampler. @defaultValue the SDK's (parent-based always-on) */
  readonly sampler?: Sampler;
}

/** Real SDK providers with in-memory export, for asserting exact spans, metric points and log records. */
export class TelemetryHarness {
  readonly exporter: InMemorySpanExporter = new InMemorySpanExporter();
  readonly tracerProvider: TracerProvider;
  readonly reader: MetricReader = new ManualMetricReader(AggregationTemporality.CUMULATIVE);
  readonly meterProvider: MeterProvider = new MeterProvider({ readers: [this.reader] });
  readonly logExporter: InMemoryLogRecordExporter = new InMemoryLogRecordExporter();
  readonly loggerProvider: LoggerProvider;

  constructor(options: TelemetryHarnessOptions = {}) {
    const spanProcessors = [new SimpleSpanProcessor({ exporter: this.exporter })];
    this.tracerProvider = new TracerProvider(
      options.sampler === undefined ? { spanProcessors } : { spanProcessors, sampler: options.sampler },
    );
    this.loggerProvider = new LoggerProvider({
      processors: [new SimpleLogRecordProcessor({ exporter: this.logExporter })],
    });
  }

  spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** The emitted log records. */
  logs(): ReadableLogRecord[] {
    return this.logExporter.getFinishedLogRecords();
  }

  /** The finished spans as trees (roots in start order), times relative to `baseMs`; links by span name. */
  tree(baseMs: number): SpanNode[] {
    const spans = this.spans();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const toNode = (span: ReadableSpan): SpanNode => ({
      name: span.name,
      kind: span.kind,
      status: span.status.message === undefined ? { code: span.status.code } : { ...span.status },
      startMs: toMs(span.startTime) - baseMs,
      endMs: toMs(span.endTime) - baseMs,
      attributes: { ...span.attributes },
      events: span.events.map((event) => ({
        name: event.name,
        atMs: toMs(event.time) - baseMs,
        ...(event.attributes === undefined ? {} : { attributes: { ...event.attributes } }),
      })),
      links: span.links.map((link) => byId.get(link.context.spanId)?.name ?? 'unknown'),
      children: spans
        .filter((child) => child.parentSpanContext?.spanId === span.spanContext().spanId)
        .sort((a, b) => toMs(a.startTime) - toMs(b.startTime))
        .map(toNode),
    });
    return spans
      .filter((span) => span.parentSpanContext === undefined || !byId.has(span.parentSpanContext.spanId))
      .sort((a, b) => toMs(a.startTime) - toMs(b.startTime))
      .map(toNode);
  }

  async metrics(): Promise<MetricData[]> {
    const { resourceMetrics } = await this.reader.collect();
    return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  }

  /** Data points of one metric (empty when it was never recorded). */
  async points(name: string): Promise<DataPoint<unknown>[]> {
    const metric = (await this.metrics()).find((entry) => entry.descriptor.name === name);
    return (metric?.dataPoints ?? []) as DataPoint<unknown>[];
  }

  /** Points of a sum metric as `{ attributes, value }`. */
  async sums(name: string): Promise<{ attributes: Record<string, unknown>; value: number }[]> {
    return (await this.points(name)).map((point) => ({
      attributes: { ...point.attributes },
      value: point.value as number,
    }));
  }

  /** Points of a histogram as `{ attributes, count, sum, boundaries }`. */
  async histograms(
    name: string,
  ): Promise<{ attributes: Record<string, unknown>; count: number; sum: number; boundaries: number[] }[]> {
    return (await this.points(name)).map((point) => {
      const value = point.value as Histogram;
      return {
        attributes: { ...point.attributes },
        count: value.count,
        sum: value.sum ?? 0,
        boundaries: value.buckets.boundaries,
      };
    });
  }

  async shutdown(): Promise<void> {
    await this.tracerProvider.shutdown();
    await this.meterProvider.shutdown();
    await this.loggerProvider.shutdown();
  }
}

function toMs(time: HrTime): number {
  return time[0] * 1000 + time[1] / 1e6;
}
