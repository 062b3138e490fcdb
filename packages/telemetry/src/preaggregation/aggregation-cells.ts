import type { HrTime } from '@opentelemetry/api';

/**
 * What one histogram series accumulated over an interval, as the metrics SDK's explicit-bucket histogram aggregator
 * keeps it: bucket counts (one more than the boundaries), sum, count, min and max.
 */
export class HistogramCell {
  /** First record of the interval (or of the series, once merged for a cumulative reader). */
  startTime: HrTime;
  readonly counts: number[];
  sum = 0;
  count = 0;
  min: number = Number.POSITIVE_INFINITY;
  max: number = Number.NEGATIVE_INFINITY;
  hasMinMax = false;

  constructor(startTime: HrTime, bucketCount: number) {
    this.startTime = startTime;
    this.counts = new Array<number>(bucketCount).fill(0);
  }

  /** Adds one value (NaN is ignored, as the SDK does). */
  record(value: number, boundaries: readonly number[]): void {
    if (Number.isNaN(value)) return;
    this.count += 1;
    this.sum += value;
    this.min = Math.min(value, this.min);
    this.max = Math.max(value, this.max);
    this.hasMinMax = true;
    const index = bucketIndex(boundaries, value);
    this.counts[index] = (this.counts[index] as number) + 1;
  }

  /** A new cell holding `this` then `later` (the start time stays `this`'s). */
  merged(later: HistogramCell): HistogramCell {
    const cell = new HistogramCell(this.startTime, this.counts.length);
    for (let index = 0; index < this.counts.length; index++) {
      cell.counts[index] = (this.counts[index] ?? 0) + (later.counts[index] ?? 0);
    }
    cell.sum = this.sum + later.sum;
    cell.count = this.count + later.count;
    cell.hasMinMax = this.hasMinMax || later.hasMinMax;
    cell.min = Math.min(this.min, later.min);
    cell.max = Math.max(this.max, later.max);
    return cell;
  }

  /** A copy starting at `startTime`. */
  startingAt(startTime: HrTime): HistogramCell {
    const cell = new HistogramCell(startTime, 0);
    cell.counts.push(...this.counts);
    cell.sum = this.sum;
    cell.count = this.count;
    cell.min = this.min;
    cell.max = this.max;
    cell.hasMinMax = this.hasMinMax;
    return cell;
  }
}

/** What one monotonic sum series accumulated over an interval. */
export class SumCell {
  startTime: HrTime;
  value = 0;

  constructor(startTime: HrTime) {
    this.startTime = startTime;
  }

  /** Adds one (non-negative) value. */
  record(value: number): void {
    this.value += value;
  }

  /** A new cell holding `this` then `later`. */
  merged(later: SumCell): SumCell {
    const cell = new SumCell(this.startTime);
    cell.value = this.value + later.value;
    return cell;
  }

  /** A copy starting at `startTime`. */
  startingAt(startTime: HrTime): SumCell {
    const cell = new SumCell(startTime);
    cell.value = this.value;
    return cell;
  }
}

/** A histogram or sum cell. */
export type AggregationCell = HistogramCell | SumCell;

/**
 * The bucket of `value`: the index of the first boundary at or above it, or the overflow bucket (the SDK's
 * `binarySearchUB`, so a value equal to a boundary lands in that boundary's bucket, as the OTLP data model says).
 */
export function bucketIndex(boundaries: readonly number[], value: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  let found = boundaries.length;
  while (high >= low) {
    const middle = low + Math.trunc((high - low) / 2);
    if ((boundaries[middle] as number) < value) low = middle + 1;
    else {
      found = middle;
      high = middle - 1;
    }
  }
  return found;
}
