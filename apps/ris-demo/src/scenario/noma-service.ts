/**
 * Downlink service of each RSU: hybrid NOMA/OMA. The RSU's resource is time-shared equally among its groups (each
 * valid NOMA pair is one group, each unpaired vehicle another); inside a pair, superposition coding with power share α
 * to the far-labelled user and SIC at the near-labelled user (physics/noma.ts). The SIC order is checked against this
 * step's effective gains: if the near-labelled user is the weaker one, SIC fails (counted) and it decodes treating
 * the far user's signal as noise. The OMA baseline gives each served vehicle an equal 1/K_r time share at full power.
 * Spectral efficiencies are capped at the highest MCS (`maxSpectralEfficiency`); with power control each group
 * transmits at the least power scale that keeps its capped rates (physics/power-control.ts), and the RSU's radiated
 * share Σ_g τ_g s_g (its mean power over the step relative to `txPowerW`) is reported for the power model and for the
 * interference the other RSUs' users see.
 */
import { nomaPair } from '../physics/noma.ts';
import { cappedSpectralEfficiency, nomaPowerScale, omaPowerScale } from '../physics/power-control.ts';
import type { NomaPair } from './actions.ts';
import type { Rejection, ServiceMode } from './types.ts';

/** A validated pair (indices). */
export interface PairPlan {
  readonly rsu: number;
  readonly near: number;
  readonly far: number;
  readonly farShare: number;
}

/** Keeps pairs whose RSU and vehicles exist, whose vehicles are both served by that RSU and unpaired so far, and α ∈ (0, 1). */
export function validatePairs(
  pairs: readonly NomaPair[],
  rsuIndex: ReadonlyMap<string, number>,
  vehicleIndex: ReadonlyMap<string, number>,
  serving: Int32Array,
): { accepted: PairPlan[]; rejected: Rejection[] } {
  const accepted: PairPlan[] = [];
  const rejected: Rejection[] = [];
  const used = new Set<number>();
  for (const pair of pairs) {
    const rsu = rsuIndex.get(pair.rsuId);
    const near = vehicleIndex.get(pair.nearVehicleId);
    const far = vehicleIndex.get(pair.farVehicleId);
    const reject = (reason: string): void => {
      rejected.push({ vehicleId: `${pair.nearVehicleId}+${pair.farVehicleId}`, reason });
    };
    if (rsu === undefined) reject(`unknown RSU ${pair.rsuId}`);
    else if (near === undefined || far === undefined) reject('unknown vehicle');
    else if (near === far) reject('a vehicle cannot be paired with itself');
    else if (serving[near] !== rsu || serving[far] !== rsu) reject(`both vehicles must be served by ${pair.rsuId}`);
    else if (!(pair.farPowerShare > 0 && pair.farPowerShare < 1))
      reject(`α must be in (0, 1), got ${pair.farPowerShare}`);
    else if (used.has(near) || used.has(far)) reject('vehicle already paired');
    else {
      used.add(near);
      used.add(far);
      accepted.push({ rsu, near, far, farShare: pair.farPowerShare });
    }
  }
  return { accepted, rejected };
}

/** Per-vehicle result of one step's service. */
export interface ServiceResult {
  readonly rateBps: Float64Array;
  readonly sinr: Float64Array;
  readonly omaRateBps: Float64Array;
  readonly mode: ServiceMode[];
  readonly sicFailure: Uint8Array;
  readonly sicFailures: number;
  /** Power scale s ∈ (0, 1] of each vehicle's transmission (both members of a pair share it). */
  readonly scale: Float64Array;
  /** Per RSU: mean radiated power over the step relative to its `txPowerW` (0 when it serves nobody). */
  readonly radiatedShare: Float64Array;
}

