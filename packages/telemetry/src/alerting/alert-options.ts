import type { MeterProvider } from '@opentelemetry/api';
import type { AlertName } from './alert-names.ts';
import type { AlertTimer } from './alert-timer.ts';
import type { AlertListener } from './alert-types.ts';

/** Overrides of one alert's rule. */
export interface AlertRuleOptions {
  /** Fire while the value is above this. @defaultValue the Prometheus rule's threshold */
  readonly threshold?: number;
  /**
   * How long the condition must hold before firing, in ms.
   * @defaultValue the Prometheus rule's `for` scaled by `windowMs / 300 000` (the rule's own `for` with the default
   * window)
   */
  readonly forMs?: number;
}

/** Options of {@link watchAdapterAlerts}. */
export interface WatchAdapterAlertsOptions {
  /** Length of the sliding window, in ms. @defaultValue 300 000 (the rules' `[5m]`) */
  readonly windowMs?: number;
  /** Time buckets the window is made of (its granularity: `windowMs / buckets`). @defaultValue 60 */
  readonly buckets?: number;
  /** How often the timer evaluates between events, in ms; 0 turns the timer off. @defaultValue `windowMs / buckets` */
  readonly evaluationIntervalMs?: number;
  /**
   * Traffic minimum of the budget, retry and error alerts, in logical calls per second over the window (the rules'
   * `acpt:llm_calls:rate5m > 0.05`). @defaultValue 0.05
   */
  readonly minCallsPerSecond?: number;
  /** Per-alert overrides; `false` turns an alert off. */
  readonly rules?: { readonly [TName in AlertName]?: AlertRuleOptions | false };
  /**
   * Count calls that start on the in-process mock (mock mode) for the latency and first-chunk alerts, which the
   * Prometheus rules leave out. @defaultValue false
   */
  readonly includeMockLatency?: boolean;
  /** Called on every transition (`firing` or `resolved`), like a listener added with `on('alert', …)`. */
  readonly onAlert?: AlertListener;
  /** Where `acpt.llm.alerts` is counted. @defaultValue the global meter provider at the time of the call */
  readonly meterProvider?: MeterProvider;
  /** Time source for the windows and the `for` durations (epoch ms). @defaultValue `Date.now` */
  readonly clock?: { now(): number };
  /** Runs the periodic evaluation. @defaultValue an unref'd `setInterval` */
  readonly timer?: AlertTimer;
}
