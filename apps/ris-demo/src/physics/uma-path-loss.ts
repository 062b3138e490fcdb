/**
 * 3GPP TR 38.901 UMa path loss and LOS probability (Table 7.4.1-1 and Table 7.4.2-1), as implemented in ns-3's
 * `ThreeGppUmaPropagationLossModel` and `ThreeGppUmaChannelConditionModel`. Valid for h_BS = 25 m,
 * 1.5 m ≤ h_UT ≤ 22.5 m, 10 m ≤ d_2D ≤ 5 km, 0.5 GHz ≤ f_c ≤ 100 GHz. The effective environment height h_E is 1 m for
 * h_UT < 13 m (C(d_2D, h_UT) = 0); taller terminals draw h_E at random in the TR, which we do not model (the scenario
 * validation keeps h_UT < 13 m with UMa).
 */
import { BREAKPOINT_SPEED_OF_LIGHT_MPS, distance3dM, type UmiLink } from './umi-path-loss.ts';

/** Geometry and carrier of one BS → UT link (the same fields as UMi). */
export type UmaLink = UmiLink;

/** Breakpoint distance d'_BP = 4 (h_BS − 1)(h_UT − 1) f_c / c with c = 3.0e8 m/s (h_E = 1 m), m. */
export function umaBreakpointDistanceM(link: UmaLink): number {
  return (4 * (link.bsHeightM - 1) * (link.utHeightM - 1) * link.carrierHz) / BREAKPOINT_SPEED_OF_LIGHT_MPS;
}

/** LOS path loss: PL1 = 28 + 22 lg d_3D + 20 lg f_c up to d'_BP, then PL2 with 40 lg d_3D − 9 lg(d'_BP² + Δh²), dB. */
export function umaLosPathLossDb(link: UmaLink): number {
  const d3 = distance3dM(link);
  const fGhz = link.carrierHz / 1e9;
  const breakpoint = umaBreakpointDistanceM(link);
  if (link.distance2dM <= breakpoint) {
    return 28 + 22 * Math.log10(d3) + 20 * Math.log10(fGhz);
  }
  const dh = link.bsHeightM - link.utHeightM;
  return 28 + 40 * Math.log10(d3) + 20 * Math.log10(fGhz) - 9 * Math.log10(breakpoint * breakpoint + dh * dh);
}

/** NLOS path loss max(PL_LOS, 13.54 + 39.08 lg d_3D + 20 lg f_c − 0.6 (h_UT − 1.5)), dB. */
export function umaNlosPathLossDb(link: UmaLink): number {
  const d3 = distance3dM(link);
  const fGhz = link.carrierHz / 1e9;
  const nlos = 13.54 + 39.08 * Math.log10(d3) + 20 * Math.log10(fGhz) - 0.6 * (link.utHeightM - 1.5);
  return Math.max(umaLosPathLossDb(link), nlos);
}

/**
 * LOS probability: 1 for d_2D ≤ 18 m, else [18/d_2D + exp(−d_2D/63)(1 − 18/d_2D)] (1 + C'(h_UT) 5/4 (d_2D/100)³
 * exp(−d_2D/150)) with C'(h_UT) = 0 for h_UT ≤ 13 m and ((h_UT − 13)/10)^1.5 up to 23 m.
 */
export function umaLosProbability(distance2dM: number, utHeightM: number): number {
  if (distance2dM <= 18) {
    return 1;
  }
  const c = utHeightM <= 13 ? 0 : ((utHeightM - 13) / 10) ** 1.5;
  const base = 18 / distance2dM + Math.exp(-distance2dM / 63) * (1 - 18 / distance2dM);
  return base * (1 + c * 1.25 * (distance2dM / 100) ** 3 * Math.exp(-distance2dM / 150));
}
