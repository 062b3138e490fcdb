/**
 * The simulation loop (physics.md modelling rules 1–7). One `step(actions)` over [t, t + Δt):
 * 1. handovers requested by the V2I action execute where event A3 has triggered (others are rejected and counted);
 * 2. the RIS profile is co-phased for the favour list on the mean channels and quantized to b bits;
 * 3. NOMA pairs are validated against the serving sets (invalid ones are refused; their vehicles use OMA);
 * 4. fresh fast fading is drawn for every link; SINRs (with inter-RSU interference) and NOMA/OMA rates follow;
 * 5. time advances: mobility with wrap-around, AR(1) large-scale updates, RSRP measurement, L3 filter and A3.
 * A missing domain in `actions` keeps its previous setting (favour list, pairs); no V2I action means no handover.
 */

import { createRandom } from '../physics/random.ts';
import { linearToDb, thermalNoiseWatts } from '../physics/units.ts';
import type { NomaPair, RisAction, StepActions } from './actions.ts';
import { advanceChannel, createChannelModel, drawFading } from './channel-model.ts';
import { resolveScenario } from './default-scenario.ts';
import { advanceFleet, createFleet, vehiclePosition } from './fleet.ts';
import { createHandoverState, executeHandovers, type HandoverParameters, measure } from './handover-control.ts';
import { rateKpis, scenarioPowerW } from './kpis.ts';
import { meanReceivedPowers, realizedReceivedPowers, realizedRisGainsDb, servingSinrs } from './link-budget.ts';
import { serve, validatePairs } from './noma-service.ts';
import { buildObservation } from './observation.ts';
import { STREAM } from './random-streams.ts';
import {
  applyFavour,
  createZeroProfile,
  drawRandomProfile,
  type ResolvedFavour,
  resolveFavour,
} from './ris-control.ts';
import type { Observation, PredictedKpis, Simulation, SimulationOptions, StepOutcome } from './types.ts';

