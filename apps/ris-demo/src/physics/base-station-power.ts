/**
 * Load-dependent base-station power after the EARTH model: G. Auer, V. Giannini, C. Desset, I. Gódor, P. Skillermark,
 * M. Olsson, M. A. Imran, D. Sabella, M. J. Gonzalez, O. Blume, A. Fehske, "How much energy is needed to run a
 * wireless network?", IEEE Wireless Commun. 18(5):40–49, 2011. Per transceiver chain,
 * P_in = P_0 + Δ_p P_out for 0 < P_out ≤ P_max and P_in = P_sleep at P_out = 0; a site has N_TRX chains. Δ_p is the
 * slope of the supply power against the radiated power (1/ν for an amplifier of efficiency ν and no other losses).
 * The RIS adds P_RIS = P_static + N P_elem(b) (C. Huang et al., IEEE TWC 18(8), 2019; J. Wang et al., "Reconfigurable
 * Intelligent Surface: Power Consumption Modeling and Practical Measurement Validation", IEEE Trans. Commun. 2024,
 * arXiv:2211.00323, for the split into a static controller part and a per-unit-cell part).
 */

/** EARTH parameters of one transceiver chain. */
export interface EarthParameters {
  /** Maximum radiated power P_max, W. */
  readonly maxOutputW: number;
  /** Load-independent power P_0, W. */
  readonly activeW: number;
  /** Slope Δ_p of the load-dependent part. */
  readonly slope: number;
  /** Sleep power P_sleep, W. */
  readonly sleepW: number;
}

/** Auer et al. 2011's parameters per transceiver chain (Table 2), with N_TRX chains per site. */
export const EARTH_BASE_STATIONS: Readonly<Record<'macro' | 'rrh' | 'micro' | 'pico' | 'femto', EarthParameters>> = {
  macro: { maxOutputW: 20, activeW: 130, slope: 4.7, sleepW: 75 },
  rrh: { maxOutputW: 20, activeW: 84, slope: 2.8, sleepW: 56 },
  micro: { maxOutputW: 6.3, activeW: 56, slope: 2.6, sleepW: 39 },
  pico: { maxOutputW: 0.13, activeW: 6.8, slope: 4.0, sleepW: 4.3 },
  femto: { maxOutputW: 0.05, activeW: 4.8, slope: 8.0, sleepW: 2.9 },
};

/**
 * Supply power of one chain radiating `outputW` (0 = asleep), W.
 * @throws {RangeError} If `outputW` is negative or above P_max.
 * @example earthInputPowerW(EARTH_BASE_STATIONS.macro, 20) // 224 W per chain (6 chains: 1344 W)
 */
export function earthInputPowerW(parameters: EarthParameters, outputW: number): number {
  if (!(outputW >= 0 && outputW <= parameters.maxOutputW * (1 + 1e-12))) {
    throw new RangeError(`radiated power must be in [0, ${parameters.maxOutputW}] W, got ${outputW}`);
  }
  return outputW === 0 ? parameters.sleepW : parameters.activeW + parameters.slope * outputW;
}

/** The RIS's consumption P_static + n P_elem for `drivenElements` = n elements drawing their power this step, W. */
export function risPowerW(staticPowerW: number, drivenElements: number, elementPowerW: number): number {
  return staticPowerW + drivenElements * elementPowerW;
}
