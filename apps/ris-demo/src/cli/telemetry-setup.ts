import type { AdapterEventSource } from '@acpt/config';
import type { TelemetryMode } from './parse-args.ts';

/** Running telemetry of a demo run. */
export interface DemoTelemetry {
  /** What is exported, for the console. */
  readonly description: string;
  /** Detaches the instrumentation and flushes; bounded (about 2 s), never rejects. */
  shutdown(): Promise<void>;
}

/**
 * The `OTEL_*` defaults each mode adds when the variable is unset (the user's own settings always win): `otlp` exports
 * traces and metrics over OTLP (endpoint from `OTEL_EXPORTER_OTLP_ENDPOINT`, default `http://localhost:4318`);
 * `prometheus` serves metrics on `127.0.0.1:9464/metrics` while the run lasts and exports no traces.
 */
export function telemetryEnvironmentDefaults(mode: TelemetryMode): Readonly<Record<string, string>> {
  switch (mode) {
    case 'otlp':
      return { OTEL_TRACES_EXPORTER: 'otlp', OTEL_METRICS_EXPORTER: 'otlp' };
    case 'prometheus':
      return {
        OTEL_METRICS_EXPORTER: 'prometheus',
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
      };
    case 'off':
      return {};
  }
}

/**
 * Starts the OpenTelemetry SDK (`@acpt/telemetry/sdk`) and instruments the adapter, or does nothing for `off`. The
 * SDK reads `process.env`, so the mode's defaults are written there for unset variables. The SDK is imported only
 * when asked for, so runs without telemetry do not load it.
 */
export async function setUpTelemetry(
  mode: TelemetryMode,
  adapter: AdapterEventSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoTelemetry> {
  if (mode === 'off') return { description: 'off', shutdown: async () => undefined };
  for (const [name, value] of Object.entries(telemetryEnvironmentDefaults(mode))) {
    if (env[name] === undefined || env[name] === '') env[name] = value;
  }
  const { startTelemetry } = await import('@acpt/telemetry/sdk');
  const { instrumentAdapter } = await import('@acpt/telemetry');
  const telemetry = startTelemetry({ serviceName: 'ris-demo', env });
  const instrumentation = instrumentAdapter(adapter, { env });
  const signals = [telemetry.plan.traces ? 'traces' : '', telemetry.plan.metrics ? 'metrics' : ''].filter(Boolean);
  return {
    description: telemetry.started ? `${mode} (${signals.join(', ')})` : `${mode} (nothing configured, not started)`,
    async shutdown() {
      instrumentation.detach();
      await telemetry.shutdown();
    },
  };
}
