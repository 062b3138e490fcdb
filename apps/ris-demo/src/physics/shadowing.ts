/**
 * Spatially correlated log-normal shadowing after M. Gudmundson, "Correlation model for shadow fading in mobile radio
 * systems", Electron. Lett. 27(23), 1991: an AR(1) process in dB, S_{k+1} = ρ S_k + √(1 − ρ²) σ z_k with
 * ρ = exp(−Δd / d_cor) for a displacement Δd = v Δt. The same recursion drives the other spatially consistent
 * large-scale variables (LOS state, K-factor) with their own decorrelation distances.
 */

/** Correlation ρ = exp(−Δd / d_cor) between two samples Δd metres apart. */
export function gudmundsonCorrelation(displacementM: number, decorrelationM: number): number {
  return Math.exp(-Math.abs(displacementM) / decorrelationM);
}

/**
 * One AR(1) step of a unit-variance process: ρ x + √(1 − ρ²) z. Multiply by σ (dB) to get shadowing; a stationary
 * N(0, 1) input stays N(0, 1).
 * @param previous The previous unit-variance state.
 * @param correlation ρ in [0, 1].
 * @param innovation A fresh N(0, 1) draw z.
 */
export function advanceAr1(previous: number, correlation: number, innovation: number): number {
  return correlation * previous + Math.sqrt(1 - correlation * correlation) * innovation;
}
