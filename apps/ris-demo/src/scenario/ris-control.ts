/**
 * The RIS controller: turns a favour list (vehicles with weights) into a b-bit phase profile, co-phased on the mean
 * (LoS) channels of the favoured vehicles' serving links (physics/co-phasing.ts, then round-to-nearest quantization).
 * The controller tracks the favoured vehicles: the profile is recomputed for the current geometry at every step.
 */
import { type CoPhasingUser, coPhaseProfile } from '../physics/co-phasing.ts';
import { quantizeProfile } from '../physics/phase-quantization.ts';
import type { Random } from '../physics/random.ts';
import type { RisAction } from './actions.ts';
import { type ChannelModel, directMean, type PhaseProfile } from './channel-model.ts';
import type { Rejection } from './types.ts';

/** A favour entry resolved to a vehicle index. */
export interface ResolvedFavour {
  readonly vehicle: number;
  readonly weight: number;
}

/** Keeps valid favour entries (known vehicle, finite weight > 0, first mention wins) and lists the others. */
export function resolveFavour(
  favour: RisAction['favour'],
  vehicleIndex: ReadonlyMap<string, number>,
): { accepted: ResolvedFavour[]; rejected: Rejection[] } {
  const accepted: ResolvedFavour[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<number>();
  for (const entry of favour) {
    const vehicle = vehicleIndex.get(entry.vehicleId);
    if (vehicle === undefined) {
      rejected.push({ vehicleId: entry.vehicleId, reason: 'unknown vehicle' });
    } else if (!(Number.isFinite(entry.weight) && entry.weight > 0)) {
      rejected.push({ vehicleId: entry.vehicleId, reason: `weight must be a finite number > 0, got ${entry.weight}` });
    } else if (seen.has(vehicle)) {
      rejected.push({ vehicleId: entry.vehicleId, reason: 'vehicle listed twice' });
    } else {
      seen.add(vehicle);
      accepted.push({ vehicle, weight: entry.weight });
    }
  }
  return { accepted, rejected };
}

/** Whether two resolved favour lists name the same vehicles with the same weights in the same order. */
export function sameFavour(a: readonly ResolvedFavour[], b: readonly ResolvedFavour[]): boolean {
  return (
    a.length === b.length && a.every((entry, i) => entry.vehicle === b[i]!.vehicle && entry.weight === b[i]!.weight)
  );
}

/** The co-phasing view of vehicle k on RSU r: mean direct coefficient and mean cascaded coefficients v̄_n. */
export function coPhasingUser(model: ChannelModel, r: number, k: number, weight: number): CoPhasingUser {
  const { ris } = model;
  const count = ris.elementCount;
  const cascadedRe = new Float64Array(count);
  const cascadedIm = new Float64Array(count);
  for (let n = 0; n < count; n += 1) {
    const ar = ris.rsuHopRe[r * count + n]!;
    const ai = ris.rsuHopIm[r * count + n]!;
    const br = ris.vehicleHopRe[k * count + n]! * ris.losWeight;
    const bi = ris.vehicleHopIm[k * count + n]! * ris.losWeight;
    cascadedRe[n] = ar * br - ai * bi;
    cascadedIm[n] = ar * bi + ai * br;
  }
  const direct = { re: 0, im: 0 };
  directMean(model, r * model.vehicleCount + k, direct);
  return { directRe: direct.re, directIm: direct.im, cascadedRe, cascadedIm, weight };
}

/** A quantized profile: levels, and cos/sin of the quantized phases. */
export interface QuantizedProfile extends PhaseProfile {
  readonly levels: Int32Array;
}

/** An all-zero profile (every element at level 0) for N elements. */
export function createZeroProfile(count: number): QuantizedProfile {
  return { levels: new Int32Array(count), cos: new Float64Array(count).fill(1), sin: new Float64Array(count) };
}

/**
 * Co-phases the panel for the favoured vehicles on their serving links and quantizes to b bits into `out`. With an
 * empty favour list the profile is left as it is.
 */
export function applyFavour(
  model: ChannelModel,
  serving: Int32Array,
  favour: readonly ResolvedFavour[],
  bits: number,
  out: QuantizedProfile,
): void {
  if (favour.length === 0) {
    return;
  }
  const users = favour.map((entry) => coPhasingUser(model, serving[entry.vehicle]!, entry.vehicle, entry.weight));
  const phases = new Float64Array(model.ris.elementCount);
  coPhaseProfile(users, phases);
  quantizeProfile(phases, bits, out.levels, out.cos, out.sin);
}

/** Draws a uniformly random b-bit profile into `out` (the random-phase reference for the RIS gain KPI). */
export function drawRandomProfile(random: Random, bits: number, out: QuantizedProfile): void {
  const levels = 2 ** bits;
  for (let n = 0; n < out.levels.length; n += 1) {
    const level = random.integer(levels);
    out.levels[n] = level;
    out.cos[n] = Math.cos((2 * Math.PI * level) / levels);
    out.sin[n] = Math.sin((2 * Math.PI * level) / levels);
  }
}

/**
 * Upper bound of E|h|² on a link with the panel co-phased for this vehicle alone (continuous phases):
 * (|E h_d| + Σ_n |v̄_n|)² + Var h_d + Var cascade.
 */
export function bestMeanPowerGain(model: ChannelModel, r: number, k: number): number {
  const { ris, largeScale } = model;
  const count = ris.elementCount;
  let cascade = 0;
  for (let n = 0; n < count; n += 1) {
    cascade += Math.sqrt(ris.rsuHopPower[r * count + n]!) * ris.vehicleHopMagnitude[k * count + n]!;
  }
  const link = r * model.vehicleCount + k;
  const direct = { re: 0, im: 0 };
  directMean(model, link, direct);
  const amplitude = Math.sqrt(direct.re * direct.re + direct.im * direct.im) + ris.losWeight * cascade;
  const scatteredDirect = largeScale.gain[link]! / (largeScale.kLinear[link]! + 1);
  return amplitude * amplitude + scatteredDirect + ris.scatteredVariance[link]!;
}
