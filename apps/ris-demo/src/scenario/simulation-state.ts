/**
 * The mutable state of one simulation and the measurement at the end of each step (RIS profile for the tracked favour
 * list, local-mean received powers, L3 filter and A3). Internal to `createSimulation`; `step-simulation.ts` and
 * `predict-step.ts` operate on it.
 */
import { createRandom, type Random } from '../physics/random.ts';
import { thermalNoiseWatts } from '../physics/units.ts';
import type { NomaPair, RisAction } from './actions.ts';
import { type ChannelModel, createChannelModel } from './channel-model.ts';
import { type CsiView, createCsiView } from './csi-view.ts';
import { createFleet, type Fleet } from './fleet.ts';
import { createHandoverState, type HandoverParameters, type HandoverState, measure } from './handover-control.ts';
import { meanReceivedPowers } from './link-budget.ts';
import { STREAM } from './random-streams.ts';
import { applyFavour, createZeroProfile, type QuantizedProfile, type ResolvedFavour } from './ris-control.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** Everything a simulation keeps between steps. */
export interface SimulationState {
  readonly scenario: ScenarioConfig;
  readonly fleet: Fleet;
  readonly model: ChannelModel;
  readonly handover: HandoverState;
  readonly parameters: HandoverParameters;
  readonly vehicleIndex: ReadonlyMap<string, number>;
  readonly rsuIndex: ReadonlyMap<string, number>;
  readonly rsuIds: readonly string[];
  readonly noiseW: number;
  /** The channel the decisions see (estimated, possibly stale); `model` is the truth the transmission runs on. */
  readonly csi: CsiView;
  /** Mean received powers per link as the decisions estimate them (`handover.sampleW` itself with perfect CSI), W. */
  readonly estimatedPowers: Float64Array;
  readonly referenceRandom: Random;
  /** The applied profile, the profile transmitted in the previous step, and the random reference profile. */
  readonly profile: QuantizedProfile;
  readonly transmitted: QuantizedProfile;
  readonly reference: QuantizedProfile;
  /** Per-link received powers (scratch), W. */
  readonly powers: Float64Array;
  readonly wrapped: Uint8Array;
  /** Last step's SINR (linear) and rate per vehicle; NaN before the first step. */
  readonly lastSinr: Float64Array;
  readonly lastRateBps: Float64Array;
  favour: ResolvedFavour[];
  favourAction: RisAction['favour'];
  pairsAction: readonly NomaPair[];
  stepIndex: number;
  /** True when the profile must be recomputed before transmitting (favour or a favoured vehicle's serving changed). */
  profileStale: boolean;
}

/** Builds the initial state and takes the first measurement (every vehicle attaches to its strongest RSU). */
export function createSimulationState(scenario: ScenarioConfig, seed: number): SimulationState {
  const fleet = createFleet(scenario.road, scenario.vehicleCount, seed);
  const model = createChannelModel(scenario, fleet, seed);
  const vehicles = fleet.ids.length;
  const rsuIds = scenario.rsus.map((rsu) => rsu.id);
  const noiseW = thermalNoiseWatts(scenario.bandwidthHz, scenario.noiseFigureDb);
  const handover = createHandoverState(rsuIds.length, vehicles);
  const csi = createCsiView(scenario, model, seed);
  const state: SimulationState = {
    scenario,
    fleet,
    model,
    handover,
    parameters: {
      ...scenario.handover,
      filterCoefficient: scenario.handover.l3FilterCoefficient,
      failureSinr: 10 ** (scenario.handover.failureSinrDb / 10),
      noiseW,
      interference: scenario.channel.interRsuInterference,
    },
    vehicleIndex: new Map(fleet.ids.map((id, index) => [id, index])),
    rsuIndex: new Map(rsuIds.map((id, index) => [id, index])),
    rsuIds,
    noiseW,
    csi,
    estimatedPowers: csi.imperfect ? new Float64Array(rsuIds.length * vehicles) : handover.sampleW,
    referenceRandom: createRandom(seed, [STREAM.referenceProfile]),
    profile: createZeroProfile(model.ris.elementCount),
    transmitted: createZeroProfile(model.ris.elementCount),
    reference: createZeroProfile(model.ris.elementCount),
    powers: new Float64Array(rsuIds.length * vehicles),
    wrapped: new Uint8Array(vehicles),
    lastSinr: new Float64Array(vehicles).fill(Number.NaN),
    lastRateBps: new Float64Array(vehicles).fill(Number.NaN),
    favour: [],
    favourAction: [],
    pairsAction: [],
    stepIndex: 0,
    profileStale: false,
  };
  takeMeasurements(state, new Uint8Array(vehicles).fill(1));
  return state;
}

/**
 * Measures at the current time: refreshes the channel estimate, co-phases the favour list on it, takes one local-mean
 * RSRP sample per link on the true channel, filters it and updates A3; vehicles flagged in `attach` (re)attach to
 * their strongest RSU. With imperfect CSI the decisions' view of the mean powers is computed on the estimate.
 */
export function takeMeasurements(state: SimulationState, attach: Uint8Array): void {
  const { scenario, model, handover, profile, csi } = state;
  csi.update();
  // Tracking: re-co-phase the favour list for the new positions every `retuneIntervalSteps` steps.
  if (state.stepIndex % scenario.ris.retuneIntervalSteps === 0) {
    applyFavour(csi.model, handover.serving, state.favour, scenario.ris.phaseBits, profile);
  }
  meanReceivedPowers(model, scenario, profile, state.powers);
  measure(handover, state.powers, state.stepIndex * scenario.timeStepS, attach, state.parameters);
  if (csi.imperfect) meanReceivedPowers(csi.model, scenario, profile, state.estimatedPowers);
  state.profileStale = state.favour.some((entry) => attach[entry.vehicle] === 1);
}

/** Copies a profile's levels and phasors into `out`. */
export function copyProfile(from: QuantizedProfile, out: QuantizedProfile): void {
  out.levels.set(from.levels);
  out.cos.set(from.cos);
  out.sin.set(from.sin);
}

/** Whether two profiles put any element at a different level. */
export function profilesDiffer(a: QuantizedProfile, b: QuantizedProfile): boolean {
  for (let n = 0; n < a.levels.length; n += 1) {
    if (a.levels[n] !== b.levels[n]) return true;
  }
  return false;
}
