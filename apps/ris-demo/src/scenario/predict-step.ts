/**
 * Deterministic evaluation of candidate actions on the current large-scale channel: the same handover, RIS and NOMA
 * logic as a step, but with the mean powers E|h|² instead of a fading draw, no state change and no random draw.
 * Rates are Shannon rates at the mean SINR (an optimistic, Jensen-type approximation of the ergodic rate, fine for
 * ranking proposals).
 */
import type { StepActions } from './actions.ts';
import { executeHandovers } from './handover-control.ts';
import { rateKpis } from './kpis.ts';
import { meanReceivedPowers, servingSinrs } from './link-budget.ts';
import { serve, validatePairs } from './noma-service.ts';
import { applyFavour, resolveFavour } from './ris-control.ts';
import type { SimulationState } from './simulation-state.ts';
import type { PredictedKpis } from './types.ts';

/** What `step(actions)` would yield on the current large-scale channel. */
export function predictStep(state: SimulationState, actions: StepActions): PredictedKpis {
  const { scenario, fleet, model, handover, profile } = state;
  const dryRun = executeHandovers(handover, actions.v2i?.handovers ?? [], {
    timeS: state.stepIndex * scenario.timeStepS,
    vehicleIndex: state.vehicleIndex,
    rsuIds: state.rsuIds,
    parameters: state.parameters,
    dryRun: true,
  });
  const serving = Int32Array.from(handover.serving);
  for (const executed of dryRun.succeeded) {
    serving[state.vehicleIndex.get(executed.vehicleId)!] = state.rsuIndex.get(executed.toRsuId)!;
  }
  const candidate = {
    levels: Int32Array.from(profile.levels),
    cos: Float64Array.from(profile.cos),
    sin: Float64Array.from(profile.sin),
  };
  const requested = actions.ris?.favour.length ? resolveFavour(actions.ris.favour, state.vehicleIndex).accepted : [];
  applyFavour(model, serving, requested.length > 0 ? requested : state.favour, scenario.ris.phaseBits, candidate);
  const powers = new Float64Array(state.powers.length);
  meanReceivedPowers(model, scenario, candidate, powers);
  const gains = new Float64Array(fleet.ids.length);
  servingSinrs(powers, serving, state.noiseW, state.parameters.interference, gains);
  const pairs = validatePairs(actions.noma?.pairs ?? state.pairsAction, state.rsuIndex, state.vehicleIndex, serving);
  const service = serve({
    gains,
    serving,
    rsuCount: state.rsuIds.length,
    pairs: pairs.accepted,
    bandwidthHz: scenario.bandwidthHz,
    sicResidual: scenario.noma.sicResidual,
  });
  const kpis = rateKpis(service.rateBps, service.omaRateBps, state.totalPowerW);
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
}
