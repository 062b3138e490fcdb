/**
 * Estimates the `q` quantile of observations counted in explicit buckets, as Prometheus' `histogram_quantile` does:
 * linear interpolation inside the bucket that holds the rank (the first bucket starting at 0), and the highest finite
 * boundary when the rank falls in the overflow bucket. `null` when nothing was observed.
 *
 * @param q - the quantile, from 0 to 1
 * @param boundaries - the ascending finite upper bounds
 * @param counts - per-bucket (not cumulative) counts: one per boundary, then the overflow bucket
 */
export function histogramQuantile(q: number, boundaries: readonly number[], counts: ArrayLike<number>): number | null {
  let observations = 0;
  for (let index = 0; index <= boundaries.length; index++) observations += counts[index] ?? 0;
  if (observations <= 0) return null;
  const rank = q * observations;
  let below = 0;
  for (let index = 0; index < boundaries.length; index++) {
    const count = counts[index] ?? 0;
    if (count > 0 && below + count >= rank) {
      const start = index === 0 ? 0 : (boundaries[index - 1] ?? 0);
      const end = boundaries[index] ?? start;
      return start + (end - start) * ((rank - below) / count);
    }
    below += count;
  }
  return boundaries.at(-1) ?? null;
}
