import { context, logs, metrics, propagation, trace } from '@opentelemetry/api';
import { BatchLogRecordProcessor, InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { AggregationTemporality } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { requestEnd, requestStart } from '../__fixtures__/adapter-events.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { ManualMetricReader } from '../__fixtures__/manual-metric-reader.ts';
import { instrumentAdapter } from '../instrument/instrument-adapter.ts';
import { startTelemetry, type Telemetry } from './start-telemetry.ts';

let telemetry: Telemetry | undefined;

afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  trace.disable();
  metrics.disable();
  logs.disable();
  context.disable();
  propagation.disable();
});

describe('startTelemetry', () => {
  it('starts nothing and registers nothing when nothing is configured', async () => {
    telemetry = startTelemetry({ serviceName: 'test', env: {} });
    expect(telemetry.started).toBe(false);
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(await telemetry.forceFlush()).toBe('not-started');
    expect(await telemetry.shutdown()).toBe('not-started');
  });

  it('treats empty processor and reader lists as "export nothing", whatever the environment says', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' };
    telemetry = startTelemetry({ serviceName: 'test', env, spanProcessors: [], metricReaders: [] });
    expect(telemetry.plan).toEqual({ disabled: false, traces: false, metrics: false, logs: true });
  });

  it('runs the given span processors through the global providers, with the service resource', async () => {
    const exporter = new InMemorySpanExporter();
    telemetry = startTelemetry({
      serviceName: 'ris-demo',
      serviceVersion: '0.1.0',
      resourceAttributes: { 'deployment.environment.name': 'test' },
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
      env: {},
    });
    expect(telemetry.started).toBe(true);
    expect(telemetry.plan).toEqual({ disabled: false, traces: true, metrics: false, logs: false });
    const source = new FakeEventSource();
    const instrumentation = instrumentAdapter(source, { env: {} });
    source.emit('request-start', requestStart('r1', 0));
    source.emit('request-end', requestEnd('r1', 10));
    instrumentation.detach();
    expect(await telemetry.forceFlush()).toBe('done');
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('chat gpt-oss-120b');
    expect(span?.resource.attributes).toMatchObject({
      'service.name': 'ris-demo',
      'service.version': '0.1.0',
      'deployment.environment.name': 'test',
    });
    const first = telemetry.shutdown();
    expect(telemetry.shutdown()).toBe(first);
    expect(await first).toBe('done');
  });

  it('registers the global logger provider that content events use, and flushes it on forceFlush and shutdown', async () => {
    const spans = new InMemorySpanExporter();
    // The in-memory exporter forgets everything when shut down; this one keeps what it received.
    const records = new (class extends InMemoryLogRecordExporter {
      override async shutdown(): Promise<void> {}
    })();
    telemetry = startTelemetry({
      serviceName: 'ris-demo',
      spanProcessors: [new SimpleSpanProcessor({ exporter: spans })],
      // Batched for a minute: only a flush delivers.
      logRecordProcessors: [new BatchLogRecordProcessor({ exporter: records, scheduledDelayMillis: 60_000 })],
      env: {},
    });
    expect(telemetry.plan).toEqual({ disabled: false, traces: true, metrics: false, logs: true });
    const source = new FakeEventSource();
    const instrumentation = instrumentAdapter(source, { env: { ACPT_TELEMETRY_CAPTURE_CONTENT: 'event' } });
    source.emit('request-start', requestStart('r1', 0));
    source.emit('request-end', requestEnd('r1', 10));
    source.emit('request-start', requestStart('r2', 20));
    source.emit('request-end', requestEnd('r2', 30));
    expect(records.getFinishedLogRecords()).toEqual([]);

    expect(await telemetry.forceFlush()).toBe('done');
    expect(records.getFinishedLogRecords()).toHaveLength(2);
    const chats = spans.getFinishedSpans();
    const [first] = records.getFinishedLogRecords();
    expect(first?.eventName).toBe('gen_ai.client.inference.operation.details');
    expect(first?.spanContext?.spanId).toBe(chats[0]?.spanContext().spanId);
    expect(first?.resource.attributes['service.name']).toBe('ris-demo');

    source.emit('request-start', requestStart('r3', 40));
    source.emit('request-end', requestEnd('r3', 50));
    instrumentation.detach();
    expect(records.getFinishedLogRecords()).toHaveLength(2);
    expect(await telemetry.shutdown()).toBe('done');
    expect(records.getFinishedLogRecords()).toHaveLength(3);
  });

  it('keeps logs off when given no log record processors, whatever the environment says', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' };
    telemetry = startTelemetry({
      serviceName: 'test',
      env,
      spanProcessors: [],
      metricReaders: [],
      logRecordProcessors: [],
    });
    expect(telemetry.started).toBe(false);
    expect(telemetry.plan).toEqual({ disabled: false, traces: false, metrics: false, logs: false });
  });

  it.each([
    ['a reader function gets acpt’s producer: histograms aggregated in process', true],
    ['a reader given as is keeps the SDK’s instruments', false],
  ] as const)('%s; the duration histogram is exported either way', async (_case, viaFunction) => {
    const cumulative = AggregationTemporality.CUMULATIVE;
    const plain = new ManualMetricReader(cumulative);
    let reader: ManualMetricReader = plain;
    telemetry = startTelemetry({
      serviceName: 'test',
      env: {},
      metricReaders: [
        viaFunction
          ? (producer) => {
              reader = new ManualMetricReader(cumulative, { metricProducers: [producer] });
              return reader;
            }
          : plain,
      ],
    });
    expect(telemetry.preaggregatedMetrics).toBe(viaFunction);
    const source = new FakeEventSource();
    const instrumentation = instrumentAdapter(source, { env: {} });
    source.emit('request-start', requestStart('r1', 0));
    source.emit('request-end', requestEnd('r1', 250));
    instrumentation.detach();
    const collected = await reader.collect();
    const duration = collected.resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((metric) => metric.descriptor.name === 'gen_ai.client.operation.duration');
    expect(duration?.descriptor.unit).toBe('s');
    expect(duration?.dataPoints.map((point) => (point.value as { sum: number }).sum)).toEqual([0.25]);
  });
});
