/**
 * One simulation step over [t, t + Δt) (physics.md modelling rules 1–7):
 * 1. handovers requested by the V2I action execute where event A3 has triggered (others are rejected and counted);
 * 2. the RIS profile is co-phased for the favour list on the mean channels and quantized to b bits;
 * 3. NOMA pairs are validated against the serving sets (invalid ones are refused; their vehicles use OMA);
 * 4. fresh fast fading is drawn for every link; SINRs (with inter-RSU interference), NOMA/OMA rates under the rate
 *    cap and power control, and the consumed power follow (scenario/transmission.ts); a changed RIS profile draws
 *    its element power and, with a reconfiguration delay τ, the first τ of the step still runs on the old profile;
 * 5. time advances: mobility with wrap-around, AR(1) large-scale updates, the channel estimate, RSRP measurement,
 *    L3 filter and A3.
 * The RIS is co-phased on the estimated channel (`state.csi`); the transmission always runs on the true one.
 * A missing domain in the actions keeps its previous setting (favour list, pairs); no V2I action means no handover.
 */
import { linearToDb } from '../physics/units.ts';
import type { StepActions } from './actions.ts';
import { advanceChannel, drawFading } from './channel-model.ts';
import { advanceFleet, vehiclePosition } from './fleet.ts';
import { executeHandovers } from './handover-control.ts';
import { rateKpis } from './kpis.ts';
import { realizedReceivedPowers, realizedRisGainsDb } from './link-budget.ts';
import { validatePairs } from './noma-service.ts';
import { applyFavour, drawRandomProfile, resolveFavour, sameFavour } from './ris-control.ts';
import { copyProfile, profilesDiffer, type SimulationState, takeMeasurements } from './simulation-state.ts';
import { activeRsus, consumedPower, mixServices, transmit } from './transmission.ts';
import type { StepOutcome } from './types.ts';

function mean(values: Float64Array): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Applies `actions`, transmits for one Δt on freshly drawn fading, advances time and measures. */
export function stepSimulation(state: SimulationState, actions: StepActions): StepOutcome {
  const { scenario, fleet, model, handover, rsuIds } = state;
  const timeS = state.stepIndex * scenario.timeStepS;
  const handovers = executeHandovers(handover, actions.v2i?.handovers ?? [], {
    timeS,
    vehicleIndex: state.vehicleIndex,
    rsuIds,
    parameters: state.parameters,
  });
  let risRejected: StepOutcome['risRejected'] = [];
  state.profileStale ||= handovers.succeeded.length > 0;
  if (actions.ris !== undefined && actions.ris.favour.length > 0) {
    const resolved = resolveFavour(actions.ris.favour, state.vehicleIndex);
    risRejected = resolved.rejected;
    // The same list again keeps the held profile (re-steered by the retune cadence); a different one re-steers now.
    if (resolved.accepted.length > 0 && !sameFavour(resolved.accepted, state.favour)) {
      state.favour = resolved.accepted;
      state.favourAction = resolved.accepted.map((entry) => ({
        vehicleId: fleet.ids[entry.vehicle]!,
        weight: entry.weight,
      }));
      state.profileStale = true;
    }
  }
  // The last measurement co-phased the current favour list on this geometry; redo it only if something changed.
  if (state.profileStale) {
    applyFavour(state.csi.model, handover.serving, state.favour, scenario.ris.phaseBits, state.profile);
  }
  state.pairsAction = actions.noma?.pairs ?? state.pairsAction;
  const pairs = validatePairs(state.pairsAction, state.rsuIndex, state.vehicleIndex, handover.serving);

  drawFading(model);
  drawRandomProfile(state.referenceRandom, scenario.ris.phaseBits, state.reference);
  realizedReceivedPowers(model, scenario, state.profile, state.powers);
  const link = { scenario, serving: handover.serving, noiseW: state.noiseW, pairs: pairs.accepted };
  let service = transmit({ ...link, powers: state.powers });
  const reconfigured = profilesDiffer(state.profile, state.transmitted);
  const oldShare = reconfigured ? Math.min(1, scenario.ris.reconfigurationDelayS / scenario.timeStepS) : 0;
  if (oldShare > 0) {
    const oldPowers = new Float64Array(state.powers.length);
    realizedReceivedPowers(model, scenario, state.transmitted, oldPowers);
    service = mixServices(transmit({ ...link, powers: oldPowers }), service, oldShare);
  }
  const power = consumedPower(
    scenario,
    service.radiatedShare,
    activeRsus(handover.serving, rsuIds.length),
    reconfigured,
  );
  copyProfile(state.profile, state.transmitted);
  const risGains = realizedRisGainsDb(model, state.powers, handover.serving, state.reference, scenario);
  const outcome: StepOutcome = {
    stepIndex: state.stepIndex,
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
    risFavour: state.favourAction,
    risRejected,
    kpis: {
      ...rateKpis(service.rateBps, service.omaRateBps, power.totalW),
      handoverSuccesses: handovers.succeeded.length,
      handoverFailures: handovers.failed.length,
      handoversRejected: handovers.rejected.length,
      pingPongs: handovers.pingPongVehicleIds.length,
      sicFailures: service.sicFailures,
      invalidPairs: pairs.rejected.length,
      risGainDb: mean(risGains.versusNone),
      risGainVsRandomDb: mean(risGains.versusReference),
    },
    power: {
      totalW: power.totalW,
      radiatedW: power.radiatedW,
      rsuW: Object.fromEntries(rsuIds.map((id, r) => [id, power.rsuW[r]!])),
      risW: power.risW,
      risReconfigured: reconfigured,
    },
  };
  state.lastSinr.set(service.sinr);
  state.lastRateBps.set(service.rateBps);

  state.stepIndex += 1;
  advanceFleet(fleet, scenario.road.lengthM, scenario.timeStepS, state.wrapped);
  advanceChannel(model, scenario, fleet, state.wrapped);
  takeMeasurements(state, state.wrapped);
  return outcome;
}
