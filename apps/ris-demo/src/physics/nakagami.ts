/**
 * Nakagami-m fading at unit mean power (M. Nakagami, "The m-distribution", 1960; M. K. Simon, M.-S. Alouini, Digital
 * Communication over Fading Channels, 2nd ed., 2005, Sec. 2.2.1): |h|² ~ Gamma(shape m, scale 1/m), phase uniform,
 * so E|h|² = 1, Var|h|² = 1/m, E|h| = Γ(m + 1/2)/(Γ(m)√m) and P(|h|² < t) = P(m, m t). m = 1 is Rayleigh, m = 1/2 a
 * one-sided Gaussian; a Rician K matches m = (K + 1)²/(2K + 1). Gamma variates by G. Marsaglia, W. W. Tsang, "A Simple
 * Method for Generating Gamma Variables", ACM TOMS 26(3), 2000 (shape < 1 via Gamma(m + 1) · U^{1/m}).
 */
import type { ComplexSample } from './fading.ts';
import type { Random } from './random.ts';

/**
 * Draws Gamma(shape, 1) (Marsaglia–Tsang); shape > 0.
 * @throws {RangeError} If the shape is not a positive finite number.
 */
export function sampleGamma(random: Random, shape: number): number {
  if (!(shape > 0 && Number.isFinite(shape))) {
    throw new RangeError(`gamma shape must be a positive finite number, got ${shape}`);
  }
  if (shape < 1) {
    const boosted = sampleGamma(random, shape + 1);
    return boosted * (1 - random.uniform()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - random.uniform();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return d * v;
    }
  }
}

/** Draws one unit-mean-power Nakagami-m sample (m ≥ 1/2) with a uniform phase into `out`. */
export function sampleNakagami(random: Random, m: number, out: ComplexSample): void {
  const amplitude = Math.sqrt(sampleGamma(random, m) / m);
  const phase = 2 * Math.PI * random.uniform();
  out.re = amplitude * Math.cos(phase);
  out.im = amplitude * Math.sin(phase);
}
