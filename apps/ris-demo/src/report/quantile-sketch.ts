/**
 * A fixed-size summary of a sample for empirical CDFs: the sample's quantiles at `points` equally spaced mid-point
 * probabilities (i + 1/2) / points. Each entry stands for the same share of the sample, so the sketches of equally
 * weighted samples (e.g. one per seed) merge by pooling their entries, and a CDF drawn from a sketch is the sample's
 * empirical CDF to within 1 / points in probability.
 */
export interface QuantileSketch {
  /** Sample values at probabilities (i + 1/2) / n, ascending; empty when the sample was empty. */
  readonly quantiles: readonly number[];
  /** Finite values the sample held (non-finite values are dropped before the quantiles are taken). */
  readonly count: number;
}

/** Entries of a sketch by default: the CDF is then exact to within 0.5 % in probability. */
export const SKETCH_POINTS = 200;

/** Summarises a sample (any order; non-finite values are dropped) into `points` quantiles. */
export function sketchSample(values: ArrayLike<number>, points: number = SKETCH_POINTS): QuantileSketch {
  const finite: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (Number.isFinite(value)) finite.push(value);
  }
  finite.sort((left, right) => left - right);
  return { quantiles: resample(finite, points), count: finite.length };
}

/**
 * Pools sketches of equally weighted samples (one per seed, say) into one sketch of `points` entries: every input
 * sketch contributes the same probability mass whatever its sample size. Empty sketches are ignored.
 */
export function mergeSketches(sketches: readonly QuantileSketch[], points: number = SKETCH_POINTS): QuantileSketch {
  const filled = sketches.filter((sketch) => sketch.quantiles.length > 0);
  // Re-sample every sketch to the same length first so each carries equal mass in the pool.
  const pooled = filled.flatMap((sketch) => resample(sketch.quantiles, points)).sort((left, right) => left - right);
  return {
    quantiles: resample(pooled, points),
    count: filled.reduce((sum, sketch) => sum + sketch.count, 0),
  };
}

/**
 * The sketch as CDF points [value, probability]: a staircase from probability 0 at the smallest value to 1 at the
 * largest, each entry adding 1 / n. Draw it with stepped lines.
 */
export function sketchCdf(sketch: QuantileSketch): [number, number][] {
  const { quantiles } = sketch;
  if (quantiles.length === 0) return [];
  const points: [number, number][] = [[quantiles[0]!, 0]];
  quantiles.forEach((value, index) => {
    points.push([value, (index + 1) / quantiles.length]);
  });
  return points;
}

/** The value at probability `p` (0…1) of a sketch, by linear interpolation between entries; NaN when empty. */
export function sketchQuantile(sketch: QuantileSketch, p: number): number {
  return sortedQuantile(sketch.quantiles, p);
}

/** `points` mid-point quantiles of an ascending array (linear interpolation); empty in, empty out. */
function resample(sorted: readonly number[], points: number): number[] {
  if (sorted.length === 0) return [];
  return Array.from({ length: points }, (_, index) => sortedQuantile(sorted, (index + 0.5) / points));
}

/** Type-7 quantile (linear between order statistics) of an ascending array at probability p (0…1); NaN when empty. */
export function sortedQuantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const fraction = position - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction;
}
