import type { AlertName, AlertSeverity } from './alert-names.ts';
import type { AlertWindowCounts } from './alert-types.ts';

/** The window every Prometheus rule uses (`rate(…[5m])`), in ms: the in-process default. */
export const PROMETHEUS_WINDOW_MS = 300_000;

/** `acpt:llm_calls:rate5m > 0.05`: the rules' traffic minimum, in logical calls per second. */
export const PROMETHEUS_MIN_CALLS_PER_SECOND = 0.05;

/** What an alert's measurement reads at an evaluation. */
export interface AlertInputs {
  readonly counts: AlertWindowCounts;
  /** p95 of time to first chunk in the window, in seconds; computed only for the alert that needs it. */
  readonly firstChunkP95: () => number | null;
  /** Whether the source's circuit breaker is open. */
  readonly circuitOpen: boolean;
}

/** One alert as `ops/prometheus/alert-rules.yml` defines it, and how to measure it in process. */
export interface AlertRuleDefinition {
  readonly name: AlertName;
  readonly severity: AlertSeverity;
  /** The rule's threshold: it fires while the value is above it. */
  readonly threshold: number;
  /** The rule's `for`, in ms; in process it scales with the window (see `watchAdapterAlerts`). */
  readonly forMs: number;
  /** Which count the rule's `and acpt:llm_calls:rate5m > 0.05` traffic minimum applies to, if it has one. */
  readonly minTraffic?: 'calls' | 'latencyCalls';
  /** `share`: a fraction, so a threshold must be below 1; otherwise any threshold ≥ 0. */
  readonly unit: 'share' | 'per-call' | 'seconds' | 'count' | 'open';
  /** The value compared with the threshold, `null` when there is nothing to measure. */
  readonly measure: (inputs: AlertInputs) => number | null;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The rules, in {@link ALERT_NAMES} order, with the thresholds and `for` durations of the Prometheus file. */
export const ALERT_RULES: readonly AlertRuleDefinition[] = [
  {
    name: 'LLMLatencyBudgetBreach',
    severity: 'warning',
    threshold: 0.05,
    forMs: 600_000,
    minTraffic: 'latencyCalls',
    unit: 'share',
    measure: ({ counts }) => share(counts.overBudget, counts.latencyCalls),
  },
  {
    name: 'LLMRetrySpike',
    severity: 'warning',
    threshold: 0.2,
    forMs: 300_000,
    minTraffic: 'calls',
    unit: 'per-call',
    measure: ({ counts }) => share(counts.retries, counts.calls),
  },
  {
    name: 'LLMErrorRateHigh',
    severity: 'critical',
    threshold: 0.05,
    forMs: 300_000,
    minTraffic: 'calls',
    unit: 'share',
    measure: ({ counts }) => share(counts.errors, counts.calls),
  },
  {
    name: 'LLMRateLimited',
    severity: 'warning',
    threshold: 0.1,
    forMs: 300_000,
    unit: 'share',
    measure: ({ counts }) => share(counts.rateLimited, counts.attempts),
  },
  {
    name: 'LLMTTFTSlow',
    severity: 'warning',
    threshold: 1.28,
    forMs: 600_000,
    unit: 'seconds',
    measure: ({ firstChunkP95 }) => firstChunkP95(),
  },
  {
    name: 'LLMFallbackActive',
    severity: 'warning',
    threshold: 0,
    forMs: 300_000,
    unit: 'count',
    measure: ({ counts }) => counts.fallbacks,
  },
  {
    name: 'LLMCircuitOpen',
    severity: 'warning',
    threshold: 0,
    forMs: 60_000,
    unit: 'open',
    measure: ({ circuitOpen }) => (circuitOpen ? 1 : 0),
  },
];
