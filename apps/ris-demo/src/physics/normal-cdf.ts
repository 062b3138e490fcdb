/**
 * Standard normal CDF Φ(x) = erfc(−x/√2)/2 with the Chebyshev-fitted erfc of W. H. Press et al., Numerical Recipes,
 * 2nd ed., 1992 (`erfcc`, fractional error < 1.2e-7 everywhere). Used to map a spatially correlated Gaussian to a
 * uniform variate (Gaussian copula), e.g. for the LOS state.
 */

/** Complementary error function erfc(x), fractional error < 1.2e-7. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(polynomial);
  return x >= 0 ? value : 2 - value;
}

/** Standard normal CDF Φ(x). */
export function standardNormalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
