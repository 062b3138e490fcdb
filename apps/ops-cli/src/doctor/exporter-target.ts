import { planTelemetry } from '@acpt/telemetry/sdk';
import type { Environment } from '../cli/environment.ts';

/** Where telemetry goes, as `startTelemetry` (`@acpt/telemetry/sdk`) and the OTel SDK read it (telemetry.md §6). */
export type ExporterTarget =
  | { readonly kind: 'disabled'; readonly reason: string }
  | { readonly kind: 'unconfigured' }
  | { readonly kind: 'local'; readonly exporter: string }
  | {
      readonly kind: 'otlp-http';
      readonly url: URL;
      readonly signal: 'metrics' | 'traces';
      readonly headers: Record<string, string>;
    }
  | { readonly kind: 'otlp-grpc'; readonly url: URL }
  | { readonly kind: 'prometheus'; readonly host: string; readonly port: number };

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

function otlpTarget(env: Environment, signal: 'metrics' | 'traces', override: URL | undefined): ExporterTarget {
  const upper = signal.toUpperCase();
  const protocol = (env[`OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`] ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf')
    .trim()
    .toLowerCase();
  const perSignal =
    override === undefined ? env[`OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`]?.trim() || undefined : undefined;
  const base = (override?.href ?? env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) || 'http://localhost:4318';
  if (protocol === 'grpc') return { kind: 'otlp-grpc', url: new URL(perSignal ?? base) };
  const url = perSignal !== undefined ? new URL(perSignal) : new URL(`${base.replace(/\/+$/, '')}/v1/${signal}`);
  const headers = {
    ...parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
    ...parseOtlpHeaders(env[`OTEL_EXPORTER_OTLP_${upper}_HEADERS`]),
  };
  return { kind: 'otlp-http', url, signal, headers };
}

/**
 * Works out where the application's telemetry would go, with the same rule as `startTelemetry`: nothing unless
 * something is configured (`planTelemetry`). Metrics win over traces as the probe; `OTEL_METRICS_EXPORTER=prometheus`
 * means a `/metrics` pull endpoint; `console` needs no network. `override` (the doctor's `--exporter`) names an
 * OTLP/HTTP endpoint to probe whatever the environment says.
 */
export function resolveExporterTarget(env: Environment, override?: URL): ExporterTarget {
  if (override !== undefined) return otlpTarget(env, 'metrics', override);
  const plan = planTelemetry(env);
  if (plan.disabled) return { kind: 'disabled', reason: 'OTEL_SDK_DISABLED=true' };
  if (!plan.metrics && !plan.traces) return { kind: 'unconfigured' };
  const signal = plan.metrics ? 'metrics' : 'traces';
  const exporters = (env[`OTEL_${signal.toUpperCase()}_EXPORTER`] ?? 'otlp')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'none');
  if (signal === 'metrics' && exporters.includes('prometheus')) {
    const port = Number(env.OTEL_EXPORTER_PROMETHEUS_PORT?.trim() || 9464);
    return { kind: 'prometheus', host: env.OTEL_EXPORTER_PROMETHEUS_HOST?.trim() || '0.0.0.0', port };
  }
  if (exporters.length > 0 && !exporters.includes('otlp')) return { kind: 'local', exporter: exporters.join(',') };
  return otlpTarget(env, signal, undefined);
}
