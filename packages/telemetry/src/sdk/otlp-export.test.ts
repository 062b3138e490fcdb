import { SpanKind } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeMetrics, decodeTraces } from '../__fixtures__/otlp-decode.ts';
import { type OtlpReceiver, startOtlpReceiver } from '../__fixtures__/otlp-receiver.ts';
import { runProgram } from '../__fixtures__/run-program.ts';
import { DURATION_BUCKETS_SECONDS } from '../semconv/semconv.ts';

let receiver: OtlpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('startTelemetry in a child process, exporting OTLP http/protobuf to a receiver on 127.0.0.1', () => {
  it('sends the spans and metrics, decoded from protobuf, with token and latency attributes', async () => {
    receiver = await startOtlpReceiver();
    const program = runProgram({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, TEST_REQUESTS: '3' });
    const ready = await program.waitFor('ready');
    expect(ready).toMatchObject({ started: true, plan: { disabled: false, traces: true, metrics: true, logs: true } });
    // The reader startTelemetry built from the environment carries acpt's producer: histograms take the in-process path.
    expect(ready['preaggregatedMetrics']).toBe(true);
    expect(await program.waitFor('shutdown')).toMatchObject({ outcome: 'done' });
    expect((await program.exit).code).toBe(0);

    const traces = receiver.requests.filter((request) => request.path === '/v1/traces');
    const metrics = receiver.requests.filter((request) => request.path === '/v1/metrics');
    expect(traces.length).toBeGreaterThan(0);
    expect(metrics.length).toBeGreaterThan(0);
    for (const request of [...traces, ...metrics]) expect(request.contentType).toBe('application/x-protobuf');

    const spans = traces.flatMap((request) => decodeTraces(request.body));
    const chats = spans.filter((span) => span.name === 'chat gpt-oss-120b');
    expect(chats).toHaveLength(3);
    for (const chat of chats) {
      expect(chat.kind).toBe(SpanKind.CLIENT + 1); // OTLP numbers kinds from 1 (INTERNAL)
      expect(chat.scope).toBe('@acpt/telemetry');
      expect(chat.resource).toMatchObject({ 'service.name': 'acpt-telemetry-test', 'service.version': '1.2.3' });
      expect(chat.resource['process.command_args']).toBeUndefined();
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'cerebras',
        'gen_ai.request.model': 'gpt-oss-120b',
        'server.address': 'api.cerebras.ai',
        'server.port': 443,
        'acpt.request.outcome': 'success',
      });
      expect(chat.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
      expect(chat.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
      expect(chat.attributes['cerebras.time_info.total_time']).toBeGreaterThan(0);
      expect(chat.durationNs).toBeGreaterThan(0);
    }
    const retried = chats.find((chat) => chat.attributes['acpt.retry.attempts'] === 2);
    const posts = spans.filter((span) => span.parentSpanId === retried?.spanId);
    expect(
      posts.map((span) => [span.name, span.attributes['error.type'], span.attributes['http.request.resend_count']]),
    ).toEqual([
      ['POST', '503', undefined],
      ['POST', undefined, 1],
    ]);
    expect(JSON.stringify(spans)).not.toContain('csk-test-secret-key');

    const decoded = metrics.flatMap((request) => decodeMetrics(request.body));
    const duration = decoded.find((metric) => metric.name === 'gen_ai.client.operation.duration');
    expect(duration?.unit).toBe('s');
    expect(duration?.points.map((point) => point.count)).toEqual([3]);
    expect(duration?.points[0]?.bounds).toEqual([...DURATION_BUCKETS_SECONDS]);
    const tokens = decoded.find((metric) => metric.name === 'gen_ai.client.token.usage');
    expect(tokens?.points.map((point) => point.attributes['gen_ai.token.type']).sort()).toEqual(['input', 'output']);
    const retries = decoded.find((metric) => metric.name === 'acpt.llm.retries');
    expect(retries?.points).toEqual([expect.objectContaining({ value: 1 })]);
  });

  it('never rejects and never crashes when the backend is down: shutdown ends within its deadline', async () => {
    receiver = await startOtlpReceiver();
    const closedEndpoint = receiver.endpoint;
    await receiver.close();
    receiver = undefined;
    const program = runProgram({
      OTEL_EXPORTER_OTLP_ENDPOINT: closedEndpoint,
      OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
      TEST_SHUTDOWN_TIMEOUT_MS: '500',
      TEST_REQUESTS: '1',
    });
    const shutdown = await program.waitFor('shutdown');
    expect(['failed', 'timed-out']).toContain(shutdown['outcome']);
    const exit = await program.exit;
    expect(exit.code).toBe(0);
    expect(exit.stderr).not.toContain('Unhandled');
  });

  it('exports nowhere and starts no SDK when nothing is configured, or when OTEL_SDK_DISABLED=true', async () => {
    receiver = await startOtlpReceiver();
    const nothing = runProgram({ TEST_REQUESTS: '1' });
    expect(await nothing.waitFor('ready')).toMatchObject({ started: false });
    expect(await nothing.waitFor('shutdown')).toMatchObject({ outcome: 'not-started' });
    const disabled = runProgram({
      OTEL_SDK_DISABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      TEST_REQUESTS: '1',
    });
    expect(await disabled.waitFor('ready')).toMatchObject({ started: false, plan: { disabled: true } });
    expect((await disabled.exit).code).toBe(0);
    expect((await nothing.exit).code).toBe(0);
    expect(receiver.requests).toEqual([]);
  });

  it('with shutdownOnExit, flushes on SIGTERM and then ends by that signal', async () => {
    receiver = await startOtlpReceiver();
    const program = runProgram({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      OTEL_METRIC_EXPORT_INTERVAL: '60000',
      TEST_REQUESTS: '1',
      TEST_HOLD: '1',
      TEST_SHUTDOWN_ON_EXIT: '1',
    });
    await program.waitFor('ready');
    expect(receiver.requests).toEqual([]);
    program.child.kill('SIGTERM');
    const exit = await program.exit;
    expect(exit.signal).toBe('SIGTERM');
    const spans = receiver.requests
      .filter((request) => request.path === '/v1/traces')
      .flatMap((request) => decodeTraces(request.body));
    expect(spans.map((span) => span.name).sort()).toEqual(['POST', 'POST', 'chat gpt-oss-120b']);
  });
});
