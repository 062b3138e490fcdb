/**
 * Jain's fairness index (R. Jain, D.-M. Chiu, W. Hawe, "A Quantitative Measure of Fairness and Discrimination for
 * Resource Allocation in Shared Computer Systems", DEC-TR-301, 1984): J = (Σx)² / (n Σx²), 1/n ≤ J ≤ 1,
 * scale-invariant. Apply to rates, never to dB values.
 */

/** J(x); by our convention 1 when every value is 0 (all equal) or the list is empty. */
export function jainIndex(values: readonly number[]): number {
  let sum = 0;
  let sumSquares = 0;
  for (const value of values) {
    sum += value;
    sumSquares += value * value;
  }
  return sumSquares === 0 ? 1 : (sum * sum) / (values.length * sumSquares);
}
