/**
 * Downlink power-domain NOMA with successive interference cancellation (SIC): Y. Saito et al., "Non-Orthogonal
 * Multiple Access (NOMA) for Cellular Future Radio Access", IEEE VTC-Spring 2013; Z. Ding, Z. Yang, P. Fan,
 * H. V. Poor, "On the Performance of Non-Orthogonal Multiple Access in 5G Systems with Randomly Deployed Users",
 * IEEE Signal Process. Lett. 21(12), 2014; D. Tse, P. Viswanath, Fundamentals of Wireless Communication, 2005.
 * Gains are normalised: γ = P|h|²/(σ² + I). Spectral efficiencies are in bit/s/Hz (log2).
 */

/** A two-user NOMA pair: the user labelled near performs SIC; the far user gets the power share α. */
export interface NomaPairInput {
  /** γ of the user labelled near (the one that performs SIC). */
  readonly nearGain: number;
  /** γ of the user labelled far (decoded first, treats the near user's signal as noise). */
  readonly farGain: number;
  /** α in (0, 1): the far user's share of the power. */
  readonly farShare: number;
  /** Residual fraction ε of the far user's signal left after SIC (0 = perfect). */
  readonly sicResidual?: number;
}

/** Result of a two-user NOMA pair. */
export interface NomaPairResult {
  readonly nearSinr: number;
  readonly farSinr: number;
  readonly nearSpectralEfficiency: number;
  readonly farSpectralEfficiency: number;
  /**
   * Whether the near user can decode the far user's message at its rate: log2(1 + αγ_n/((1 − α)γ_n + 1)) ≥ R_f,
   * true iff γ_n ≥ γ_f. When false (an SIC failure) the near user decodes its own message treating x_f as noise.
   */
  readonly sicFeasible: boolean;
}

/**
 * Two-user NOMA: R_f = log2(1 + αγ_f/((1 − α)γ_f + 1)); with SIC R_n = log2(1 + (1 − α)γ_n/(εαγ_n + 1)).
 * @example nomaPair({ nearGain: 100, farGain: 1, farShare: 0.8 }) // R_n = 4.392, R_f = 0.7370 bit/s/Hz
 */
export function nomaPair(input: NomaPairInput): NomaPairResult {
  const { nearGain, farGain, farShare: alpha } = input;
  const residual = input.sicResidual ?? 0;
  const farSinr = (alpha * farGain) / ((1 - alpha) * farGain + 1);
  const farAtNearSinr = (alpha * nearGain) / ((1 - alpha) * nearGain + 1);
  const sicFeasible = farAtNearSinr >= farSinr;
  const nearSinr = sicFeasible
    ? ((1 - alpha) * nearGain) / (residual * alpha * nearGain + 1)
    : ((1 - alpha) * nearGain) / (alpha * nearGain + 1);
  return {
    nearSinr,
    farSinr,
    nearSpectralEfficiency: Math.log2(1 + nearSinr),
    farSpectralEfficiency: Math.log2(1 + farSinr),
    sicFeasible,
  };
}

/** OMA (TDMA) spectral efficiency of a user with time share τ: τ log2(1 + γ). */
export function omaSpectralEfficiency(gain: number, timeShare: number): number {
  return timeShare * Math.log2(1 + gain);
}

/**
 * Smallest far-user share meeting a target R_min: α_min = 1 − ((1 + γ_f) 2^{−R_min} − 1)/γ_f; null when
 * R_min > log2(1 + γ_f) (unreachable even with all the power). Because the pair's sum rate falls as α grows (for
 * γ_n ≥ γ_f), α_min is also the sum-rate-optimal split under that constraint.
 */
export function minimumFarShare(farGain: number, minSpectralEfficiency: number): number | null {
  if (minSpectralEfficiency <= 0) {
    return 0;
  }
  const share = 1 - ((1 + farGain) * 2 ** -minSpectralEfficiency - 1) / farGain;
  return share < 1 ? share : null;
}

/** K-user NOMA result. */
export interface NomaGroupResult {
  /** R_k per user, in the order given. */
  readonly spectralEfficiencies: readonly number[];
  /** Whether every user k can decode every weaker user j < k at R_j. */
  readonly sicFeasible: boolean;
}

/**
 * K-user downlink NOMA (Ding et al. 2014) with the decoding order as given (index 0 decoded first):
 * R_k = log2(1 + a_k γ_k / (γ_k Σ_{i>k} a_i + 1)); feasible iff for all j < k
 * log2(1 + a_j γ_k / (γ_k Σ_{i>j} a_i + 1)) ≥ R_j, which holds when the order is by ascending γ.
 */
export function nomaGroup(gains: readonly number[], shares: readonly number[]): NomaGroupResult {
  const count = gains.length;
  const after = new Array<number>(count).fill(0);
  for (let k = count - 2; k >= 0; k -= 1) {
    after[k] = after[k + 1]! + shares[k + 1]!;
  }
  const sinr = (j: number, gain: number): number => (shares[j]! * gain) / (gain * after[j]! + 1);
  const spectralEfficiencies = gains.map((gain, k) => Math.log2(1 + sinr(k, gain)));
  let sicFeasible = true;
  for (let k = 1; k < count; k += 1) {
    for (let j = 0; j < k; j += 1) {
      if (sinr(j, gains[k]!) < sinr(j, gains[j]!)) {
        sicFeasible = false;
      }
    }
  }
  return { spectralEfficiencies, sicFeasible };
}