/** Inputs of `serve`. */
export interface ServiceInput {
  /** γ_k = P_r |h|² / (σ² + I) on each vehicle's serving link. */
  readonly gains: Float64Array;
  readonly serving: Int32Array;
  readonly rsuCount: number;
  readonly pairs: readonly PairPlan[];
  readonly bandwidthHz: number;
  readonly sicResidual: number;
  /** Highest spectral efficiency, bit/s/Hz; null for none. */
  readonly maxSpectralEfficiency: number | null;
  /** Whether groups transmit at the least power that keeps their capped rates. */
  readonly powerControl: boolean;
  /** Power scales chosen before (per vehicle); when given they are used instead of being computed. */
  readonly scales?: Float64Array;
}

/** Computes every vehicle's SINR and rate (bit/s), the OMA baseline rates and each RSU's radiated share. */
export function serve(input: ServiceInput): ServiceResult {
  const { gains, serving, bandwidthHz, maxSpectralEfficiency: cap } = input;
  const vehicles = gains.length;
  const served = new Int32Array(input.rsuCount);
  for (let k = 0; k < vehicles; k += 1) served[serving[k]!]! += 1;
  const groups = Int32Array.from(served);
  for (const pair of input.pairs) groups[pair.rsu]! -= 1;
  const scale = input.scales ?? new Float64Array(vehicles).fill(1);
  const result: ServiceResult = {
    rateBps: new Float64Array(vehicles),
    sinr: new Float64Array(vehicles),
    omaRateBps: new Float64Array(vehicles),
    mode: new Array<ServiceMode>(vehicles).fill('oma'),
    sicFailure: new Uint8Array(vehicles),
    sicFailures: 0,
    scale,
    radiatedShare: new Float64Array(input.rsuCount),
  };
  const paired = new Uint8Array(vehicles);
  for (const pair of input.pairs) {
    paired[pair.near] = 1;
    paired[pair.far] = 1;
  }
  for (let k = 0; k < vehicles; k += 1) {
    const r = serving[k]!;
    result.omaRateBps[k] = (bandwidthHz * cappedSpectralEfficiency(gains[k]!, cap)) / served[r]!;
    if (paired[k] === 1) continue;
    if (input.scales === undefined && input.powerControl) scale[k] = omaPowerScale(gains[k]!, cap);
    result.sinr[k] = scale[k]! * gains[k]!;
    result.rateBps[k] = (bandwidthHz * cappedSpectralEfficiency(result.sinr[k]!, cap)) / groups[r]!;
    result.radiatedShare[r]! += scale[k]! / groups[r]!;
  }
  let sicFailures = 0;
  for (const pair of input.pairs) {
    const share = 1 / groups[pair.rsu]!;
    const pairInput = {
      nearGain: gains[pair.near]!,
      farGain: gains[pair.far]!,
      farShare: pair.farShare,
      sicResidual: input.sicResidual,
    };
    const full = nomaPair(pairInput);
    if (input.scales === undefined && input.powerControl && full.sicFeasible) {
      scale[pair.near] = nomaPowerScale(pairInput, cap);
      scale[pair.far] = scale[pair.near]!;
    }
    const s = scale[pair.near]!;
    const outcome =
      s === 1 ? full : nomaPair({ ...pairInput, nearGain: s * pairInput.nearGain, farGain: s * pairInput.farGain });
    result.sinr[pair.near] = outcome.nearSinr;
    result.sinr[pair.far] = outcome.farSinr;
    result.rateBps[pair.near] = bandwidthHz * share * cappedSpectralEfficiency(outcome.nearSinr, cap);
    result.rateBps[pair.far] = bandwidthHz * share * cappedSpectralEfficiency(outcome.farSinr, cap);
    result.radiatedShare[pair.rsu]! += share * s;
    result.mode[pair.near] = 'noma-near';
    result.mode[pair.far] = 'noma-far';
    if (!outcome.sicFeasible) {
      result.sicFailure[pair.near] = 1;
      sicFailures += 1;
    }
  }
  return { ...result, sicFailures };
}
