import type { BatchingSettings, ConcurrencyChangeReason, ConcurrencyDecision } from '@acpt/config';

/** What the controller reads on every decision (so `configure()` applies at once). */
export interface ConcurrencySettings {
  readonly batching: BatchingSettings;
  /** The latency budget the target is a fraction of, in ms. */
  readonly budgetMs: number;
}

/** How many decisions `diagnostics()` keeps. */
const KEPT_DECISIONS = 10;

/**
 * Latency gradient: the limit grows only while the window's p95 stays within this multiple of the lowest recent p95
 * (the unloaded latency). Past an endpoint's capacity, extra requests only queue there: latency rises before any 429.
 */
export const LATENCY_TOLERANCE = 1.5;

/**
 * Slow start ends early (growth turns additive) once the window's p95 exceeds this multiple of the lowest recent p95:
 * doubling near an endpoint's capacity would overshoot its queue (HyStart's idea).
 */
export const SLOW_START_EXIT = 1.25;

/** The lowest-p95 reference creeps up this much per window, so a lasting change of the base latency is followed. */
const BASELINE_DRIFT = 1.05;

/**
 * The in-flight limit of `batching.mode: 'adaptive'`: AIMD over measured attempt latency, in the manner of TCP
 * congestion control.
 *
 * - After each window of successful attempts (one round of the current limit while below the threshold the last
 *   decrease set, `adaptiveWindow` attempts above it) it takes the window's p95. Under the target
 *   (`targetLatencyFraction` × the latency budget), within {@link LATENCY_TOLERANCE} × the lowest recent p95 (past
 *   the endpoint's capacity requests only queue there, and latency shows it before a 429 does), and with the limit
 *   actually reached during the window, it increases: doubling below the threshold (slow start, and fast recovery
 *   after a burst; left early once p95 passes {@link SLOW_START_EXIT} × the lowest), +1 per window above it.
 * - A p95 over the budget, a `429 queue_exceeded` or a timed-out attempt decreases it multiplicatively
 *   (`decreaseFactor`), at most once per `cooldownMs`: the requests already in flight when the endpoint pushed back
 *   carry the same news.
 * - Between the target and the budget it holds (hysteresis), and it never increases within `cooldownMs` of a decrease.
 * - It stays within [`minInFlight`, `maxInFlight`]. With `mode: 'fixed'` the limit is `maxInFlight`, untouched.
 *
 * Deterministic: it depends only on the observed latencies, outcomes and clock times, so on a virtual clock the same
 * run makes the same decisions.
 */
export class ConcurrencyController {
  readonly #settings: () => ConcurrencySettings;
  readonly #onChange: (decision: ConcurrencyDecision) => void;
  #limit: number;
  #threshold = Number.POSITIVE_INFINITY;
  #window: number[] = [];
  #peakInFlight = 0;
  #lastDecreaseAtMs = Number.NEGATIVE_INFINITY;
  #baselineMs = Number.POSITIVE_INFINITY;
  #decisions: ConcurrencyDecision[] = [];
  #cachedFor: BatchingSettings | undefined;
  #cachedLimit = 0;
  #cached: BatchingSettings | undefined;

  constructor(settings: () => ConcurrencySettings, onChange: (decision: ConcurrencyDecision) => void) {
    this.#settings = settings;
    this.#onChange = onChange;
    this.#limit = settings().batching.minInFlight;
  }

