import type { AlertName, AlertSeverity } from './alert-names.ts';

/**
 * One alert transition: it started firing (its condition held for its `for` duration) or it resolved (the condition
 * no longer holds). Carries only the alert's own numbers: no request ids, prompts, model output or secrets.
 */
export interface AlertEvent {
  /** Which alert (the Prometheus alert name). */
  readonly alert: AlertName;
  /** `firing` when it starts firing, `resolved` when it stops. */
  readonly state: 'firing' | 'resolved';
  /** The measured value at the transition (see {@link AlertStatus.value}); `null` when there was no data. */
  readonly value: number | null;
  /** The value the alert compares with (it fires while `value > threshold`). */
  readonly threshold: number;
  /** The sliding window the value was measured over, in ms. */
  readonly windowMs: number;
  /** When the transition was evaluated (epoch ms, from the injected clock). */
  readonly at: number;
  /** The rule's severity label. */
  readonly severity: AlertSeverity;
  /** When the condition started to hold (epoch ms): `at − activeSinceMs` ≥ the `for` duration at firing. */
  readonly activeSinceMs: number;
}

/** Receives alert transitions. A listener that throws is reported through `diag` and never stops the others. */
export type AlertListener = (event: AlertEvent) => void;

/** Where one alert stands after an evaluation. */
export interface AlertStatus {
  readonly alert: AlertName;
  /** `inactive`, `pending` (condition holds, waiting out `for`) or `firing`, as in Prometheus. */
  readonly state: 'inactive' | 'pending' | 'firing';
  /**
   * The measured value: a share from 0 to 1 (`LLMLatencyBudgetBreach`, `LLMErrorRateHigh`, `LLMRateLimited`), retries
   * per call (`LLMRetrySpike`), seconds (`LLMTTFTSlow`), fallbacks in the window (`LLMFallbackActive`), 1 while the
   * circuit is open or half-open, else 0 (`LLMCircuitOpen`); `null` when there is nothing to measure (no call or no
   * stream in the window).
   */
  readonly value: number | null;
  /** The alert fires while `value > threshold` (and the traffic minimum holds, where it applies). */
  readonly threshold: number;
  /** How long the condition must hold before firing, in ms. */
  readonly forMs: number;
  readonly severity: AlertSeverity;
  /** When the condition started to hold (pending or firing). */
  readonly activeSinceMs?: number;
  /** When it started firing. */
  readonly firingSinceMs?: number;
}

/** The window's counts at an evaluation: what the values are computed from. */
export interface AlertWindowCounts {
  /** Logical calls that settled (every outcome). */
  readonly calls: number;
  /** Calls that failed after retries and fallback (caller cancels excluded). */
  readonly errors: number;
  /** Settled calls that count for latency (those that did not start on the mock, unless `includeMockLatency`). */
  readonly latencyCalls: number;
  /** Of those, calls that exceeded their latency budget. */
  readonly overBudget: number;
  /** Retries scheduled. */
  readonly retries: number;
  /** Attempts started (first attempts, retries and fallback calls). */
  readonly attempts: number;
  /** Attempts answered with a 429. */
  readonly rateLimited: number;
  /** Requests handed to the fallback. */
  readonly fallbacks: number;
  /** First chunks of streams measured for `LLMTTFTSlow`. */
  readonly firstChunks: number;
}

/** Every alert's status at the last evaluation. Plain JSON. */
export interface AlertSnapshot {
  /** When it was evaluated (epoch ms). */
  readonly at: number;
  /** The sliding window length, in ms. */
  readonly windowMs: number;
  /** One entry per enabled alert, in {@link ALERT_NAMES} order. */
  readonly alerts: readonly AlertStatus[];
  /** The names of the alerts firing. */
  readonly firing: readonly AlertName[];
  /** The window's counts. */
  readonly counts: AlertWindowCounts;
}
