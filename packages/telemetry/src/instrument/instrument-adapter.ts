import type { AdapterEventSource } from '@acpt/config';
import { metrics, trace } from '@opentelemetry/api';
import { preaggregatedStoreFor } from '../preaggregation/preaggregation-registry.ts';
import { SCOPE_NAME } from '../semconv/attributes.ts';
import { VERSION } from '../version.ts';
import { BatchSpans } from './batch-spans.ts';
import { createContentRecorder } from './content-recorder.ts';
import { CostAttributes } from './cost-attributes.ts';
import { createExceptionEvents } from './exception-events.ts';
import { type InstrumentAdapterOptions, resolveInstrumentationSettings } from './instrumentation-settings.ts';
import { createAdapterInstruments } from './instruments.ts';
import { RequestTracker } from './request-tracker.ts';
import { attributeCacheFor, stateGaugesFor } from './shared-meter-state.ts';
import { createTokenRecorder } from './token-recorder.ts';

/** The handle {@link instrumentAdapter} returns. */
export interface AdapterInstrumentation {
  /** Removes every listener, ends the spans still open and stops the gauges. Idempotent. */
  detach(): void;
  /** Logical requests in flight (their state is dropped at `request-end`). */
  readonly activeRequests: number;
}

/**
 * Turns an adapter's diagnostics events into OpenTelemetry spans and metrics (GenAI semantic conventions v1.41.0, or
 * the newest names with `OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental`). The adapter itself knows nothing
 * of OpenTelemetry: this only calls its `on()`. Prompts and replies are recorded only when opted in
 * (`captureContent`: on the span, or as the log event `gen_ai.client.inference.operation.details`), or handed to a
 * `contentUploader`.
 *
 * Call it after the SDK is started (`startTelemetry` from `@acpt/telemetry/sdk`, or your own): the global tracer
 * provider is a proxy that picks up a later SDK, but the global meter provider is not.
 *
 * @param source - the adapter, or anything with the contract's `on(name, listener)`
 * @throws {AcptConfigError} for an unknown `ACPT_TELEMETRY_CAPTURE_CONTENT` (or `captureContent`) value
 * @example
 * ```ts
 * const instrumentation = instrumentAdapter(adapter);
 * // … use the adapter …
 * instrumentation.detach();
 * ```
 */
export function instrumentAdapter(
  source: AdapterEventSource,
  options: InstrumentAdapterOptions = {},
): AdapterInstrumentation {
  const settings = resolveInstrumentationSettings(options);
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE_NAME, VERSION);
  const meterProvider = options.meterProvider ?? metrics.getMeterProvider();
  const meter = meterProvider.getMeter(SCOPE_NAME, VERSION);
  // Histograms and token counters aggregated in process when the provider's readers carry acpt's producers.
  const store = preaggregatedStoreFor(meterProvider);
  const attributes = attributeCacheFor(meter, settings.legacySystemAttribute);
  const batches = new BatchSpans(tracer);
  const gauges = stateGaugesFor(meter);
  const adapterState = gauges.track(source.spendStatus?.bind(source));
  const instruments = createAdapterInstruments(meter, settings.names, store);
  const tracker = new RequestTracker({
    tracer,
    instruments,
    tokens: createTokenRecorder(meter, settings.names, attributes, store),
    attributes,
    costAttributes: new CostAttributes(attributes, settings.costAttributes),
    batches,
    settings,
    content: createContentRecorder({
      mode: settings.captureContent,
      names: settings.names,
      loggerProvider: options.loggerProvider,
      uploader: options.contentUploader,
    }),
    exceptions: createExceptionEvents({
      enabled: options.exceptionEvents ?? true,
      loggerProvider: options.loggerProvider,
      captureMessages: settings.captureContent !== 'none',
    }),
  });
  const unsubscribes = [
    source.on('request-start', (event) => tracker.requestStart(event)),
    source.on('attempt-start', (event) => tracker.attemptStart(event)),
    source.on('attempt-end', (event) => tracker.attemptEnd(event)),
    source.on('attempt-error', (event) => tracker.attemptError(event)),
    source.on('retry-scheduled', (event) => tracker.retryScheduled(event)),
    source.on('first-token', (event) => tracker.firstToken(event)),
    source.on('stream-chunk', (event) => tracker.streamChunk(event)),
    source.on('batch-flush', (event) => tracker.batchFlush(event)),
    source.on('fallback-start', (event) => tracker.fallbackStart(event)),
    source.on('budget-exceeded', (event) => tracker.budgetExceeded(event)),
    source.on('spend-limit', (event) => tracker.spendLimit(event)),
    source.on('request-end', (event) => tracker.requestEnd(event)),
    source.on('concurrency-change', (event) => {
      adapterState.concurrencyLimit = event.limit;
    }),
    source.on('circuit-state', (event) => {
      adapterState.circuit = event.to;
      instruments.circuitTransitions.add(1, attributes.circuitState(event.to));
    }),
    source.on('rate-limit', (event) => {
      adapterState.rateLimit = event.state;
    }),
  ];
  let attached = true;
  return {
    detach(): void {
      if (!attached) return;
      attached = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
      tracker.endAll();
      batches.endAll();
      gauges.untrack(adapterState);
    },
    get activeRequests(): number {
      return tracker.size;
    },
  };
}
