/** Percentiles of a latency distribution, in ms. */
export interface LatencySummary {
  /** Samples recorded. */
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Exact largest sample. */
  readonly max: number;
}

const minMs = 0.01;
const growth = 1.04;
const logGrowth = Math.log(growth);
/** Buckets from 0.01 ms to about 50 minutes; the last bucket takes everything above. */
const bucketCount = Math.ceil(Math.log(3_000_000 / minMs) / logGrowth) + 2;

/**
 * A fixed-bucket log histogram: constant memory whatever the number of samples, percentiles within 4 % (relative)
 * of the true value. Values below 0.01 ms share the first bucket.
 */
export class LatencyHistogram {
  readonly #counts = new Uint32Array(bucketCount);
  #count = 0;
  #max = 0;

  /** Adds one sample (ms). */
  record(valueMs: number): void {
    const value = Number.isNaN(valueMs) ? 0 : Math.max(valueMs, 0);
    const index = value <= minMs ? 0 : Math.min(bucketCount - 1, 1 + Math.floor(Math.log(value / minMs) / logGrowth));
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    this.#count++;
    if (value > this.#max) this.#max = value;
  }

  /** The value at quantile `q` (0–1): the upper edge of its bucket, never above the exact maximum. */
  quantile(q: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (let index = 0; index < bucketCount; index++) {
      seen += this.#counts[index] ?? 0;
      if (seen >= rank) return Math.min(this.#max, index === 0 ? minMs : minMs * growth ** index);
    }
    return this.#max;
  }

  /** Count, p50, p95, p99 and max, rounded to 0.001 ms. */
  summary(): LatencySummary {
    return {
      count: this.#count,
      p50: round(this.quantile(0.5)),
      p95: round(this.quantile(0.95)),
      p99: round(this.quantile(0.99)),
      max: round(this.#max),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
