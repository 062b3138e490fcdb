import {
  type Attributes,
  diag,
  type LoggerProvider,
  logs,
  type MeterProvider,
  metrics,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import type { IMetricReader, MetricProducer } from '@opentelemetry/sdk-metrics';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { PreaggregatedMetrics } from '../preaggregation/preaggregated-metrics.ts';
import { envMetricReaders } from './env-metric-readers.ts';
import { resourceDetectors } from './resource-detectors.ts';
import { installShutdownHooks } from './shutdown-hooks.ts';
import { type Environment, planTelemetry, type TelemetryPlan } from './telemetry-plan.ts';
import { type DeadlineOutcome, withDeadline } from './with-deadline.ts';

/** Options of {@link startTelemetry}. */
export interface StartTelemetryOptions {
  /** `service.name`; wins over `OTEL_SERVICE_NAME`. */
  readonly serviceName: string;
  /** `service.version`, when known. */
  readonly serviceVersion?: string;
  /** More resource attributes; win over detected ones and `OTEL_RESOURCE_ATTRIBUTES`. */
  readonly resourceAttributes?: Attributes;
  /** Span processors to use instead of the ones `OTEL_TRACES_EXPORTER` describes (tests, custom exporters); `[]`: none. */
  readonly spanProcessors?: NodeSDKConfiguration['spanProcessors'];
  /**
   * Metric readers to use instead of the ones `OTEL_METRICS_EXPORTER` describes; `[]`: none. A function is called
   * with acpt's `MetricProducer` for that reader and returns the reader, which must list the producer in its
   * `metricProducers` (see {@link PreaggregatedMetrics}); when every entry is such a function, `instrumentAdapter`
   * aggregates its histograms in process. A reader given as is keeps the SDK's instruments for every reader.
   */
  readonly metricReaders?: readonly (IMetricReader | ((producer: MetricProducer) => IMetricReader))[];
  /**
   * Log record processors to use instead of the ones `OTEL_LOGS_EXPORTER` describes; `[]`: none. Logs carry the
   * content event of `instrumentAdapter(…, { captureContent: 'event' })`.
   */
  readonly logRecordProcessors?: NodeSDKConfiguration['logRecordProcessors'];
  /** Sampler. @defaultValue from `OTEL_TRACES_SAMPLER`, else parent-based always-on */
  readonly sampler?: NodeSDKConfiguration['sampler'];
  /** Longest wait of `shutdown()` and `forceFlush()`. @defaultValue 2000 */
  readonly shutdownTimeoutMs?: number;
  /** Shut down once on `SIGTERM`, `SIGINT` (then re-raise the signal) and `beforeExit`. @defaultValue false */
  readonly shutdownOnExit?: boolean;
  /** Where to read `OTEL_*` from. The SDK itself always reads `process.env`. @defaultValue `process.env` */
  readonly env?: Environment;
}

/** How `shutdown()` ended: flushed, failed (backend down, logged through `diag`), timed out, or nothing to do. */
export type TelemetryShutdownOutcome = DeadlineOutcome | 'not-started';

/** The running telemetry. */
export interface Telemetry {
  /** Whether an SDK was started (false when disabled or when nothing is configured). */
  readonly started: boolean;
  /** What is exported. */
  readonly plan: TelemetryPlan;
  /** The global tracer provider (a no-op one when nothing is traced). */
  readonly tracerProvider: TracerProvider;
  /** The global meter provider (a no-op one when nothing is measured). */
  readonly meterProvider: MeterProvider;
  /** The global logger provider (one that exports nothing when logs are off). */
  readonly loggerProvider: LoggerProvider;
  /**
   * Whether `instrumentAdapter` on `meterProvider` aggregates acpt's histograms and token counters in process and
   * hands them to the readers at collection (every reader carries acpt's producer and asks for the default
   * aggregation), rather than recording them through the SDK's instruments. The exported metrics are the same.
   */
  readonly preaggregatedMetrics: boolean;
  /** Exports what is buffered; resolves within `shutdownTimeoutMs`, never rejects. */
  forceFlush(): Promise<TelemetryShutdownOutcome>;
  /** Flushes and stops, once; resolves within `shutdownTimeoutMs`, never rejects, even with the backend down. */
  shutdown(): Promise<TelemetryShutdownOutcome>;
}

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 2000;

/**
 * Starts the OpenTelemetry Node SDK (`NodeSDK`) configured by the standard `OTEL_*` variables: OTLP http/protobuf by
 * default, `OTEL_METRICS_EXPORTER=prometheus` for a `/metrics` endpoint, `OTEL_SDK_DISABLED=true` for nothing. A
 * signal nobody configured is not exported, and with nothing configured no SDK starts at all, so the cost is a few
 * no-op calls. Registers the global providers; call it once, before {@link instrumentAdapter}.
 *
 * @example
 * ```ts
 * const telemetry = startTelemetry({ serviceName: 'ris-demo', shutdownOnExit: true });
 * instrumentAdapter(adapter);
 * // … at the end:
 * await telemetry.shutdown();
 * ```
 */
export function startTelemetry(options: StartTelemetryOptions): Telemetry {
  const env = options.env ?? process.env;
  const timeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const detected = planTelemetry(env);
  const plan: TelemetryPlan = {
    ...detected,
    traces:
      !detected.disabled &&
      (options.spanProcessors === undefined ? detected.traces : options.spanProcessors.length > 0),
    metrics:
      !detected.disabled && (options.metricReaders === undefined ? detected.metrics : options.metricReaders.length > 0),
    logs:
      !detected.disabled &&
      (options.logRecordProcessors === undefined ? detected.logs : options.logRecordProcessors.length > 0),
  };
  if (!plan.traces && !plan.metrics && !plan.logs) return notStarted(plan);

  const attributes: Attributes = { ...options.resourceAttributes };
  if (options.serviceVersion !== undefined) attributes['service.version'] = options.serviceVersion;
  const acptMetrics = new PreaggregatedMetrics();
  const readers = plan.metrics ? metricReaders(acptMetrics, options.metricReaders) : { list: [], allCarry: false };
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resourceDetectors: resourceDetectors(env, attributes),
    spanProcessors: plan.traces ? options.spanProcessors : [],
    metricReaders: readers.list,
    logRecordProcessors: plan.logs ? options.logRecordProcessors : [],
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
  });
  const meterProviderBefore = metrics.getMeterProvider();
  sdk.start();
  // Only the provider this SDK registered (a provider registered earlier stays global, with readers of its own).
  const meterProvider = metrics.getMeterProvider();
  const preaggregated =
    readers.allCarry && meterProvider !== meterProviderBefore && acptMetrics.register(meterProvider);

  const onError = (error: unknown): void => diag.warn(`@acpt/telemetry: export failed: ${String(error)}`);
  let shutdownResult: Promise<TelemetryShutdownOutcome> | undefined;
  const telemetry: Telemetry = {
    started: true,
    plan,
    tracerProvider: trace.getTracerProvider(),
    meterProvider,
    loggerProvider: logs.getLoggerProvider(),
    preaggregatedMetrics: preaggregated,
    forceFlush: () => withDeadline(flushProviders(), timeoutMs, onError),
    shutdown: () => {
      shutdownResult ??= withDeadline(sdk.shutdown(), timeoutMs, onError);
      return shutdownResult;
    },
  };
  if (options.shutdownOnExit === true) installShutdownHooks(() => telemetry.shutdown());
  return telemetry;
}

