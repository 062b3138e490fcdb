/**
 * RIS phase profile for a weighted set of users sharing one panel. Single user: the closed-form optimum of Q. Wu,
 * R. Zhang, "Intelligent Reflecting Surface Enhanced Wireless Network via Joint Active and Passive Beamforming", IEEE
 * Trans. Wireless Commun. 18(11), 2019, θ_n = arg h_d − arg v_n, giving |h_eff| = |h_d| + Σ|v_n|.
 *
 * Several users (method, derived): maximise the normalised weighted amplitude sum f(θ) = Σ_k w_k |z_k(θ)| / A_k with
 * z_k = h_d,k + Σ_n v_n,k e^{jθ_n} and A_k = |h_d,k| + Σ_n |v_n,k| (the user's best case, so weights are relative
 * priorities independent of path loss). Minorize–maximize: |z| ≥ Re{e^{−jφ} z} with equality at φ = arg z, so
 * alternating φ_k = arg z_k and θ_n = −arg Σ_k (w_k/A_k) e^{−jφ_k} v_n,k never decreases f and is exact for one user.
 * One profile cannot co-phase everyone: the others see scrambled phases and average ~N, not N², gain.
 */

/** One user's channel as seen by the co-phasing: direct coefficient, cascaded coefficients v_n, weight. */
export interface CoPhasingUser {
  readonly directRe: number;
  readonly directIm: number;
  /** Cascaded coefficients v_n = h_n g_n (length N). */
  readonly cascadedRe: Float64Array;
  readonly cascadedIm: Float64Array;
  /** Relative priority w_k > 0. */
  readonly weight: number;
}

/** Default number of minorize–maximize iterations (the objective changes by < 1 % after three in our scenarios). */
export const CO_PHASING_ITERATIONS = 4;

/** Effective channel z = h_d + Σ_n v_n e^{jθ_n} for a profile given as cos/sin arrays. */
export function effectiveChannel(
  user: Pick<CoPhasingUser, 'directRe' | 'directIm' | 'cascadedRe' | 'cascadedIm'>,
  profileCos: Float64Array,
  profileSin: Float64Array,
): { re: number; im: number } {
  let re = user.directRe;
  let im = user.directIm;
  const { cascadedRe, cascadedIm } = user;
  for (let n = 0; n < profileCos.length; n += 1) {
    const c = profileCos[n]!;
    const s = profileSin[n]!;
    re += cascadedRe[n]! * c - cascadedIm[n]! * s;
    im += cascadedRe[n]! * s + cascadedIm[n]! * c;
  }
  return { re, im };
}

/**
 * Computes continuous phases θ_n (rad) co-phasing the panel for `users`; writes them to `phases` (length N).
 * With no users (or all weights ≤ 0) the phases are left unchanged.
 */
export function coPhaseProfile(
  users: readonly CoPhasingUser[],
  phases: Float64Array,
  iterations: number = CO_PHASING_ITERATIONS,
): void {
  const active = users.filter((user) => user.weight > 0);
  if (active.length === 0) {
    return;
  }
  const count = phases.length;
  // Per-user weight w_k / A_k and unit rotation e^{−jφ_k}, φ_k = arg h_d,k to start (any phase if h_d = 0).
  const scale = active.map((user) => {
    let total = Math.sqrt(user.directRe ** 2 + user.directIm ** 2);
    for (let n = 0; n < count; n += 1) {
      total += Math.sqrt(user.cascadedRe[n]! ** 2 + user.cascadedIm[n]! ** 2);
    }
    return total > 0 ? user.weight / total : 0;
  });
  const rotationRe = new Float64Array(active.length);
  const rotationIm = new Float64Array(active.length);
  const setRotation = (k: number, re: number, im: number): void => {
    const magnitude = Math.sqrt(re * re + im * im);
    rotationRe[k] = magnitude > 0 ? re / magnitude : 1;
    rotationIm[k] = magnitude > 0 ? -im / magnitude : 0;
  };
  active.forEach((user, k) => {
    setRotation(k, user.directRe, user.directIm);
  });
  const profileCos = new Float64Array(count);
  const profileSin = new Float64Array(count);
  // One pass is exact for a single user.
  const passes = active.length === 1 ? 1 : Math.max(1, iterations);
  for (let pass = 0; pass < passes; pass += 1) {
    for (let n = 0; n < count; n += 1) {
      let sumRe = 0;
      let sumIm = 0;
      for (let k = 0; k < active.length; k += 1) {
        const user = active[k]!;
        const ur = rotationRe[k]! * scale[k]!;
        const ui = rotationIm[k]! * scale[k]!;
        const vr = user.cascadedRe[n]!;
        const vi = user.cascadedIm[n]!;
        sumRe += ur * vr - ui * vi;
        sumIm += ur * vi + ui * vr;
      }
      // e^{jθ_n} = conj(s_n) / |s_n|, i.e. θ_n = −arg s_n.
      const magnitude = Math.sqrt(sumRe * sumRe + sumIm * sumIm);
      profileCos[n] = magnitude > 0 ? sumRe / magnitude : 1;
      profileSin[n] = magnitude > 0 ? -sumIm / magnitude : 0;
    }
    if (pass + 1 < passes) {
      for (let k = 0; k < active.length; k += 1) {
        const z = effectiveChannel(active[k]!, profileCos, profileSin);
        setRotation(k, z.re, z.im);
      }
    }
  }
  for (let n = 0; n < count; n += 1) {
    phases[n] = Math.atan2(profileSin[n]!, profileCos[n]!);
  }
}
