/**
 * Energy efficiency with an RIS power model after C. Huang, A. Zappone, G. C. Alexandropoulos, M. Debbah, C. Yuen,
 * "Reconfigurable Intelligent Surfaces for Energy Efficiency in Wireless Communication", IEEE Trans. Wireless Commun.
 * 18(8), 2019: EE = B Σ_k R_k / P_tot [bit/J] with P_tot = P_t/ν + P_static + N P_elem(b).
 */

/** Inputs of the consumed-power model. */
export interface PowerModel {
  /** Radiated power P_t, W (summed over transmitters). */
  readonly transmitPowerW: number;
  /** Power-amplifier efficiency ν in (0, 1]. */
  readonly amplifierEfficiency: number;
  /** Static circuit power, W. */
  readonly staticPowerW: number;
  /** Number of RIS elements N. */
  readonly elementCount: number;
  /** Power per element P_elem(b), W. */
  readonly elementPowerW: number;
}

/** P_tot = P_t/ν + P_static + N P_elem(b), W. */
export function totalConsumedPowerW(model: PowerModel): number {
  return (
    model.transmitPowerW / model.amplifierEfficiency + model.staticPowerW + model.elementCount * model.elementPowerW
  );
}

/**
 * EE = throughput / P_tot in bit/J (energy per bit is 1/EE).
 * @example energyEfficiencyBitPerJ(10e6 * 5.1293, 13.28) // 3.862e6 bit/J
 */
export function energyEfficiencyBitPerJ(throughputBps: number, totalPowerW: number): number {
  return throughputBps / totalPowerW;
}

/** Per-element power P_elem(b) = b × 2.5 mW: our assumption (5 mW at b = 2, a few mW as in Huang et al.), W. */
export function risElementPowerW(phaseBits: number): number {
  return 0.0025 * phaseBits;
}
