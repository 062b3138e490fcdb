/**
 * Rate cap and power control. Real links stop at the highest modulation and coding scheme: with NR's 256-QAM CQI
 * table (3GPP TS 38.214 Table 5.1.3.1-2, CQI 15: 256-QAM, code rate 948/1024) that is 8 × 948/1024 = 7.4063 bit/s/Hz,
 * reached at an SINR of 2^7.4063 − 1 (22.3 dB). Power beyond that buys no rate, so power control transmits the least
 * power that keeps every user's capped rate (derived: the capped rate is non-decreasing in the power scale s ∈ (0, 1],
 * so the least s with min(R(s), cap) = min(R(1), cap) is found per user in closed form and the pair takes the larger).
 */

/** 256-QAM with code rate 948/1024: 7.40625 bit/s/Hz (TS 38.214 Table 5.1.3.1-2, CQI index 15). */
export const MAX_SPECTRAL_EFFICIENCY_256QAM: number = (8 * 948) / 1024;

/** min(log2(1 + sinr), cap) in bit/s/Hz; `cap` null means no cap. */
export function cappedSpectralEfficiency(sinr: number, cap: number | null): number {
  const efficiency = Math.log2(1 + sinr);
  return cap === null ? efficiency : Math.min(efficiency, cap);
}

/** The SINR at which the cap is reached, 2^cap − 1 (Infinity without a cap). */
function capSinr(cap: number | null): number {
  return cap === null ? Number.POSITIVE_INFINITY : 2 ** cap - 1;
}

/**
 * Least power scale of an OMA transmission that keeps its capped rate: (2^cap − 1)/γ when γ exceeds that SINR, else 1.
 * @example omaPowerScale(1000, 7.40625) // 0.1686: 16.9 % of the power already reaches 256-QAM's peak efficiency
 */
export function omaPowerScale(gain: number, cap: number | null): number {
  const target = capSinr(cap);
  return gain > target ? target / gain : 1;
}

/** Inputs of {@link nomaPowerScale}: the pair's full-power gains, α and the SIC residual ε. */
export interface NomaScaleInput {
  readonly nearGain: number;
  readonly farGain: number;
  readonly farShare: number;
  readonly sicResidual: number;
}

/**
 * Least power scale of a NOMA pair (α kept) that keeps both users' capped rates, assuming SIC succeeds. Near user:
 * (1 − α)sγ_n/(εαsγ_n + 1) = c ⇒ s = c/(γ_n((1 − α) − cεα)); far user: αsγ_f/((1 − α)sγ_f + 1) = c ⇒
 * s = c/(γ_f(α − c(1 − α))), each only where the full-power SINR exceeds c = 2^cap − 1.
 */
export function nomaPowerScale(input: NomaScaleInput, cap: number | null): number {
  const target = capSinr(cap);
  const { nearGain, farGain, farShare: alpha, sicResidual: residual } = input;
  const nearSinr = ((1 - alpha) * nearGain) / (residual * alpha * nearGain + 1);
  const farSinr = (alpha * farGain) / ((1 - alpha) * farGain + 1);
  const near = nearSinr > target ? target / (nearGain * (1 - alpha - target * residual * alpha)) : 1;
  const far = farSinr > target ? target / (farGain * (alpha - target * (1 - alpha))) : 1;
  return Math.min(1, Math.max(near, far));
}
