import { describe, expect, it } from 'vitest';
import { parseOtlpHeaders, resolveExporterTarget } from './exporter-target.ts';

describe('resolveExporterTarget', () => {
  it('defaults to the SDK default OTLP/HTTP endpoint for metrics', () => {
    expect(resolveExporterTarget({})).toEqual({
      kind: 'otlp-http',
      url: new URL('http://localhost:4318/v1/metrics'),
      signal: 'metrics',
      headers: {},
    });
  });

  it('appends /v1/<signal> to the base endpoint but uses a per-signal endpoint as given', () => {
    const base = resolveExporterTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example:4318/' });
    expect(base).toMatchObject({ url: new URL('https://otel.example:4318/v1/metrics') });
    const perSignal = resolveExporterTarget({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'https://otel.example/custom' });
    expect(perSignal).toMatchObject({ url: new URL('https://otel.example/custom') });
  });

  it('probes traces when metrics export is off, and nothing when both are off or the SDK is disabled', () => {
    expect(resolveExporterTarget({ OTEL_METRICS_EXPORTER: 'none' })).toMatchObject({ signal: 'traces' });
    expect(resolveExporterTarget({ OTEL_METRICS_EXPORTER: 'none', OTEL_TRACES_EXPORTER: 'console' })).toMatchObject({
      kind: 'disabled',
    });
    expect(resolveExporterTarget({ OTEL_SDK_DISABLED: 'true' })).toEqual({
      kind: 'disabled',
      reason: 'OTEL_SDK_DISABLED=true',
    });
  });

  it('reads the Prometheus pull endpoint and gRPC targets', () => {
    expect(
      resolveExporterTarget({ OTEL_METRICS_EXPORTER: 'prometheus', OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1' }),
    ).toEqual({ kind: 'prometheus', host: '127.0.0.1', port: 9464 });
    expect(
      resolveExporterTarget({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317' }),
    ).toEqual({ kind: 'otlp-grpc', url: new URL('http://c:4317') });
  });

  it('lets an explicit endpoint override the environment', () => {
    const target = resolveExporterTarget({ OTEL_METRICS_EXPORTER: 'prometheus' }, new URL('http://127.0.0.1:9/'));
    expect(target).toMatchObject({ kind: 'otlp-http', url: new URL('http://127.0.0.1:9/v1/metrics') });
  });
});

describe('parseOtlpHeaders', () => {
  it('parses k=v pairs, decoding values and skipping junk', () => {
    expect(parseOtlpHeaders('Api-Key=a%20b, x=1,junk,=y')).toEqual({ 'api-key': 'a b', x: '1' });
  });
});
