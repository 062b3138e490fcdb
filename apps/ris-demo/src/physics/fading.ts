/**
 * Small-scale fading at unit mean power E|h|² = 1 (M. K. Simon, M.-S. Alouini, Digital Communication over Fading
 * Channels, 2nd ed., 2005; A. Goldsmith, Wireless Communications, 2005). Rician with linear K:
 * h = √(K/(K+1)) e^{jφ₀} + √(1/(K+1)) CN(0, 1), where φ₀ is the deterministic LoS phase from geometry; K = 0 is
 * Rayleigh and K = ∞ a pure LoS phasor.
 */
import type { Random } from './random.ts';

/** Amplitudes of the LoS and scattered parts of a unit-power Rician channel. */
export interface RicianWeights {
  /** √(K/(K+1)). */
  readonly los: number;
  /** √(1/(K+1)), the standard deviation of the scattered CN part. */
  readonly scattered: number;
}

/** Splits unit power into LoS and scattered parts for a linear K-factor (K = Infinity: pure LoS). */
export function ricianWeights(kLinear: number): RicianWeights {
  if (kLinear === Number.POSITIVE_INFINITY) {
    return { los: 1, scattered: 0 };
  }
  if (!(kLinear >= 0)) {
    throw new RangeError(`K-factor must be ≥ 0, got ${kLinear}`);
  }
  return { los: Math.sqrt(kLinear / (kLinear + 1)), scattered: Math.sqrt(1 / (kLinear + 1)) };
}

/** A complex sample. */
export interface ComplexSample {
  re: number;
  im: number;
}

/**
 * Draws one unit-mean-power Rician sample into `out`.
 * @param kLinear Linear K-factor (0 for Rayleigh).
 * @param losPhaseRad LoS phase φ₀ from geometry, e.g. −2π d/λ.
 */
export function sampleRician(random: Random, kLinear: number, losPhaseRad: number, out: ComplexSample): void {
  const { los, scattered } = ricianWeights(kLinear);
  const scale = scattered * Math.SQRT1_2;
  out.re = los * Math.cos(losPhaseRad) + scale * random.normal();
  out.im = los * Math.sin(losPhaseRad) + scale * random.normal();
}

/** Draws one unit-mean-power Rayleigh sample h = CN(0, 1) into `out`. */
export function sampleRayleigh(random: Random, out: ComplexSample): void {
  out.re = random.normal() * Math.SQRT1_2;
  out.im = random.normal() * Math.SQRT1_2;
}
