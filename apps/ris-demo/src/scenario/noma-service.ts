/**
 * Downlink service of each RSU: hybrid NOMA/OMA. The RSU's resource is time-shared equally among its groups (each
 * valid NOMA pair is one group, each unpaired vehicle another); inside a pair, superposition coding with power share α
 * to the far-labelled user and SIC at the near-labelled user (physics/noma.ts). The SIC order is checked against this
 * step's effective gains: if the near-labelled user is the weaker one, SIC fails (counted) and it decodes treating
 * the far user's signal as noise. The OMA baseline gives each served vehicle an equal 1/K_r time share.
 */
import { nomaPair, omaSpectralEfficiency } from '../physics/noma.ts';
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
}

/** Computes every vehicle's SINR and rate (bit/s), and the OMA baseline rates. */
export function serve(input: ServiceInput): ServiceResult {
  const { gains, serving, bandwidthHz } = input;
  const vehicles = gains.length;
  const served = new Int32Array(input.rsuCount);
  for (let k = 0; k < vehicles; k += 1) served[serving[k]!]! += 1;
  const groups = Int32Array.from(served);
  for (const pair of input.pairs) groups[pair.rsu]! -= 1;
  const result: ServiceResult = {
    rateBps: new Float64Array(vehicles),
    sinr: Float64Array.from(gains),
    omaRateBps: new Float64Array(vehicles),
    mode: new Array<ServiceMode>(vehicles).fill('oma'),
    sicFailure: new Uint8Array(vehicles),
    sicFailures: 0,
  };
  for (let k = 0; k < vehicles; k += 1) {
    const r = serving[k]!;
    result.omaRateBps[k] = bandwidthHz * omaSpectralEfficiency(gains[k]!, 1 / served[r]!);
    result.rateBps[k] = bandwidthHz * omaSpectralEfficiency(gains[k]!, 1 / groups[r]!);
  }
  let sicFailures = 0;
  for (const pair of input.pairs) {
    const share = 1 / groups[pair.rsu]!;
    const outcome = nomaPair({
      nearGain: gains[pair.near]!,
      farGain: gains[pair.far]!,
      farShare: pair.farShare,
      sicResidual: input.sicResidual,
    });
    result.sinr[pair.near] = outcome.nearSinr;
    result.sinr[pair.far] = outcome.farSinr;
    result.rateBps[pair.near] = bandwidthHz * share * outcome.nearSpectralEfficiency;
    result.rateBps[pair.far] = bandwidthHz * share * outcome.farSpectralEfficiency;
    result.mode[pair.near] = 'noma-near';
    result.mode[pair.far] = 'noma-far';
    if (!outcome.sicFeasible) {
      result.sicFailure[pair.near] = 1;
      sicFailures += 1;
    }
  }
  return { ...result, sicFailures };
}
