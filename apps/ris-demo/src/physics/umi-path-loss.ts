/**
 * 3GPP TR 38.901 UMi-Street Canyon path loss and LOS probability (Table 7.4.1-1 and Table 7.4.2-1), as implemented in
 * ns-3's `ThreeGppUmiStreetCanyonPropagationLossModel`. Valid for h_BS = 10 m, 1.5 m ≤ h_UT ≤ 22.5 m,
 * 10 m ≤ d_2D ≤ 5 km, 0.5 GHz ≤ f_c ≤ 100 GHz; callers clamp d_2D to the range.
 */

/** The speed of light the TR's breakpoint distance uses, m/s (3.0e8, not the exact SI value). */
export const BREAKPOINT_SPEED_OF_LIGHT_MPS = 3e8;

/** Effective environment height h_E of UMi, m. */
export const UMI_ENVIRONMENT_HEIGHT_M = 1;

/** Geometry and carrier of one BS → UT link. */
export interface UmiLink {
  /** Horizontal distance d_2D, m. */
  readonly distance2dM: number;
  /** BS antenna height h_BS, m. */
  readonly bsHeightM: number;
  /** UT antenna height h_UT, m. */
  readonly utHeightM: number;
  /** Carrier frequency f_c, Hz. */
  readonly carrierHz: number;
}

/** 3D distance d_3D = √(d_2D² + (h_BS − h_UT)²), m. */
export function distance3dM(link: UmiLink): number {
  const dh = link.bsHeightM - link.utHeightM;
  return Math.sqrt(link.distance2dM * link.distance2dM + dh * dh);
}

/** Breakpoint distance d'_BP = 4 h'_BS h'_UT f_c / c with h' = h − h_E and c = 3.0e8 m/s, m. */
export function umiBreakpointDistanceM(link: UmiLink): number {
  const bs = link.bsHeightM - UMI_ENVIRONMENT_HEIGHT_M;
  const ut = link.utHeightM - UMI_ENVIRONMENT_HEIGHT_M;
  return (4 * bs * ut * link.carrierHz) / BREAKPOINT_SPEED_OF_LIGHT_MPS;
}

/** LOS path loss PL1 (below the breakpoint) or PL2 (beyond it), dB. */
export function umiLosPathLossDb(link: UmiLink): number {
  const d3 = distance3dM(link);
  const fGhz = link.carrierHz / 1e9;
  const breakpoint = umiBreakpointDistanceM(link);
  if (link.distance2dM <= breakpoint) {
    return 32.4 + 21 * Math.log10(d3) + 20 * Math.log10(fGhz);
  }
  const dh = link.bsHeightM - link.utHeightM;
  return 32.4 + 40 * Math.log10(d3) + 20 * Math.log10(fGhz) - 9.5 * Math.log10(breakpoint * breakpoint + dh * dh);
}

/** NLOS path loss max(PL_LOS, PL'_NLOS), dB. */
export function umiNlosPathLossDb(link: UmiLink): number {
  const d3 = distance3dM(link);
  const fGhz = link.carrierHz / 1e9;
  const nlos = 22.4 + 35.3 * Math.log10(d3) + 21.3 * Math.log10(fGhz) - 0.3 * (link.utHeightM - 1.5);
  return Math.max(umiLosPathLossDb(link), nlos);
}

/** LOS probability: 1 for d_2D ≤ 18 m, else 18/d_2D + exp(−d_2D/36)(1 − 18/d_2D). */
export function umiLosProbability(distance2dM: number): number {
  if (distance2dM <= 18) {
    return 1;
  }
  return 18 / distance2dM + Math.exp(-distance2dM / 36) * (1 - 18 / distance2dM);
}
