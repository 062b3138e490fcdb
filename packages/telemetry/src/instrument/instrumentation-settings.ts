import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import {
  SEMCONV_LATEST,
  SEMCONV_V1_41,
  type SemconvMode,
  type SemconvNames,
  selectSemconvNames,
} from '../semconv/semconv.ts';

/** Options of {@link instrumentAdapter}. */
export interface InstrumentAdapterOptions {
  /** Where spans go. @defaultValue the global tracer provider (`trace.getTracerProvider()`) */
  readonly tracerProvider?: TracerProvider;
  /** Where metrics go. @defaultValue the global meter provider at the time of the call */
  readonly meterProvider?: MeterProvider;
  /**
   * Put prompts and replies (`gen_ai.input.messages`, `gen_ai.output.messages`, `gen_ai.tool.definitions`) on the
   * spans. Never turn this on where prompts may hold personal data or secrets.
   * @defaultValue from `ACPT_TELEMETRY_CAPTURE_CONTENT=span` or `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`,
   * else `false`
   */
  readonly captureContent?: boolean;
  /** Naming mode. @defaultValue from `OTEL_SEMCONV_STABILITY_OPT_IN` (`gen_ai_latest_experimental` → `latest`) */
  readonly semconv?: SemconvMode;
  /** Also set the deprecated `gen_ai.system` for old dashboards. @defaultValue `ACPT_SEMCONV_LEGACY_SYSTEM=1` */
  readonly legacySystemAttribute?: boolean;
  /** Emit one child span per attempt; turn off when an HTTP client instrumentation already does. @defaultValue `true` */
  readonly attemptSpans?: boolean;
  /** Environment to read the variables above from. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The options resolved against the environment, once, at instrumentation time. */
export interface InstrumentationSettings {
  readonly names: SemconvNames;
  readonly captureContent: boolean;
  readonly legacySystemAttribute: boolean;
  readonly attemptSpans: boolean;
}

/** Resolves {@link InstrumentAdapterOptions}: explicit options win over environment variables. */
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
    captureContent: options.captureContent ?? captureContentFromEnv(env),
    legacySystemAttribute: options.legacySystemAttribute ?? env['ACPT_SEMCONV_LEGACY_SYSTEM'] === '1',
    attemptSpans: options.attemptSpans ?? true,
  };
}

function captureContentFromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  const acpt = env['ACPT_TELEMETRY_CAPTURE_CONTENT']?.trim().toLowerCase();
  if (acpt !== undefined && acpt !== '') return acpt === 'span';
  return env['OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT']?.trim().toLowerCase() === 'true';
}
