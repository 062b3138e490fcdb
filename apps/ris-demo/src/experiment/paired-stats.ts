import { studentTQuantile } from './student-t.ts';

/** A sample's mean with its 95 % t-interval. */
export interface MeanInterval {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 in the denominator); null for n < 2. */
  readonly sd: number | null;
  /** 95 % Student-t confidence interval of the mean, [low, high]; null for n < 2. */
  readonly ci95: readonly [number, number] | null;
}

/** Paired differences a − b over the same seeds, with their interval and a win count. */
export interface PairedDifference extends MeanInterval {
  /** Seeds where a > b, a = b and a < b. */
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
}

/**
 * Mean, sample standard deviation and the 95 % t-interval mean ± t(0.975, n − 1) · sd / √n of a sample.
 * @throws {RangeError} for an empty sample or a non-finite value
 */
export function meanInterval(values: readonly number[]): MeanInterval {
  if (values.length === 0) throw new RangeError('no values');
  if (!values.every(Number.isFinite)) throw new RangeError('every value must be a finite number');
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { n, mean, sd: null, ci95: null };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, ci95: [mean - half, mean + half] };
}

/**
 * Paired comparison of two policies over the same seeds (common random numbers): the differences a_i − b_i, their
 * mean with a 95 % t-interval, and on how many seeds a was better, equal or worse.
 * @throws {RangeError} when the samples differ in length or are empty
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} and ${b.length}`);
  const differences = a.map((value, index) => value - b[index]!);
  return {
    ...meanInterval(differences),
    wins: differences.filter((difference) => difference > 0).length,
    ties: differences.filter((difference) => difference === 0).length,
    losses: differences.filter((difference) => difference < 0).length,
  };
}
