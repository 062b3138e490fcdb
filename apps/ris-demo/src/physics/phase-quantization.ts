/**
 * b-bit RIS phase quantization after Q. Wu, R. Zhang, "Beamforming Optimization for Wireless Network Aided by
 * Intelligent Reflecting Surface With Discrete Phase Shifts", IEEE Trans. Commun. 68(3), 2020. Levels
 * {0, Δ, …, (2^b − 1)Δ}, Δ = 2π/2^b, round-to-nearest (truncation would add a common rotation of π/2^b). The mean
 * power loss against continuous phases tends to η(b) = (sin(π/2^b) / (π/2^b))² for large N.
 */

const TWO_PI = 2 * Math.PI;

/** Nearest phase level in 0 … 2^b − 1 for a phase in rad (any real value, taken modulo 2π). */
export function quantizePhaseLevel(phaseRad: number, bits: number): number {
  const levels = 2 ** bits;
  return ((Math.round((phaseRad / TWO_PI) * levels) % levels) + levels) % levels;
}

/** Phase in rad of a level: level · 2π / 2^b. */
export function phaseOfLevel(level: number, bits: number): number {
  return (level * TWO_PI) / 2 ** bits;
}

/** Asymptotic (N → ∞) power ratio of b-bit to continuous phases: η(b) = sinc²(π/2^b). η(2) ≈ 0.8106 (−0.912 dB). */
export function quantizationLossFactor(bits: number): number {
  const half = Math.PI / 2 ** bits;
  const sinc = Math.sin(half) / half;
  return sinc * sinc;
}

/** Mean power ratio for N equal-magnitude elements and random channel phases: sinc_b² + (1 − sinc_b²)/N. */
export function quantizationLossFactorForN(bits: number, elementCount: number): number {
  const eta = quantizationLossFactor(bits);
  return eta + (1 - eta) / elementCount;
}

/** Quantizes a whole profile: writes levels to `levels` and the quantized phases' cos/sin to `re`/`im`. */
export function quantizeProfile(
  phasesRad: Float64Array,
  bits: number,
  levels: Int32Array,
  re: Float64Array,
  im: Float64Array,
): void {
  for (let n = 0; n < phasesRad.length; n += 1) {
    const level = quantizePhaseLevel(phasesRad[n]!, bits);
    const phase = phaseOfLevel(level, bits);
    levels[n] = level;
    re[n] = Math.cos(phase);
    im[n] = Math.sin(phase);
  }
}
