/**
 * Imperfect channel-state information: the additive estimation-error model x̂ = x + e, e ~ CN(0, σ_e²) independent of
 * x, with σ_e² = NMSE · E|x|² (NMSE = E|x̂ − x|²/E|x|², the figure of merit of pilot-based estimators; e.g.
 * T. Yoo, A. Goldsmith, "Capacity and power allocation for fading MIMO channels with channel estimation error",
 * IEEE Trans. Inf. Theory 52(5), 2006, write the same model as x = x̂ + e). Staleness is modelled separately by
 * estimating the channel of d steps earlier. For a co-phased RIS the estimate's phase error ε per element costs the
 * coherent gain factor |E e^{jε}|² (derived, as for phase quantization in physics.md section 3); for small NMSE ν,
 * ε ≈ Im(e)/|x| with variance ν/2, so |E e^{jε}|² ≈ (1 − ν/4)² (derived, second-order expansion).
 */
import type { ComplexSample } from './fading.ts';
import type { Random } from './random.ts';

/** Writes x̂ = x + e with e ~ CN(0, `errorVariance`) into `out` (always two normals, even for zero variance). */
export function addEstimationError(
  random: Random,
  re: number,
  im: number,
  errorVariance: number,
  out: ComplexSample,
): void {
  const scale = Math.sqrt(errorVariance / 2);
  out.re = re + scale * random.normal();
  out.im = im + scale * random.normal();
}
