import { createRequire } from 'node:module';
import { diag } from '@opentelemetry/api';
import type { IMetricReader, MetricProducer, PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { PreaggregatedMetrics } from '../preaggregation/preaggregated-metrics.ts';
import type { Environment } from './telemetry-plan.ts';

type ReaderConstructor = new (options: Record<string, unknown>) => IMetricReader;
type ExporterConstructor = new () => PushMetricExporter;

/**
 * Loads a package as `@opentelemetry/sdk-node` itself resolves it: the exporters and the metrics SDK that `NodeSDK`
 * would use for the same variables, at the versions it was installed with, without the application installing them.
 */
function fromSdkNode<TModule>(name: string): TModule {
  const sdkNode = createRequire(import.meta.url).resolve('@opentelemetry/sdk-node');
  return createRequire(sdkNode)(name) as TModule;
}

/**
 * The metric readers `NodeSDK` builds from `OTEL_METRICS_EXPORTER` (`otlp` by default, `prometheus`, `console`,
 * `none`), `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf` by default, `grpc`,
 * `http/json`), `OTEL_METRIC_EXPORT_INTERVAL` / `OTEL_METRIC_EXPORT_TIMEOUT` and `OTEL_EXPORTER_PROMETHEUS_HOST` /
 * `_PORT`, the same rules and warnings, each created through `metrics.reader()` so it carries acpt's producer. The
 * exporters read their own `OTEL_EXPORTER_OTLP_*` variables (endpoint, headers, temporality) from `process.env`.
 */
export function envMetricReaders(metrics: PreaggregatedMetrics, env: Environment): IMetricReader[] {
  const names = [
    ...new Set(
      (env['OTEL_METRICS_EXPORTER'] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
  if (names.length === 0) names.push('otlp');
  if (names.includes('none')) return [];
  const readers: IMetricReader[] = [];
  for (const name of names) {
    if (name === 'otlp') readers.push(periodic(metrics, otlpExporter(env), env));
    else if (name === 'console') {
      const { ConsoleMetricExporter } = fromSdkNode<{ ConsoleMetricExporter: ExporterConstructor }>(
        '@opentelemetry/sdk-metrics',
      );
      readers.push(periodicWith(metrics, new ConsoleMetricExporter(), {}));
    } else if (name === 'prometheus') {
      const { PrometheusExporter } = fromSdkNode<{ PrometheusExporter: ReaderConstructor }>(
        '@opentelemetry/exporter-prometheus',
      );
      const host = env['OTEL_EXPORTER_PROMETHEUS_HOST'];
      const port = numberFrom(env, 'OTEL_EXPORTER_PROMETHEUS_PORT');
      readers.push(metrics.reader((producer) => new PrometheusExporter({ host, port, metricProducers: [producer] })));
    } else {
      diag.warn(
        `Unsupported OTEL_METRICS_EXPORTER value: "${name}". Supported values are: otlp, console, prometheus, none.`,
      );
    }
  }
  return readers;
}

function otlpExporter(env: Environment): PushMetricExporter {
  const protocol =
    (env['OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'] ?? env['OTEL_EXPORTER_OTLP_PROTOCOL'])?.trim() || 'http/protobuf';
  const packages: Record<string, string> = {
    grpc: '@opentelemetry/exporter-metrics-otlp-grpc',
    'http/json': '@opentelemetry/exporter-metrics-otlp-http',
    'http/protobuf': '@opentelemetry/exporter-metrics-otlp-proto',
  };
  let name = packages[protocol];
  if (name === undefined) {
    diag.warn(`Unsupported OTLP metrics protocol: "${protocol}". Using http/protobuf.`);
    name = packages['http/protobuf'] as string;
  }
  const { OTLPMetricExporter } = fromSdkNode<{ OTLPMetricExporter: ExporterConstructor }>(name);
  return new OTLPMetricExporter();
}

/** A periodic reader with `NodeSDK`'s interval and timeout rules (timeout clamped to the interval). */
function periodic(metrics: PreaggregatedMetrics, exporter: PushMetricExporter, env: Environment): IMetricReader {
  const interval = positiveFrom(env, 'OTEL_METRIC_EXPORT_INTERVAL');
  const timeout = positiveFrom(env, 'OTEL_METRIC_EXPORT_TIMEOUT');
  const exportIntervalMillis = interval ?? 60_000;
  let exportTimeoutMillis = timeout ?? 30_000;
  if (exportTimeoutMillis > exportIntervalMillis) {
    const message = `OTEL_METRIC_EXPORT_TIMEOUT (${timeout ?? '30000, default'}) is greater than OTEL_METRIC_EXPORT_INTERVAL (${interval ?? '60000, default'}). Clamping timeout to interval value.`;
    if (interval !== undefined && timeout !== undefined) diag.warn(message);
    else diag.info(message);
    exportTimeoutMillis = exportIntervalMillis;
  }
  return periodicWith(metrics, exporter, { exportIntervalMillis, exportTimeoutMillis });
}

function periodicWith(
  metrics: PreaggregatedMetrics,
  exporter: PushMetricExporter,
  options: Record<string, unknown>,
): IMetricReader {
  const { PeriodicExportingMetricReader } = fromSdkNode<{ PeriodicExportingMetricReader: ReaderConstructor }>(
    '@opentelemetry/sdk-metrics',
  );
  return metrics.reader(
    (producer: MetricProducer) =>
      new PeriodicExportingMetricReader({ ...options, exporter, metricProducers: [producer] }),
  );
}

function numberFrom(env: Environment, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (Number.isNaN(value)) {
    diag.warn(`Unknown value ${JSON.stringify(raw)} for ${name}, expected a number, using defaults`);
    return undefined;
  }
  return value;
}

function positiveFrom(env: Environment, name: string): number | undefined {
  const value = numberFrom(env, name);
  if (value !== undefined && value <= 0) {
    diag.warn(`${name} (${value}) is invalid, expected number greater than 0, using default.`);
    return undefined;
  }
  return value;
}