function mean(values: Float64Array): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Creates a seeded simulation of the RIS-assisted V2I downlink with NOMA (see physics.md).
 *
 * Every random draw (initial positions and speeds, shadowing, LOS state, K-factor, fast fading, the random reference
 * profile) comes from per-entity substreams of `seed`, and each stream is consumed by the same amount every step
 * whatever the actions: two simulations created with the same seed see identical channels under any policy, which is
 * how baselines are compared on the same seed, and the same seed with the same actions gives identical traces.
 * @throws {AcptConfigError} If the scenario overrides are invalid.
 * @example const simulation = createSimulation({ seed: 1 }); simulation.step({});
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const scenario = resolveScenario(options.scenario);
  const { seed } = options;
  const fleet = createFleet(scenario.road, scenario.vehicleCount, seed);
  const model = createChannelModel(scenario, fleet, seed);
  const vehicles = fleet.ids.length;
  const links = scenario.rsus.length * vehicles;
  const rsuIds = scenario.rsus.map((rsu) => rsu.id);
  const vehicleIndex = new Map(fleet.ids.map((id, index) => [id, index]));
  const rsuIndex = new Map(rsuIds.map((id, index) => [id, index]));
  const noiseW = thermalNoiseWatts(scenario.bandwidthHz, scenario.noiseFigureDb);
  const { interRsuInterference: interference } = scenario.channel;
  const parameters: HandoverParameters = {
    ...scenario.handover,
    filterCoefficient: scenario.handover.l3FilterCoefficient,
    failureSinr: 10 ** (scenario.handover.failureSinrDb / 10),
    noiseW,
    interference,
  };
  const handover = createHandoverState(scenario.rsus.length, vehicles);
  const referenceRandom = createRandom(seed, [STREAM.referenceProfile]);
  const profile = createZeroProfile(model.ris.elementCount);
  const reference = createZeroProfile(model.ris.elementCount);
  const totalPowerW = scenarioPowerW(scenario);
  const powers = new Float64Array(links);
  const wrapped = new Uint8Array(vehicles);
  const lastSinr = new Float64Array(vehicles).fill(Number.NaN);
  const lastRateBps = new Float64Array(vehicles).fill(Number.NaN);
  let favour: ResolvedFavour[] = [];
  let favourAction: RisAction['favour'] = [];
  let pairsAction: readonly NomaPair[] = [];
  let stepIndex = 0;
  let observation: Observation | null = null;

  const takeMeasurements = (attach: Uint8Array): void => {
    applyFavour(model, handover.serving, favour, scenario.ris.phaseBits, profile);
    meanReceivedPowers(model, scenario, profile, powers);
    measure(handover, powers, stepIndex * scenario.timeStepS, attach, parameters);
    observation = null;
  };
  takeMeasurements(new Uint8Array(vehicles).fill(1));

  const observe = (): Observation => {
    observation ??= buildObservation({
      scenario,
      stepIndex,
      fleet,
      model,
      handover,
      parameters,
      profile,
      favour: favourAction,
      lastSinr,
      lastRateBps,
    });
    return observation;
  };

  const step = (actions: StepActions): StepOutcome => {
    const timeS = stepIndex * scenario.timeStepS;
    const handovers = executeHandovers(handover, actions.v2i?.handovers ?? [], {
      timeS,
      vehicleIndex,
      rsuIds,
      parameters,
    });
    let risRejected: StepOutcome['risRejected'] = [];
    let profileStale = handovers.succeeded.length > 0;
    if (actions.ris !== undefined && actions.ris.favour.length > 0) {
      const resolved = resolveFavour(actions.ris.favour, vehicleIndex);
      risRejected = resolved.rejected;
      if (resolved.accepted.length > 0) {
        favour = resolved.accepted;
        favourAction = favour.map((entry) => ({ vehicleId: fleet.ids[entry.vehicle]!, weight: entry.weight }));
        profileStale = true;
      }
    }
    // The measurements already co-phased the current favour list on this geometry; redo it only if something changed.
    if (profileStale) {
      applyFavour(model, handover.serving, favour, scenario.ris.phaseBits, profile);
    }
    pairsAction = actions.noma?.pairs ?? pairsAction;
    const pairs = validatePairs(pairsAction, rsuIndex, vehicleIndex, handover.serving);

    drawFading(model);
    drawRandomProfile(referenceRandom, scenario.ris.phaseBits, reference);
    realizedReceivedPowers(model, scenario, profile, powers);
    const gains = new Float64Array(vehicles);
    servingSinrs(powers, handover.serving, noiseW, interference, gains);
    const service = serve({
      gains,
      serving: handover.serving,
      rsuCount: scenario.rsus.length,
      pairs: pairs.accepted,
      bandwidthHz: scenario.bandwidthHz,
      sicResidual: scenario.noma.sicResidual,
    });
    const risGains = realizedRisGainsDb(model, powers, handover.serving, reference, scenario);
    const outcome: StepOutcome = {
      stepIndex,
      timeS,
      vehicles: fleet.ids.map((vehicleId, k) => ({
        vehicleId,
        position: vehiclePosition(fleet, k),
        servingRsuId: rsuIds[handover.serving[k]!]!,
        mode: service.mode[k]!,
        sinrDb: linearToDb(service.sinr[k]!),
        rateBps: service.rateBps[k]!,
        omaRateBps: service.omaRateBps[k]!,
        risGainDb: risGains.versusNone[k]!,
        sicFailure: service.sicFailure[k] === 1,
      })),
      noma: {
        appliedPairs: pairs.accepted.map((pair) => ({
          rsuId: rsuIds[pair.rsu]!,
          nearVehicleId: fleet.ids[pair.near]!,
          farVehicleId: fleet.ids[pair.far]!,
          farPowerShare: pair.farShare,
        })),
        rejected: pairs.rejected,
      },
      handovers,
      risFavour: favourAction,
      risRejected,
      kpis: {
        ...rateKpis(service.rateBps, service.omaRateBps, totalPowerW),
        handoverSuccesses: handovers.succeeded.length,
        handoverFailures: handovers.failed.length,
        handoversRejected: handovers.rejected.length,
        pingPongs: handovers.pingPongVehicleIds.length,
        sicFailures: service.sicFailures,
        invalidPairs: pairs.rejected.length,
        risGainDb: mean(risGains.versusNone),
        risGainVsRandomDb: mean(risGains.versusReference),
      },
    };
    lastSinr.set(service.sinr);
    lastRateBps.set(service.rateBps);

    stepIndex += 1;
    advanceFleet(fleet, scenario.road.lengthM, scenario.timeStepS, wrapped);
    advanceChannel(model, scenario, fleet, wrapped);
    takeMeasurements(wrapped);
    return outcome;
  };

  const predict = (actions: StepActions): PredictedKpis => {
    const dryRun = executeHandovers(handover, actions.v2i?.handovers ?? [], {
      timeS: stepIndex * scenario.timeStepS,
      vehicleIndex,
      rsuIds,
      parameters,
      dryRun: true,
    });
    const serving = Int32Array.from(handover.serving);
    for (const executed of dryRun.succeeded) {
      serving[vehicleIndex.get(executed.vehicleId)!] = rsuIndex.get(executed.toRsuId)!;
    }
    const candidate = {
      levels: Int32Array.from(profile.levels),
      cos: Float64Array.from(profile.cos),
      sin: Float64Array.from(profile.sin),
    };
    const favoured = actions.ris?.favour.length ? resolveFavour(actions.ris.favour, vehicleIndex).accepted : [];
    applyFavour(model, serving, favoured.length > 0 ? favoured : favour, scenario.ris.phaseBits, candidate);
    const meanPowers = new Float64Array(links);
    meanReceivedPowers(model, scenario, candidate, meanPowers);
    const gains = new Float64Array(vehicles);
    servingSinrs(meanPowers, serving, noiseW, interference, gains);
    const pairs = validatePairs(actions.noma?.pairs ?? pairsAction, rsuIndex, vehicleIndex, serving);
    const service = serve({
      gains,
      serving,
      rsuCount: scenario.rsus.length,
      pairs: pairs.accepted,
      bandwidthHz: scenario.bandwidthHz,
      sicResidual: scenario.noma.sicResidual,
    });
    const kpis = rateKpis(service.rateBps, service.omaRateBps, totalPowerW);
    return {
      sumRateBps: kpis.sumRateBps,
      omaSumRateBps: kpis.omaSumRateBps,
      jainFairness: kpis.jainFairness,
      energyEfficiencyBitPerJ: kpis.energyEfficiencyBitPerJ,
      sicFailures: service.sicFailures,
      invalidPairs: pairs.rejected.length,
      handoversExecutable: dryRun.succeeded.length + dryRun.failed.length,
      handoversRejected: dryRun.rejected.length,
      rateBpsByVehicle: Object.fromEntries(fleet.ids.map((id, k) => [id, service.rateBps[k]!])),
    };
  };

  return { scenario, seed, observe, step, predict };
}
