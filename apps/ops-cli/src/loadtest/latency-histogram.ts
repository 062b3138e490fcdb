/** Percentiles of a latency distribution, in ms. */
export interface LatencySummary {
  /** Samples recorded. */
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Exact smallest and largest samples. */
  readonly min: number;
  readonly max: number;
  /** Exact arithmetic mean. */
  readonly mean: number;
}

const lowestMs = 0.01;
const highestMs = 3_600_000;
/** Bucket growth: each bucket is 1 % wider than the previous, so a percentile is within 1 % of the exact value. */
const growth = 1.01;
const bucketCount = Math.ceil(Math.log(highestMs / lowestMs) / Math.log(growth)) + 2;

/**
 * A fixed-memory latency histogram (about 2,000 log-spaced buckets, 1 % relative precision), so recording a
 * million samples costs no more memory than recording ten. Min, max and mean are exact.
 */
export class LatencyHistogram {
  readonly #buckets = new Float64Array(bucketCount);
  #count = 0;
  #sum = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = 0;

  /** Records one sample in ms; negative or non-finite samples are ignored. */
  record(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) return;
    const index =
      milliseconds <= lowestMs
        ? 0
        : Math.min(bucketCount - 1, 1 + Math.floor(Math.log(milliseconds / lowestMs) / Math.log(growth)));
    this.#buckets[index] = (this.#buckets[index] ?? 0) + 1;
    this.#count += 1;
    this.#sum += milliseconds;
    if (milliseconds < this.#min) this.#min = milliseconds;
    if (milliseconds > this.#max) this.#max = milliseconds;
  }

  /** Samples recorded so far. */
  get count(): number {
    return this.#count;
  }

  /** The value at quantile `q` (0–1): the upper edge of the bucket holding it, clamped to the exact min and max. */
  quantile(q: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (let index = 0; index < bucketCount; index += 1) {
      seen += this.#buckets[index] ?? 0;
      if (seen >= rank) {
        const upper = index === 0 ? lowestMs : lowestMs * growth ** index;
        return Math.min(this.#max, Math.max(this.#min, upper));
      }
    }
    return this.#max;
  }

  /** Count, p50, p95, p99, min, max and mean. All zero when empty. */
  summary(): LatencySummary {
    if (this.#count === 0) return { count: 0, p50: 0, p95: 0, p99: 0, min: 0, max: 0, mean: 0 };
    return {
      count: this.#count,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      min: this.#min,
      max: this.#max,
      mean: this.#sum / this.#count,
    };
  }
}
