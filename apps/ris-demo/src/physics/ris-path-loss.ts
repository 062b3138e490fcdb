/**
 * Free-space path loss of an RIS-reflected link after W. Tang et al., "Wireless Communications With Reconfigurable
 * Intelligent Surface: Path Loss Modeling and Experimental Measurement", IEEE Trans. Wireless Commun. 20(1), 2021.
 * Unit-cell gain G = 4π d_x d_y / λ² (aperture-limited), cell power pattern F(θ) = cos θ, reflection amplitude A.
 * Per element (general model): amplitude d_x d_y A √(F(θ_t) F(θ_r)) / (4π r_t r_r) and phase −2π (r_t + r_r) / λ,
 * with isotropic RSU and vehicle antennas (G_t = G_r = 1), which is what `ris-hop.ts` computes element by element.
 */

/** Inputs of the far-field closed form. */
export interface RisFarFieldLink {
  /** Number of elements M N. */
  readonly elementCount: number;
  /** Element width d_x, m. */
  readonly elementWidthM: number;
  /** Element height d_y, m. */
  readonly elementHeightM: number;
  /** Distance transmitter → RIS centre d_1, m. */
  readonly incidentDistanceM: number;
  /** Distance RIS centre → receiver d_2, m. */
  readonly reflectedDistanceM: number;
  /** F(θ_t) = cos θ_t of the incidence angle (1 at broadside). */
  readonly incidentPattern?: number;
  /** F(θ_r) = cos θ_r of the reflection angle. */
  readonly reflectedPattern?: number;
  /** Reflection amplitude A ≤ 1. */
  readonly amplitude?: number;
}

/**
 * Far-field, co-phased RIS path loss −10 lg(P_r/P_t) with
 * P_r/P_t = (MN d_x d_y)² F_t F_r A² / (16 π² d_1² d_2²): the product of the two hop losses (never FSPL(d_1 + d_2)).
 * Valid for d_1, d_2 ≥ 2D²/λ (D = panel diagonal).
 * @example risFarFieldPathLossDb({ elementCount: 256, elementWidthM: λ/2, elementHeightM: λ/2, incidentDistanceM: 50,
 *   reflectedDistanceM: 30 }) // 92.07 dB at 3.5 GHz
 */
export function risFarFieldPathLossDb(link: RisFarFieldLink): number {
  const aperture = link.elementCount * link.elementWidthM * link.elementHeightM;
  const amplitude = link.amplitude ?? 1;
  const gain =
    (aperture * aperture * (link.incidentPattern ?? 1) * (link.reflectedPattern ?? 1) * amplitude * amplitude) /
    (16 * Math.PI * Math.PI * link.incidentDistanceM ** 2 * link.reflectedDistanceM ** 2);
  return -10 * Math.log10(gain);
}

/** Conservative Fraunhofer distance 2D²/λ of a panel with diagonal D, m. */
export function fraunhoferDistanceM(diagonalM: number, wavelengthM: number): number {
  return (2 * diagonalM * diagonalM) / wavelengthM;
}
