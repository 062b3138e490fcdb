/**
 * Doppler shift and coherence time for Clarke/Jakes isotropic scattering (T. S. Rappaport, Wireless Communications:
 * Principles and Practice, 2nd ed., 2002): f_d = v f_c / c, R(τ) = J₀(2π f_d τ), T_c ≈ 0.423 / f_d (rule of thumb) or
 * 9 / (16π f_d) (correlation 0.5).
 */
import { SPEED_OF_LIGHT_MPS } from './units.ts';

/** Maximum Doppler shift f_d = v f_c / c, Hz. */
export function maxDopplerHz(speedMps: number, carrierHz: number): number {
  return (Math.abs(speedMps) * carrierHz) / SPEED_OF_LIGHT_MPS;
}

/** Coherence time by the rule of thumb T_c = 0.423 / f_d, s (Infinity when f_d = 0). */
export function coherenceTimeS(dopplerHz: number): number {
  return 0.423 / dopplerHz;
}

/** Coherence time at correlation 0.5, T_c = 9 / (16π f_d), s. */
export function coherenceTimeHalfCorrelationS(dopplerHz: number): number {
  return 9 / (16 * Math.PI * dopplerHz);
}

/**
 * Bessel function of the first kind, order 0, by J₀(x) = (1/π) ∫₀^π cos(x sin t) dt with the trapezoidal rule, which
 * converges geometrically for this periodic integrand (error < 1e-12 for |x| ≤ 100 with the point count used).
 */
export function besselJ0(x: number): number {
  const points = Math.max(64, Math.ceil(Math.abs(x)) + 48);
  let sum = 0;
  for (let i = 0; i < points; i += 1) {
    sum += Math.cos(x * Math.sin((Math.PI * (i + 0.5)) / points));
  }
  return sum / points;
}

/** Clarke/Jakes autocorrelation of the fading at lag τ: J₀(2π f_d τ). */
export function jakesCorrelation(dopplerHz: number, lagS: number): number {
  return besselJ0(2 * Math.PI * dopplerHz * lagS);
}
