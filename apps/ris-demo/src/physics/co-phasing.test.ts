import { describe, expect, it } from 'vitest';
import { type CoPhasingUser, coPhaseProfile, effectiveChannel } from './co-phasing.ts';
import { createRandom, type Random } from './random.ts';
import { dbmToWatts, linearToDb } from './units.ts';

function randomUser(random: Random, count: number, weight: number, directScale = 1): CoPhasingUser {
  const cascadedRe = new Float64Array(count);
  const cascadedIm = new Float64Array(count);
  for (let n = 0; n < count; n += 1) {
    cascadedRe[n] = random.normal() * Math.SQRT1_2;
    cascadedIm[n] = random.normal() * Math.SQRT1_2;
  }
  return {
    directRe: directScale * random.normal(),
    directIm: directScale * random.normal(),
    cascadedRe,
    cascadedIm,
    weight,
  };
}

function gainOf(user: CoPhasingUser, phases: Float64Array): number {
  const cos = phases.map(Math.cos);
  const sin = phases.map(Math.sin);
  const z = effectiveChannel(user, cos, sin);
  return Math.hypot(z.re, z.im);
}

function bestCase(user: CoPhasingUser): number {
  let total = Math.hypot(user.directRe, user.directIm);
  for (let n = 0; n < user.cascadedRe.length; n += 1) total += Math.hypot(user.cascadedRe[n]!, user.cascadedIm[n]!);
  return total;
}

describe('RIS co-phasing (Wu & Zhang 2019)', () => {
  it('co-phases a single user exactly: |h_eff| = |h_d| + Σ|v_n|', () => {
    const user = randomUser(createRandom(1), 64, 1);
    const phases = new Float64Array(64);
    coPhaseProfile([user], phases);
    expect(gainOf(user, phases) / bestCase(user)).toBeCloseTo(1, 12);
  });

  it('follows the N² law: 18.08 dB SNR for N = 16, |v|² = −120 dB, P = 20 dBm, σ² = −94 dBm; +6.02 dB per doubling', () => {
    const snrDb = (count: number): number => {
      const amplitude = 1e-6;
      const random = createRandom(count);
      const cascadedRe = new Float64Array(count);
      const cascadedIm = new Float64Array(count);
      for (let n = 0; n < count; n += 1) {
        const phase = random.uniform() * 2 * Math.PI;
        cascadedRe[n] = amplitude * Math.cos(phase);
        cascadedIm[n] = amplitude * Math.sin(phase);
      }
      const user = { directRe: 0, directIm: 0, cascadedRe, cascadedIm, weight: 1 };
      const phases = new Float64Array(count);
      coPhaseProfile([user], phases);
      return linearToDb((dbmToWatts(20) * gainOf(user, phases) ** 2) / dbmToWatts(-94));
    };
    expect(snrDb(16)).toBeCloseTo(18.08, 2);
    expect(snrDb(32) - snrDb(16)).toBeCloseTo(20 * Math.log10(2), 9);
  });

  it('averages A = Σ|h_n||g_n| to Nπ/4 for i.i.d. Rayleigh hops (Basar et al.; 4σ with Var A = N(1 − π²/16))', () => {
    const count = 32;
    const trials = 3000;
    const random = createRandom(3);
    let total = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      for (let n = 0; n < count; n += 1) {
        total += Math.hypot(random.normal(), random.normal()) * Math.hypot(random.normal(), random.normal()) * 0.5;
      }
    }
    const sigma = Math.sqrt((count * (1 - Math.PI ** 2 / 16)) / trials);
    expect(Math.abs(total / trials - (count * Math.PI) / 4)).toBeLessThan(4 * sigma);
  });

  it('leaves a non-favoured user with an N-fold (not N²) mean gain: E|z_B|² = Σ|v_B|² (4σ over 2 000 draws)', () => {
    const count = 64;
    const trials = 2000;
    const random = createRandom(4);
    const ratios: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const a = randomUser(random, count, 1, 0);
      const b = { ...randomUser(random, count, 0, 0), directRe: 0, directIm: 0 };
      const phases = new Float64Array(count);
      coPhaseProfile([a], phases);
      let power = 0;
      for (let n = 0; n < count; n += 1) power += b.cascadedRe[n]! ** 2 + b.cascadedIm[n]! ** 2;
      ratios.push(gainOf(b, phases) ** 2 / power);
    }
    const mean = ratios.reduce((x, y) => x + y, 0) / trials;
    // |z_B|²/Σ|v|² is ~Exp(1) here: standard deviation 1.
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(trials));
  });

  it('never decreases the normalised weighted objective over minorize–maximize iterations (3 users)', () => {
    const random = createRandom(5);
    const users = [randomUser(random, 48, 1, 3), randomUser(random, 48, 2, 0.5), randomUser(random, 48, 0.5, 5)];
    const objective = (phases: Float64Array): number =>
      users.reduce((sum, user) => sum + (user.weight * gainOf(user, phases)) / bestCase(user), 0);
    let previous = 0;
    for (let iterations = 1; iterations <= 6; iterations += 1) {
      const phases = new Float64Array(48);
      coPhaseProfile(users, phases, iterations);
      const value = objective(phases);
      expect(value).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = value;
    }
    // Favouring only user 2 gives user 2 more than the shared profile does.
    const alone = new Float64Array(48);
    coPhaseProfile([users[1]!], alone);
    const shared = new Float64Array(48);
    coPhaseProfile(users, shared);
    expect(gainOf(users[1]!, alone)).toBeGreaterThan(gainOf(users[1]!, shared));
  });

  it('leaves the phases unchanged when no user has a positive weight', () => {
    const phases = new Float64Array([0.1, 0.2]);
    coPhaseProfile([{ ...randomUser(createRandom(6), 2, 0) }], phases);
    expect(Array.from(phases)).toEqual([0.1, 0.2]);
  });
});
