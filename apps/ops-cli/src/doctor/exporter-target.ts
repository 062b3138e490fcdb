/** Where telemetry goes, as the OpenTelemetry SDK reads it from the environment (telemetry.md §6). */
export type ExporterTarget =
  | { readonly kind: 'disabled'; readonly reason: string }
  | {
      readonly kind: 'otlp-http';
      readonly url: URL;
      readonly signal: 'metrics' | 'traces';
      readonly headers: Record<string, string>;
    }
  | { readonly kind: 'otlp-grpc'; readonly url: URL }
  | { readonly kind: 'prometheus'; readonly host: string; readonly port: number };

type Environment = Readonly<Record<string, string | undefined>>;

const offValues = new Set(['none', 'console']);

/** Parses `k=v,k2=v2` (`OTEL_EXPORTER_OTLP_HEADERS`), URL-decoding values. */
export function parseOtlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    headers[pair.slice(0, index).trim().toLowerCase()] = decodeURIComponent(pair.slice(index + 1).trim());
  }
  return headers;
}

/**
 * Works out which exporter the SDK would use: the Prometheus pull endpoint when `OTEL_METRICS_EXPORTER=prometheus`,
 * otherwise the OTLP endpoint (per-signal endpoint as given, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/<signal>`, the
 * SDK default `http://localhost:4318`). `override` (the doctor's `--exporter` flag) replaces the OTLP endpoint.
 */
export function resolveExporterTarget(environment: Environment, override?: URL): ExporterTarget {
  if (environment.OTEL_SDK_DISABLED?.toLowerCase() === 'true') {
    return { kind: 'disabled', reason: 'OTEL_SDK_DISABLED=true' };
  }
  const metrics = (environment.OTEL_METRICS_EXPORTER ?? 'otlp').toLowerCase();
  const traces = (environment.OTEL_TRACES_EXPORTER ?? 'otlp').toLowerCase();
  if (metrics.split(',').includes('prometheus') && override === undefined) {
    const port = Number(environment.OTEL_EXPORTER_PROMETHEUS_PORT ?? 9464);
    return { kind: 'prometheus', host: environment.OTEL_EXPORTER_PROMETHEUS_HOST ?? '0.0.0.0', port };
  }
  const signal = offValues.has(metrics) ? 'traces' : 'metrics';
  if (override === undefined && offValues.has(metrics) && offValues.has(traces)) {
    return { kind: 'disabled', reason: `OTEL_METRICS_EXPORTER=${metrics}, OTEL_TRACES_EXPORTER=${traces}` };
  }
  const upper = signal.toUpperCase();
  const protocol = (
    environment[`OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`] ??
    environment.OTEL_EXPORTER_OTLP_PROTOCOL ??
    'http/protobuf'
  ).toLowerCase();
  const perSignal = environment[`OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`];
  const base = override?.href ?? environment.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318';
  if (protocol === 'grpc') return { kind: 'otlp-grpc', url: new URL(perSignal ?? base) };
  const url =
    override === undefined && perSignal !== undefined
      ? new URL(perSignal)
      : new URL(`${base.replace(/\/+$/, '')}/v1/${signal}`);
  const headers = {
    ...parseOtlpHeaders(environment.OTEL_EXPORTER_OTLP_HEADERS),
    ...parseOtlpHeaders(environment[`OTEL_EXPORTER_OTLP_${upper}_HEADERS`]),
  };
  return { kind: 'otlp-http', url, signal, headers };
}