  /** The in-flight limit in force. */
  get limit(): number {
    const { batching } = this.#settings();
    if (batching.mode !== 'adaptive') return batching.maxInFlight;
    return Math.min(batching.maxInFlight, Math.max(batching.minInFlight, this.#limit));
  }

  /** The last decisions, oldest first. */
  get decisions(): readonly ConcurrencyDecision[] {
    return this.#decisions;
  }

  /** The batching settings with the adaptive limit in place of `maxInFlight` (the same object while nothing changed). */
  batchingSettings(): BatchingSettings {
    const { batching } = this.#settings();
    if (batching.mode !== 'adaptive') return batching;
    const limit = this.limit;
    if (this.#cached === undefined || this.#cachedFor !== batching || this.#cachedLimit !== limit) {
      this.#cached = { ...batching, maxInFlight: limit, batchSize: Math.min(batching.batchSize, limit) };
      this.#cachedFor = batching;
      this.#cachedLimit = limit;
    }
    return this.#cached;
  }

  /** Notes the requests in flight after a dispatch (the window counts as saturated once they reach the limit). */
  observeInFlight(inFlight: number): void {
    if (inFlight > this.#peakInFlight) this.#peakInFlight = inFlight;
  }

  /** A successful attempt of the primary path and its duration. */
  observeSuccess(durationMs: number, nowMs: number): void {
    const { batching, budgetMs } = this.#settings();
    if (batching.mode !== 'adaptive') return;
    this.#window.push(durationMs);
    const current = this.limit;
    const windowSize = current < this.#threshold ? Math.min(current, batching.adaptiveWindow) : batching.adaptiveWindow;
    if (this.#window.length < windowSize) return;
    const p95Ms = percentile95(this.#window);
    const samples = this.#window.length;
    const saturated = this.#peakInFlight >= current;
    this.#window = [];
    this.#peakInFlight = 0;
    this.#baselineMs = Math.min(this.#baselineMs * BASELINE_DRIFT, p95Ms);
    const targetMs = budgetMs * batching.targetLatencyFraction;
    const measurement = { p95Ms, targetMs, budgetMs, samples };
    const flat = p95Ms <= LATENCY_TOLERANCE * this.#baselineMs;
    if (p95Ms > budgetMs) this.#decrease('latency', nowMs, measurement);
    else if (p95Ms <= targetMs && flat && saturated && nowMs - this.#lastDecreaseAtMs >= batching.cooldownMs) {
      if (current < this.#threshold && p95Ms > SLOW_START_EXIT * this.#baselineMs) this.#threshold = current;
      const slowStart = current < this.#threshold;
      const next = slowStart ? current * 2 : current + 1;
      this.#set(Math.min(batching.maxInFlight, next), slowStart ? 'slow-start' : 'increase', nowMs, measurement);
    }
  }

  /** An attempt of the primary path the endpoint pushed back on: `429 queue_exceeded` or a timeout. */
  observePushback(reason: 'queue_exceeded' | 'timeout', nowMs: number): void {
    const { batching, budgetMs } = this.#settings();
    if (batching.mode !== 'adaptive') return;
    const targetMs = budgetMs * batching.targetLatencyFraction;
    this.#decrease(reason, nowMs, { p95Ms: undefined, targetMs, budgetMs, samples: this.#window.length });
  }

  #decrease(reason: ConcurrencyChangeReason, nowMs: number, measurement: ConcurrencyDecision['measurement']): void {
    const { batching } = this.#settings();
    if (nowMs - this.#lastDecreaseAtMs < batching.cooldownMs) return;
    this.#lastDecreaseAtMs = nowMs;
    const next = Math.max(batching.minInFlight, Math.floor(this.limit * batching.decreaseFactor));
    this.#threshold = Math.max(batching.minInFlight, next);
    this.#window = [];
    this.#peakInFlight = 0;
    this.#set(next, reason, nowMs, measurement);
  }

  #set(
    next: number,
    reason: ConcurrencyChangeReason,
    nowMs: number,
    measurement: ConcurrencyDecision['measurement'],
  ): void {
    const previous = this.limit;
    this.#limit = next;
    if (next === previous) return;
    const decision: ConcurrencyDecision = {
      timestampMs: nowMs,
      previousLimit: previous,
      limit: next,
      reason,
      measurement,
    };
    this.#decisions.push(decision);
    if (this.#decisions.length > KEPT_DECISIONS) this.#decisions.shift();
    this.#onChange(decision);
  }
}

/** The 95th percentile (nearest rank) of a non-empty list. */
export function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] as number;
}
