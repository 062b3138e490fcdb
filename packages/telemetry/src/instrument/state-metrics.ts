import type { CircuitStateEvent, RateLimitEvent, RateLimitState } from '@acpt/config';
import type { Attributes, Counter, Meter, ObservableCallback, ObservableGauge } from '@opentelemetry/api';
import { ACPT_METRIC, ATTR } from '../semconv/attributes.ts';

const CIRCUIT_STATES = ['closed', 'open', 'half-open'] as const;
const CIRCUIT_ATTRIBUTES: Readonly<Record<string, Attributes>> = Object.fromEntries(
  CIRCUIT_STATES.map((state) => [state, Object.freeze({ [ATTR.circuitState]: state })]),
);

/**
 * Metrics of state the adapter reports by events: the circuit breaker (a gauge, 1 for the current state and 0 for the
 * others, `closed` until told otherwise, and a counter of transitions by the state entered) and the rate-limit
 * windows' remaining requests and tokens from the last response headers. Gauges are observed only when a reader
 * collects, so those events cost one assignment.
 */
export class StateMetrics {
  readonly #transitions: Counter;
  readonly #circuit: ObservableGauge;
  readonly #remaining: ObservableGauge;
  readonly #observeCircuit: ObservableCallback;
  readonly #observeRemaining: ObservableCallback;
  #circuitState: CircuitStateEvent['to'] = 'closed';
  #rateLimit: RateLimitState | undefined;

  constructor(meter: Meter) {
    this.#transitions = meter.createCounter(ACPT_METRIC.circuitTransitions, {
      description: 'Circuit breaker state changes, by the state entered.',
      unit: '{transition}',
    });
    this.#circuit = meter.createObservableGauge(ACPT_METRIC.circuitState, {
      description: 'Circuit breaker state: 1 for the current state, 0 for the others.',
    });
    this.#remaining = meter.createObservableGauge(ACPT_METRIC.rateLimitRemaining, {
      description: 'What the rate-limit windows had left, from the last response headers.',
    });
    this.#observeCircuit = (result) => {
      for (const state of CIRCUIT_STATES) {
        result.observe(state === this.#circuitState ? 1 : 0, CIRCUIT_ATTRIBUTES[state]);
      }
    };
    this.#observeRemaining = (result) => {
      const state = this.#rateLimit;
      if (state === undefined) return;
      for (const [resource, windows] of [
        ['requests', state.requests],
        ['tokens', state.tokens],
      ] as const) {
        for (const [window, value] of Object.entries(windows)) {
          if (value?.remaining === undefined) continue;
          result.observe(value.remaining, { [ATTR.rateLimitResource]: resource, [ATTR.rateLimitWindow]: window });
        }
      }
    };
    this.#circuit.addCallback(this.#observeCircuit);
    this.#remaining.addCallback(this.#observeRemaining);
  }

  /** Counts the transition and remembers the state entered. */
  onCircuitState(event: CircuitStateEvent): void {
    this.#circuitState = event.to;
    this.#transitions.add(1, CIRCUIT_ATTRIBUTES[event.to]);
  }

  /** Remembers the latest rate-limit headers. */
  onRateLimit(event: RateLimitEvent): void {
    this.#rateLimit = event.state;
  }

  /** Stops observing. */
  dispose(): void {
    this.#circuit.removeCallback(this.#observeCircuit);
    this.#remaining.removeCallback(this.#observeRemaining);
  }
}
