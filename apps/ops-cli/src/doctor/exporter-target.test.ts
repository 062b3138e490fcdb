import { describe, expect, it } from 'vitest';
import { parseOtlpHeaders, resolveExporterTarget } from './exporter-target.ts';

describe('resolveExporterTarget', () => {
  it('is unconfigured when nothing asks for export, as startTelemetry decides', () => {
    expect(resolveExporterTarget({})).toEqual({ kind: 'unconfigured' });
  });

  it('appends /v1/<signal> to the shared endpoint but uses a per-signal endpoint as given', () => {
    expect(resolveExporterTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example:4318/' })).toEqual({
      kind: 'otlp-http',
      url: new URL('https://otel.example:4318/v1/metrics'),
      signal: 'metrics',
      headers: {},
    });
    const perSignal = resolveExporterTarget({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'https://otel.example/custom' });
    expect(perSignal).toMatchObject({ url: new URL('https://otel.example/custom') });
  });

  it('probes traces when only traces are exported, the SDK default endpoint when none is named', () => {
    expect(resolveExporterTarget({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({
      signal: 'traces',
      url: new URL('http://localhost:4318/v1/traces'),
    });
  });

  it('skips disabled SDKs and local exporters', () => {
    expect(resolveExporterTarget({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x' })).toEqual({
      kind: 'disabled',
      reason: 'OTEL_SDK_DISABLED=true',
    });
    expect(resolveExporterTarget({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ kind: 'local', exporter: 'console' });
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
