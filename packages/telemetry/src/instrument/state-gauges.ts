import type { CircuitStateEvent, RateLimitState, SpendSnapshot } from '@acpt/config';
import type { Attributes, Meter } from '@opentelemetry/api';
import { ACPT_METRIC, ATTR } from '../semconv/attributes.ts';

const CIRCUIT_STATES = ['closed', 'open', 'half-open'] as const;
const CIRCUIT_ATTRIBUTES: Readonly<Record<string, Attributes>> = Object.fromEntries(
  CIRCUIT_STATES.map((state) => [state, Object.freeze({ [ATTR.circuitState]: state })]),
);

/** What one instrumented adapter last reported. */
export interface TrackedAdapterState {
  /** Its circuit breaker's state (`closed` until told otherwise). */
  circuit: CircuitStateEvent['to'];
  /** Its last rate-limit headers. */
  rateLimit: RateLimitState | undefined;
  /** Reads its spend limiter's figures, when it has one. */
  readonly spend: (() => SpendSnapshot | undefined) | undefined;
  /** Its adaptive in-flight limit, once the controller has changed it (`batching.mode: 'adaptive'`). */
  concurrencyLimit: number | undefined;
}

const SPEND_WINDOWS = {
  total: Object.freeze({ [ATTR.spendWindow]: 'total' }),
  hour: Object.freeze({ [ATTR.spendWindow]: 'hour' }),
} as const;

/**
 * Gauges of state the adapters report by events, shared by every instrumentation on one meter so that several adapters
 * add up instead of overwriting each other: `acpt.llm.circuit.state` counts the adapters whose breaker is in each
 * state (1 and 0s with one adapter), `acpt.llm.rate_limit.remaining` gives what the newest rate-limit headers left,
 * `acpt.llm.concurrency.limit` the sum of the adaptive in-flight limits (from each adapter's first change on).
 * Observed only when a reader collects, so the events themselves cost one assignment.
 */
export class StateGauges {
  readonly #tracked = new Set<TrackedAdapterState>();

  constructor(meter: Meter) {
    const tracked = this.#tracked;
    meter
      .createObservableGauge(ACPT_METRIC.circuitState, {
        description: 'Instrumented adapters whose circuit breaker is in each state.',
      })
      .addCallback((result) => {
        if (tracked.size === 0) return;
        for (const state of CIRCUIT_STATES) {
          let count = 0;
          for (const adapter of tracked) if (adapter.circuit === state) count += 1;
          result.observe(count, CIRCUIT_ATTRIBUTES[state]);
        }
      });
    meter
      .createObservableGauge(ACPT_METRIC.concurrencyLimit, {
        description: 'The adaptive in-flight limit of the instrumented adapters, summed (batching.mode adaptive).',
        unit: '{request}',
      })
      .addCallback((result) => {
        let sum: number | undefined;
        for (const adapter of tracked) {
          if (adapter.concurrencyLimit !== undefined) sum = (sum ?? 0) + adapter.concurrencyLimit;
        }
        if (sum !== undefined) result.observe(sum);
      });
    meter
      .createObservableGauge(ACPT_METRIC.rateLimitRemaining, {
        description: 'What the rate-limit windows had left, from the newest response headers.',
      })
      .addCallback((result) => {
        let newest: RateLimitState | undefined;
        for (const adapter of tracked) {
          const state = adapter.rateLimit;
          if (state !== undefined && (newest === undefined || state.observedAtMs >= newest.observedAtMs))
            newest = state;
        }
        if (newest === undefined) return;
        for (const [resource, windows] of [
          ['requests', newest.requests],
          ['tokens', newest.tokens],
        ] as const) {
          for (const [window, value] of Object.entries(windows)) {
            if (value?.remaining === undefined) continue;
            result.observe(value.remaining, { [ATTR.rateLimitResource]: resource, [ATTR.rateLimitWindow]: window });
          }
        }
      });
    observeSpend(meter, tracked);
  }

  /** Starts observing one more adapter (`spend` reads its spend limiter, when it exposes one). */
  track(spend?: () => SpendSnapshot | undefined): TrackedAdapterState {
    const state: TrackedAdapterState = { circuit: 'closed', rateLimit: undefined, spend, concurrencyLimit: undefined };
    this.#tracked.add(state);
    return state;
  }

  /** Stops observing an adapter (its state is no longer known once detached). */
  untrack(state: TrackedAdapterState): void {
    this.#tracked.delete(state);
  }
}

/**
 * `acpt.llm.spend.limit` and `acpt.llm.spend.used` (USD) by `acpt.spend.window`: `total` is the lifetime limit,
 * `hour` the sliding hour; used is settled spend plus in-flight reservations, what admission checks. Several adapters
 * on one meter add up. Only windows with a limit are observed.
 */
function observeSpend(meter: Meter, tracked: ReadonlySet<TrackedAdapterState>): void {
  const limitGauge = meter.createObservableGauge(ACPT_METRIC.spendLimit, {
    description: 'Spend limits of the instrumented adapters, per window.',
    unit: '{USD}',
  });
  const usedGauge = meter.createObservableGauge(ACPT_METRIC.spendUsed, {
    description: 'Spend plus in-flight reservations, per window with a limit.',
    unit: '{USD}',
  });
  meter.addBatchObservableCallback(
    (result) => {
      const sums = { total: { limit: 0, used: 0, set: false }, hour: { limit: 0, used: 0, set: false } };
      for (const adapter of tracked) {
        const snapshot = adapter.spend?.();
        if (snapshot === undefined) continue;
        const { maxUsd, maxUsdPerHour } = snapshot.limits;
        if (maxUsd !== undefined) {
          sums.total.limit += maxUsd;
          sums.total.used += snapshot.spentUsd + snapshot.reservedUsd;
          sums.total.set = true;
        }
        if (maxUsdPerHour !== undefined) {
          sums.hour.limit += maxUsdPerHour;
          sums.hour.used += snapshot.spentLastHourUsd + snapshot.reservedUsd;
          sums.hour.set = true;
        }
      }
      for (const window of ['total', 'hour'] as const) {
        const sum = sums[window];
        if (!sum.set) continue;
        result.observe(limitGauge, sum.limit, SPEND_WINDOWS[window]);
        result.observe(usedGauge, sum.used, SPEND_WINDOWS[window]);
      }
    },
    [limitGauge, usedGauge],
  );
}
