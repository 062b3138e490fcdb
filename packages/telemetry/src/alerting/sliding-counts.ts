/** Options of {@link SlidingCounts}. */
export interface SlidingCountsOptions {
  /** How many counters each time bucket holds. */
  readonly slots: number;
  /** How many time buckets make the window (the current, partly elapsed one included). */
  readonly buckets: number;
  /** Length of one bucket, in ms. */
  readonly bucketMs: number;
  /** Epoch ms at creation: the first bucket is the one holding it. */
  readonly startMs: number;
}

/**
 * Sliding-window counters over fixed time buckets: a ring of `buckets × slots` numbers plus a running total per slot.
 * Bucket `k` holds what happened in `[k·bucketMs, (k+1)·bucketMs)`; the window is the current bucket and the
 * `buckets − 1` before it, so it spans between `(buckets − 1)·bucketMs` and `buckets·bucketMs` of history. Memory is
 * fixed at creation; adding is O(1), and reading a total is O(1) plus the buckets that expired since the last call
 * (at most `buckets`, amortised O(1) per bucket of elapsed time). A clock that goes back adds to the current bucket.
 */
export class SlidingCounts {
  readonly #slots: number;
  readonly #buckets: number;
  readonly #bucketMs: number;
  readonly #counts: Float64Array;
  readonly #totals: Float64Array;
  /** Absolute index (`floor(ms / bucketMs)`) of the newest bucket. */
  #current: number;

  constructor(options: SlidingCountsOptions) {
    this.#slots = options.slots;
    this.#buckets = options.buckets;
    this.#bucketMs = options.bucketMs;
    this.#counts = new Float64Array(options.slots * options.buckets);
    this.#totals = new Float64Array(options.slots);
    this.#current = Math.floor(options.startMs / options.bucketMs);
  }

  /** Adds `amount` to `slot` at `nowMs`. */
  add(nowMs: number, slot: number, amount = 1): void {
    this.advance(nowMs);
    const index = this.#offset(this.#current) + slot;
    this.#counts[index] = (this.#counts[index] ?? 0) + amount;
    this.#totals[slot] = (this.#totals[slot] ?? 0) + amount;
  }

  /** The window total of `slot` at `nowMs`. */
  total(nowMs: number, slot: number): number {
    this.advance(nowMs);
    return this.#totals[slot] ?? 0;
  }

  /** Moves the window to `nowMs`, dropping the buckets that left it. */
  advance(nowMs: number): void {
    const target = Math.floor(nowMs / this.#bucketMs);
    if (target <= this.#current) return;
    const expired = Math.min(target - this.#current, this.#buckets);
    for (let step = 1; step <= expired; step++) this.#clear(this.#offset(this.#current + step));
    this.#current = target;
  }

  #clear(offset: number): void {
    const counts = this.#counts;
    const totals = this.#totals;
    for (let slot = 0; slot < this.#slots; slot++) {
      const count = counts[offset + slot] ?? 0;
      if (count === 0) continue;
      totals[slot] = (totals[slot] ?? 0) - count;
      counts[offset + slot] = 0;
    }
  }

  #offset(bucket: number): number {
    return (((bucket % this.#buckets) + this.#buckets) % this.#buckets) * this.#slots;
  }
}
