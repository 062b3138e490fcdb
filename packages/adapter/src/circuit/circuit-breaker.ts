import type { CircuitBreakerSettings, CircuitStateEvent } from '@acpt/config';

/** A circuit breaker state. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** A snapshot of the breaker for diagnostics. */
export interface CircuitSnapshot {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** When the circuit last opened (epoch ms), if it is open or half-open. */
  readonly openedAtMs?: number;
  /** When a probe will be let through (epoch ms), while open. */
  readonly retryAtMs?: number;
}

/**
 * Consecutive-failure circuit breaker of the live path. `closed`: everything passes; after `failureThreshold`
 * consecutive live failures it is `open`: nothing passes until `cooldownMs` has gone by; then `half-open`: exactly
 * one probe passes; its success closes the circuit, its failure opens it again. No timer: the transition to
 * half-open happens on the first request after the cool-down.
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAtMs = 0;
  #probeInFlight = false;
  readonly #settings: () => CircuitBreakerSettings;
  readonly #onChange: (event: CircuitStateEvent) => void;

  /**
   * @param settings - read on every decision, so `configure()` takes effect at once
   * @param onChange - called on every state change
   */
  constructor(settings: () => CircuitBreakerSettings, onChange: (event: CircuitStateEvent) => void) {
    this.#settings = settings;
    this.#onChange = onChange;
  }

  /** The current state (without advancing time). */
  get state(): CircuitState {
    return this.#state;
  }

  /** Epoch ms when an open circuit lets a probe through. */
  get retryAtMs(): number {
    return this.#openedAtMs + this.#settings().cooldownMs;
  }

  /**
   * Whether a live attempt may go now. In `half-open`, the first caller becomes the probe (and must report its
   * outcome with {@link recordSuccess}, {@link recordFailure} or {@link releaseProbe}).
   */
  tryPass(nowMs: number): boolean {
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') {
      if (nowMs < this.retryAtMs) return false;
      this.#transition('half-open', nowMs);
    }
    if (this.#probeInFlight) return false;
    this.#probeInFlight = true;
    return true;
  }

  /** A live attempt succeeded. */
  recordSuccess(nowMs: number): void {
    this.#failures = 0;
    this.#probeInFlight = false;
    if (this.#state !== 'closed') this.#transition('closed', nowMs);
  }

  /** A live attempt failed. In `half-open` any failure (the probe's or a late one) opens the circuit again. */
  recordFailure(nowMs: number): void {
    this.#failures++;
    this.#probeInFlight = false;
    if (
      this.#state === 'half-open' ||
      (this.#state === 'closed' && this.#failures >= this.#settings().failureThreshold)
    ) {
      this.#openedAtMs = nowMs;
      this.#transition('open', nowMs);
    }
  }

  /** The probe ended without a verdict (aborted by its caller): the next request may probe. */
  releaseProbe(): void {
    this.#probeInFlight = false;
  }

  /** A JSON-serialisable snapshot. */
  snapshot(): CircuitSnapshot {
    if (this.#state === 'closed') return { state: 'closed', consecutiveFailures: this.#failures };
    return {
      state: this.#state,
      consecutiveFailures: this.#failures,
      openedAtMs: this.#openedAtMs,
      ...(this.#state === 'open' ? { retryAtMs: this.retryAtMs } : {}),
    };
  }

  #transition(to: CircuitState, nowMs: number): void {
    const from = this.#state;
    this.#state = to;
    this.#onChange({ timestampMs: nowMs, from, to, consecutiveFailures: this.#failures });
  }
}
