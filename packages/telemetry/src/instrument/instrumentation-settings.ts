import type { LoggerProvider, MeterProvider, TracerProvider } from '@opentelemetry/api';
import {
  SEMCONV_LATEST,
  SEMCONV_V1_41,
  type SemconvMode,
  type SemconvNames,
  selectSemconvNames,
} from '../semconv/semconv.ts';
import { type AttemptSpanMode, resolveAttemptSpanMode } from './attempt-span-mode.ts';
import { type ContentCaptureMode, resolveContentCaptureMode } from './content-capture-mode.ts';
import type { ContentUploader } from './content-uploader.ts';
import { resolveCostAttributes } from './cost-attributes.ts';

/** Options of {@link instrumentAdapter}. */
export interface InstrumentAdapterOptions {
  /** Where spans go. @defaultValue the global tracer provider (`trace.getTracerProvider()`) */
  readonly tracerProvider?: TracerProvider;
  /** Where metrics go. @defaultValue the global meter provider at the time of the call */
  readonly meterProvider?: MeterProvider;
  /**
   * Where prompts and replies go. `'span'` (or `true`): `gen_ai.input.messages`, `gen_ai.output.messages` and
   * `gen_ai.tool.definitions` as JSON strings on the logical span. `'event'`: the opt-in log event
   * `gen_ai.client.inference.operation.details` (the same, structured) through
   * `loggerProvider`, in the span's context; the span then carries no content. `'none'` (or `false`): nowhere. Send
   * content only where prompts, which may hold personal data, are allowed to go.
   * @defaultValue from `ACPT_TELEMETRY_CAPTURE_CONTENT` (`none`, `span` or `event`), else `'span'` if
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`, else `'none'`
   */
  readonly captureContent?: boolean | ContentCaptureMode;
  /**
   * Emit `gen_ai.client.operation.exception` (severity WARN, in the `chat` span's context) for each logical call that
   * fails after its retries and fallback, through `loggerProvider`. Full error messages only with content capture on.
   * @defaultValue `true` (nothing is emitted until a logs SDK is registered)
   */
  readonly exceptionEvents?: boolean;
  /**
   * Where the log events go: the content event in `'event'` mode and the exception events.
   * @defaultValue the global logger provider (`logs.getLoggerProvider()` of `@opentelemetry/api` 1.10 or later, which
   * `startTelemetry` sets up); with an older API and no `loggerProvider`, `'event'` mode warns and emits nothing
   */
  readonly loggerProvider?: LoggerProvider;
  /**
   * Stores each call's content elsewhere and returns a reference for the span's `acpt.content.ref` (see
   * {@link ContentUploader}). Runs whatever `captureContent` says, for sampled and unsampled spans alike.
   */
  readonly contentUploader?: ContentUploader;
  /** Naming mode. @defaultValue from `OTEL_SEMCONV_STABILITY_OPT_IN` (`gen_ai_latest_experimental` → `latest`) */
  readonly semconv?: SemconvMode;
  /** Also set the deprecated `gen_ai.system` for old dashboards. @defaultValue `ACPT_SEMCONV_LEGACY_SYSTEM=1` */
  readonly legacySystemAttribute?: boolean;
  /**
   * Child spans per attempt (`POST`, or `chat {model}` on the mock): `'all'` for every attempt, `'retries'` only for
   * the attempts of a request that needed more than one (a request answered at once has the logical span alone, which
   * already covers its single attempt; the spans of earlier attempts are created, with their own times, when the
   * second attempt starts), `'none'` when an HTTP client instrumentation already traces the calls. `true` and `false`
   * are the older spellings of `'all'` and `'none'`.
   * @defaultValue `'retries'`
   */
  readonly attemptSpans?: AttemptSpanMode | boolean;
  /**
   * Caller attributes (the adapter's `attributes` option, e.g. `agent`, `scenario`) copied onto the cost metric
   * `acpt.llm.cost` as `acpt.<name>`, so cost can be broken down by them. Cardinality stays bounded: at most
   * `maxCostAttributeValues` values per name, later ones count as `_other`. Never list ids or step numbers.
   * @defaultValue `[]`
   */
  readonly costAttributes?: readonly string[];
  /** Distinct values kept per cost attribute. @defaultValue 50 */
  readonly maxCostAttributeValues?: number;
  /** Environment to read the variables above from. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The options resolved against the environment, once, at instrumentation time. */
export interface InstrumentationSettings {
  readonly names: SemconvNames;
  readonly captureContent: ContentCaptureMode;
  readonly legacySystemAttribute: boolean;
  readonly attemptSpans: AttemptSpanMode;
  readonly costAttributes: { readonly names: readonly string[]; readonly maxValues: number };
}

/**
 * Resolves {@link InstrumentAdapterOptions}: explicit options win over environment variables.
 *
 * @throws {AcptConfigError} for an unknown `ACPT_TELEMETRY_CAPTURE_CONTENT` (or `captureContent`) value, or bad
 * `costAttributes` / `maxCostAttributeValues`, or an unknown `attemptSpans`
 */
export function resolveInstrumentationSettings(options: InstrumentAdapterOptions): InstrumentationSettings {
  const env = options.env ?? process.env;
  const names =
    options.semconv === undefined
      ? selectSemconvNames(env['OTEL_SEMCONV_STABILITY_OPT_IN'])
      : options.semconv === 'latest'
        ? SEMCONV_LATEST
        : SEMCONV_V1_41;
  return {
    names,
    captureContent: resolveContentCaptureMode(options.captureContent, env),
    legacySystemAttribute: options.legacySystemAttribute ?? env['ACPT_SEMCONV_LEGACY_SYSTEM'] === '1',
    attemptSpans: resolveAttemptSpanMode(options.attemptSpans),
    costAttributes: resolveCostAttributes(options.costAttributes, options.maxCostAttributeValues),
  };
}
