/**
 * Builds the agents' view of the current state (`Observation`) from the simulation's internal arrays. Gains reported
 * here are local means (fast fading averaged out), the quantities a scheduler would know ahead of a step, computed on
 * the estimated channel (imperfect, possibly stale CSI); RSRP and A3 are the terminals' own measurements.
 */
import { coherenceTimeS, maxDopplerHz } from '../physics/doppler.ts';
import { linearToDb } from '../physics/units.ts';
import type { RisAction } from './actions.ts';
import type { ChannelModel } from './channel-model.ts';
import { type Fleet, vehiclePosition } from './fleet.ts';
import { type HandoverParameters, type HandoverState, linkSinr, triggeredTargets } from './handover-control.ts';
import { bestMeanPowerGain, type QuantizedProfile } from './ris-control.ts';
import type { ScenarioConfig } from './scenario-config.ts';
import type { Observation, RsuObservation, ServedVehicle, VehicleObservation } from './types.ts';

/** Everything `buildObservation` reads. */
export interface ObservationSource {
  readonly scenario: ScenarioConfig;
  readonly stepIndex: number;
  readonly fleet: Fleet;
  readonly handover: HandoverState;
  readonly parameters: HandoverParameters;
  readonly profile: QuantizedProfile;
  readonly favour: RisAction['favour'];
  /** Mean received powers per link as the decisions estimate them (imperfect, possibly stale CSI), W. */
  readonly estimatedPowers: Float64Array;
  /** The estimated channel (the true model with perfect CSI). */
  readonly estimatedModel: ChannelModel;
  /** Last step's SINR (linear) and rate per vehicle; NaN before the first step. */
  readonly lastSinr: Float64Array;
  readonly lastRateBps: Float64Array;
}

/** Snapshot of the current state for the agents. */
export function buildObservation(source: ObservationSource): Observation {
  const { scenario, fleet, handover } = source;
  const model = source.estimatedModel;
  const vehicleCount = fleet.ids.length;
  const estimatedSinr = (k: number, r: number): number =>
    linkSinr(source.estimatedPowers, vehicleCount, k, r, source.parameters);
  const rsuIds = scenario.rsus.map((rsu) => rsu.id);
  const vehicles: VehicleObservation[] = fleet.ids.map((id, k) => {
    const serving = handover.serving[k]!;
    const rsrpDbm: Record<string, number> = {};
    rsuIds.forEach((rsuId, r) => {
      rsrpDbm[rsuId] = handover.filteredDbm[r * fleet.ids.length + k]!;
    });
    const link = serving * fleet.ids.length + k;
    const doppler = maxDopplerHz(fleet.speedMps[k]!, scenario.carrierHz);
    const lastSinr = source.lastSinr[k]!;
    return {
      id,
      lane: fleet.lane[k]!,
      direction: fleet.direction[k]! > 0 ? 1 : -1,
      position: vehiclePosition(fleet, k),
      speedMps: fleet.speedMps[k]!,
      servingRsuId: rsuIds[serving]!,
      rsrpDbm,
      a3TriggeredRsuIds: triggeredTargets(handover, k).map((r) => rsuIds[r]!),
      meanSinrDb: linearToDb(estimatedSinr(k, serving)),
      risPotentialGainDb: linearToDb(bestMeanPowerGain(model, serving, k) / model.largeScale.gain[link]!),
      lastSinrDb: Number.isNaN(lastSinr) ? null : linearToDb(lastSinr),
      lastRateBps: Number.isNaN(source.lastRateBps[k]!) ? null : source.lastRateBps[k]!,
      dopplerHz: doppler,
      coherenceTimeS: coherenceTimeS(doppler),
    };
  });
  const rsus: RsuObservation[] = scenario.rsus.map((rsu, r) => {
    const servedVehicles: ServedVehicle[] = [];
    fleet.ids.forEach((vehicleId, k) => {
      if (handover.serving[k] === r) {
        const gain = estimatedSinr(k, r);
        servedVehicles.push({ vehicleId, effectiveGain: gain, effectiveGainDb: linearToDb(gain) });
      }
    });
    servedVehicles.sort((a, b) => b.effectiveGain - a.effectiveGain);
    return { id: rsu.id, position: rsu.position, txPowerW: rsu.txPowerW, servedVehicles };
  });
  return {
    stepIndex: source.stepIndex,
    timeS: source.stepIndex * scenario.timeStepS,
    vehicles,
    rsus,
    ris: {
      position: scenario.ris.centre,
      elementCount: source.profile.levels.length,
      phaseBits: scenario.ris.phaseBits,
      favour: source.favour,
      phaseLevels: Array.from(source.profile.levels),
    },
  };
}
