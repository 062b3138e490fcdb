import type { CerebrasLLMAdapter, GenerateOptions } from '@acpt/adapter';
import type { VirtualClock } from '@acpt/transport-mock';
import type { AlertName } from '../alerting/alert-names.ts';
import type { WatchAdapterAlertsOptions } from '../alerting/alert-options.ts';
import type { AlertEvent, AlertStatus } from '../alerting/alert-types.ts';
import { type AdapterAlertWatch, watchAdapterAlerts } from '../alerting/watch-adapter-alerts.ts';
import { T0 } from './adapter-events.ts';
import { TelemetryHarness } from './telemetry-harness.ts';
import { type VirtualTimeAdapterOptions, virtualTimeAdapter } from './virtual-time-adapter.ts';

/** An `AlertTimer` a test drives: it records the interval and ticks only when told to. */
export class ManualAlertTimer {
  intervalMs = 0;
  #tick: (() => void) | undefined;

  readonly timer = (intervalMs: number, tick: () => void): (() => void) => {
    this.intervalMs = intervalMs;
    this.#tick = tick;
    return () => {
      this.#tick = undefined;
    };
  };

  /** Whether a timer is running. */
  get running(): boolean {
    return this.#tick !== undefined;
  }

  tick(): void {
    this.#tick?.();
  }
}

/** Options of {@link alertScenario}. */
export interface AlertScenarioOptions extends Omit<VirtualTimeAdapterOptions, 'wrapLive'> {
  /** Alert options besides the clock, timer and meter provider. */
  readonly alerts?: Omit<WatchAdapterAlertsOptions, 'clock' | 'timer' | 'meterProvider'>;
}

/** A real adapter over mock transports in virtual time, watched by `watchAdapterAlerts` on the same clock. */
export interface AlertScenario {
  readonly adapter: CerebrasLLMAdapter;
  readonly clock: VirtualClock;
  readonly alerts: AdapterAlertWatch;
  readonly timer: ManualAlertTimer;
  readonly telemetry: TelemetryHarness;
  /** Every transition reported to `onAlert`, in order. */
  readonly events: AlertEvent[];
  /** Sends `count` requests one after another, `gapMs` of idle time after each; failures are swallowed. */
  run(count: number, options?: { readonly gapMs?: number; readonly generate?: GenerateOptions }): Promise<void>;
  /** Sends `count` streamed requests one after another, as {@link run}. */
  stream(count: number, options?: { readonly gapMs?: number }): Promise<void>;
  /** Lets `ms` of virtual time pass without traffic, ticking the timer at its interval as a real one would. */
  idle(ms: number): Promise<void>;
  /** The current status of one alert. */
  status(name: AlertName): AlertStatus | undefined;
  /** The transitions of one alert, as `state@ms since T0`. */
  transitions(name: AlertName): string[];
  close(): Promise<void>;
}

/** Builds an {@link AlertScenario} starting at `T0`. */
export function alertScenario(options: AlertScenarioOptions = {}): AlertScenario {
  const { adapter, clock } = virtualTimeAdapter(options);
  const telemetry = new TelemetryHarness();
  const timer = new ManualAlertTimer();
  const events: AlertEvent[] = [];
  const alerts = watchAdapterAlerts(adapter, {
    ...options.alerts,
    onAlert: (event) => events.push(event),
    clock,
    timer: timer.timer,
    meterProvider: telemetry.meterProvider,
  });
  const idle = async (ms: number): Promise<void> => {
    const end = clock.now() + ms;
    while (clock.now() < end) {
      const step = timer.intervalMs > 0 ? Math.min(timer.intervalMs, end - clock.now()) : end - clock.now();
      await clock.sleep(step);
      timer.tick();
    }
  };
  const repeat = async (count: number, gapMs: number, send: () => Promise<unknown>): Promise<void> => {
    for (let index = 0; index < count; index++) {
      await send().catch(() => undefined);
      if (gapMs > 0) await idle(gapMs);
    }
  };
  return {
    adapter,
    clock,
    alerts,
    timer,
    telemetry,
    events,
    run: (count, runOptions = {}) =>
      repeat(count, runOptions.gapMs ?? 0, () => adapter.generate('Pick a RIS phase profile', runOptions.generate)),
    stream: (count, streamOptions = {}) =>
      repeat(count, streamOptions.gapMs ?? 0, async () => {
        for await (const _event of adapter.stream('Describe the channel')) {
          // drain
        }
      }),
    idle,
    status: (name) => alerts.state().alerts.find((status) => status.alert === name),
    transitions: (name) =>
      events.filter((event) => event.alert === name).map((event) => `${event.state}@${event.at - T0}`),
    async close(): Promise<void> {
      alerts.detach();
      await adapter.close();
      await telemetry.shutdown();
    },
  };
}
