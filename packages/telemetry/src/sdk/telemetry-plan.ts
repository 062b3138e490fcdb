/** Environment variables as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Which signals `startTelemetry` hands to the SDK's environment configuration, and which it switches off. */
export interface TelemetryPlan {
  /** `OTEL_SDK_DISABLED=true`: nothing starts. */
  readonly disabled: boolean;
  /** Export spans as `OTEL_TRACES_EXPORTER` / `OTEL_EXPORTER_OTLP_*` say. */
  readonly traces: boolean;
  /** Export metrics as `OTEL_METRICS_EXPORTER` / `OTEL_EXPORTER_OTLP_*` say (`prometheus` starts `/metrics`). */
  readonly metrics: boolean;
  /** Export logs as `OTEL_LOGS_EXPORTER` / `OTEL_EXPORTER_OTLP_*` say. */
  readonly logs: boolean;
}

const SIGNAL_VARIABLES = {
  traces: ['OTEL_TRACES_EXPORTER', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'],
  metrics: ['OTEL_METRICS_EXPORTER', 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'],
  logs: ['OTEL_LOGS_EXPORTER', 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT'],
} as const;

/**
 * Decides what to export from the standard `OTEL_*` variables. Unlike a bare `NodeSDK`, which sends OTLP to
 * `localhost:4318` when nothing is set, a signal is exported only when something asks for it: its
 * `OTEL_<SIGNAL>_EXPORTER` (any value but `none`), its own OTLP endpoint, or `OTEL_EXPORTER_OTLP_ENDPOINT`. With
 * nothing configured, nothing is exported and no SDK starts.
 */
export function planTelemetry(env: Environment): TelemetryPlan {
  const disabled = isTrue(env['OTEL_SDK_DISABLED']);
  const sharedEndpoint = isSet(env['OTEL_EXPORTER_OTLP_ENDPOINT']);
  const signal = (variables: readonly [string, string]): boolean => {
    const exporter = env[variables[0]]?.trim().toLowerCase();
    if (exporter !== undefined && exporter !== '') {
      return exporter.split(',').some((name) => name.trim() !== 'none' && name.trim() !== '');
    }
    return sharedEndpoint || isSet(env[variables[1]]);
  };
  return {
    disabled,
    traces: !disabled && signal(SIGNAL_VARIABLES.traces),
    metrics: !disabled && signal(SIGNAL_VARIABLES.metrics),
    logs: !disabled && signal(SIGNAL_VARIABLES.logs),
  };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}