function notStarted(plan: TelemetryPlan): Telemetry {
  const outcome = (): Promise<TelemetryShutdownOutcome> => Promise.resolve('not-started');
  return {
    started: false,
    plan,
    tracerProvider: trace.getTracerProvider(),
    meterProvider: metrics.getMeterProvider(),
    loggerProvider: logs.getLoggerProvider(),
    preaggregatedMetrics: false,
    forceFlush: outcome,
    shutdown: outcome,
  };
}

/**
 * The readers to start: the environment's (as `NodeSDK` builds them, each with acpt's producer) or the given ones
 * (functions get acpt's producer). `allCarry`: every reader has the producer, so the in-process path may be used.
 */
function metricReaders(
  acptMetrics: PreaggregatedMetrics,
  given: StartTelemetryOptions['metricReaders'],
): { readonly list: IMetricReader[]; readonly allCarry: boolean } {
  if (given === undefined) {
    const list = envMetricReaders(acptMetrics, process.env);
    return { list, allCarry: list.length > 0 };
  }
  let allCarry = given.length > 0;
  const list = given.map((entry) => {
    if (typeof entry === 'function') return acptMetrics.reader(entry);
    allCarry = false;
    return entry;
  });
  return { list, allCarry };
}

interface Flushable {
  forceFlush?: () => Promise<void>;
  getDelegate?: () => unknown;
}

/**
 * `NodeSDK` has no `forceFlush()`: flush the global tracer provider's delegate and the global meter and logger
 * providers (once registered, the API hands out the SDK's own meter and logger providers, not proxies).
 */
async function flushProviders(): Promise<void> {
  const proxy = trace.getTracerProvider() as Flushable;
  const tracerProvider = (proxy.getDelegate?.() ?? proxy) as Flushable;
  const meterProvider = metrics.getMeterProvider() as Flushable;
  const loggerProvider = logs.getLoggerProvider() as Flushable;
  await Promise.all([tracerProvider.forceFlush?.(), meterProvider.forceFlush?.(), loggerProvider.forceFlush?.()]);
}
