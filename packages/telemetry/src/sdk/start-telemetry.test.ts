import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { requestEnd, requestStart } from '../__fixtures__/adapter-events.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { instrumentAdapter } from '../instrument/instrument-adapter.ts';
import { startTelemetry, type Telemetry } from './start-telemetry.ts';

let telemetry: Telemetry | undefined;

afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  trace.disable();
  metrics.disable();
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
});
