import type { CerebrasLLMAdapter } from '@acpt/adapter';
import { type AdapterInstrumentation, instrumentAdapter } from '../instrument/instrument-adapter.ts';
import type { InstrumentAdapterOptions } from '../instrument/instrumentation-settings.ts';
import { TelemetryHarness, type TelemetryHarnessOptions } from './telemetry-harness.ts';
import { type VirtualTimeAdapterOptions, virtualTimeAdapter } from './virtual-time-adapter.ts';

/** Options of {@link adapterScenario}. */
export interface AdapterScenarioOptions extends VirtualTimeAdapterOptions {
  /** Instrumentation options besides the tracer and meter providers (the logger provider defaults to the harness's). */
  readonly instrumentation?: Omit<InstrumentAdapterOptions, 'tracerProvider' | 'meterProvider'>;
  /** Sampler of the harness's tracer provider. @defaultValue always on */
  readonly sampler?: TelemetryHarnessOptions['sampler'];
}

/** A real adapter over mock transports in virtual time ({@link virtualTimeAdapter}), instrumented into in-memory exporters. */
export interface AdapterScenario {
  readonly adapter: CerebrasLLMAdapter;
  readonly telemetry: TelemetryHarness;
  readonly instrumentation: AdapterInstrumentation;
  close(): Promise<void>;
}

/** Builds an {@link AdapterScenario}. */
export function adapterScenario(options: AdapterScenarioOptions = {}): AdapterScenario {
  const { adapter } = virtualTimeAdapter(options);
  const telemetry = new TelemetryHarness(options.sampler === undefined ? {} : { sampler: options.sampler });
  const instrumentation = instrumentAdapter(adapter, {
    env: {},
    loggerProvider: telemetry.loggerProvider,
    ...options.instrumentation,
    tracerProvider: telemetry.tracerProvider,
    meterProvider: telemetry.meterProvider,
  });
  return {
    adapter,
    telemetry,
    instrumentation,
    async close(): Promise<void> {
      instrumentation.detach();
      await adapter.close();
      await telemetry.shutdown();
    },
  };
}
