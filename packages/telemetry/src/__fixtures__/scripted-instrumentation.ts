import { afterEach, beforeEach } from 'vitest';
import { type AdapterInstrumentation, instrumentAdapter } from '../instrument/instrument-adapter.ts';
import type { InstrumentAdapterOptions } from '../instrument/instrumentation-settings.ts';
import { FakeEventSource } from './fake-event-source.ts';
import { TelemetryHarness } from './telemetry-harness.ts';

/** A fresh in-memory harness and fake event source per test, instrumented with the default settings. */
export interface ScriptedInstrumentation {
  readonly harness: TelemetryHarness;
  readonly source: FakeEventSource;
  readonly instrumentation: AdapterInstrumentation;
  /** Detaches the current instrumentation and instruments the source again with `options` (same providers). */
  reinstrument(options: Omit<InstrumentAdapterOptions, 'tracerProvider' | 'meterProvider'>): void;
}

/**
 * Registers the `beforeEach` that instruments a new {@link FakeEventSource} into a new {@link TelemetryHarness} (no
 * environment variables), and the `afterEach` that detaches and shuts it down. The returned object always holds the
 * current test's parts. Call at the top of a test file.
 */
export function useScriptedInstrumentation(): ScriptedInstrumentation {
  const current: { -readonly [K in keyof ScriptedInstrumentation]?: ScriptedInstrumentation[K] } = {};
  beforeEach(() => {
    current.harness = new TelemetryHarness();
    current.source = new FakeEventSource();
    current.instrumentation = instrumentAdapter(current.source, {
      tracerProvider: current.harness.tracerProvider,
      meterProvider: current.harness.meterProvider,
      env: {},
    });
  });
  afterEach(async () => {
    current.instrumentation?.detach();
    await current.harness?.shutdown();
  });
  return {
    reinstrument(options) {
      const harness = current.harness as TelemetryHarness;
      current.instrumentation?.detach();
      current.instrumentation = instrumentAdapter(current.source as FakeEventSource, {
        ...options,
        tracerProvider: harness.tracerProvider,
        meterProvider: harness.meterProvider,
      });
    },
    get harness() {
      return current.harness as TelemetryHarness;
    },
    get source() {
      return current.source as FakeEventSource;
    },
    get instrumentation() {
      return current.instrumentation as AdapterInstrumentation;
    },
  };
}
