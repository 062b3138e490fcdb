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
 * The in-flight limit of `batching.mode: 'adaptive'`: AIMD over measured attempt latency, in the manner of TCP
 * congestion control.
 *
 * - Every `adaptiveWindow` successful attempts it takes the window's p95. Under the target (`targetLatencyFraction` ×
 *   the latency budget) and with the limit actually reached during the window, it increases: doubling while below the
 *   threshold set by the last decrease (slow start, and fast recovery after a burst), then +1 per window.
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
    if (this.#window.length < batching.adaptiveWindow) return;
    const p95Ms = percentile95(this.#window);
    const samples = this.#window.length;
    const saturated = this.#peakInFlight >= this.limit;
    this.#window = [];
    this.#peakInFlight = 0;
    const targetMs = budgetMs * batching.targetLatencyFraction;
    const measurement = { p95Ms, targetMs, budgetMs, samples };
    if (p95Ms > budgetMs) this.#decrease('latency', nowMs, measurement);
    else if (p95Ms <= targetMs && saturated && nowMs - this.#lastDecreaseAtMs >= batching.cooldownMs) {
      const current = this.limit;
      const next = current < this.#threshold ? current * 2 : current + 1;
      this.#set(
        Math.min(batching.maxInFlight, next),
        current < this.#threshold ? 'slow-start' : 'increase',
        nowMs,
        measurement,
      );
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
