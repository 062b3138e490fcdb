/**
 * Deterministic evaluation of candidate actions on the current large-scale channel: the same handover, RIS, NOMA,
 * power-control and power-model logic as a step, but with the mean powers E|h|² instead of a fading draw, no state
 * change and no random draw. Rates are capped Shannon rates at the mean SINR (an optimistic, Jensen-type approximation
 * of the ergodic rate, fine for ranking proposals). By default it sees what the decisions see: the estimated channel
 * (co-phasing and powers on the CSI view); `channel: 'true'` evaluates (and re-steers, where the step would) on the
 * true mean channel instead.
 */
import type { StepActions } from './actions.ts';
import { executeHandovers } from './handover-control.ts';
import { rateKpis } from './kpis.ts';
import { meanReceivedPowers } from './link-budget.ts';
import { validatePairs } from './noma-service.ts';
import { applyFavour, type QuantizedProfile, type ResolvedFavour, resolveFavour, sameFavour } from './ris-control.ts';
import { profilesDiffer, type SimulationState } from './simulation-state.ts';
import { activeRsus, consumedPower, mixServices, transmit } from './transmission.ts';
import type { PredictedKpis, PredictOptions } from './types.ts';

/** A co-phased candidate profile and the mean received powers it gives (read-only once cached). */
interface CachedProfile {
  readonly candidate: QuantizedProfile;
  readonly powers: Float64Array;
}

/** Profiles per (channel view, favour, serving) of the current step: searches vary NOMA far more than the RIS. */
const profileCache = new WeakMap<SimulationState, { step: number; entries: Map<string, CachedProfile> }>();
/** Most cached profiles per step. */
const PROFILE_CACHE_LIMIT = 512;

/**
 * The candidate profile and mean received powers for a favour list (or the profile the panel holds, `current`, or the
 * one it transmitted, `transmitted`) and serving map, computed once per step, channel view and key. Within a step
 * nothing they depend on changes (geometry, large-scale and estimated channels, held and transmitted profiles), so
 * the cache is exact; the oracle's search relies on it.
 */
function cachedProfile(
  state: SimulationState,
  model: SimulationState['model'],
  favour: readonly ResolvedFavour[] | 'current' | 'transmitted',
  serving: Int32Array,
  compute: () => CachedProfile,
): CachedProfile {
  let cache = profileCache.get(state);
  if (cache === undefined || cache.step !== state.stepIndex) {
    cache = { step: state.stepIndex, entries: new Map() };
    profileCache.set(state, cache);
  }
  const view = model === state.model ? 'true' : 'csi';
  const favourKey =
    typeof favour === 'string' ? favour : favour.map((entry) => `${entry.vehicle}:${entry.weight}`).join(',');
  const key = `${view}|${favourKey}|${serving.join(',')}`;
  let entry = cache.entries.get(key);
  if (entry === undefined) {
    entry = compute();
    if (cache.entries.size >= PROFILE_CACHE_LIMIT) cache.entries.clear();
    cache.entries.set(key, entry);
  }
  return entry;
}

/** What `step(actions)` would yield on the current large-scale channel. */
export function predictStep(state: SimulationState, actions: StepActions, options: PredictOptions = {}): PredictedKpis {
  const { scenario, fleet, handover, profile } = state;
  const model = options.channel === 'true' ? state.model : state.csi.model;
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
  const resolved = actions.ris?.favour.length ? resolveFavour(actions.ris.favour, state.vehicleIndex).accepted : [];
  const requested = sameFavour(resolved, state.favour) ? [] : resolved;
  // The panel is re-steered exactly when `step` would re-steer it; otherwise it keeps the profile it holds.
  const steer = requested.length > 0 || dryRun.succeeded.length > 0 || state.profileStale;
  const favour = requested.length > 0 ? requested : state.favour;
  const { candidate, powers } = cachedProfile(state, model, steer ? favour : 'current', serving, () => {
    const profileOut = {
      levels: Int32Array.from(profile.levels),
      cos: Float64Array.from(profile.cos),
      sin: Float64Array.from(profile.sin),
    };
    if (steer) applyFavour(model, serving, favour, scenario.ris.phaseBits, profileOut);
    const received = new Float64Array(state.powers.length);
    meanReceivedPowers(model, scenario, profileOut, received);
    return { candidate: profileOut, powers: received };
  });
  const pairs = validatePairs(actions.noma?.pairs ?? state.pairsAction, state.rsuIndex, state.vehicleIndex, serving);
  const link = { scenario, serving, noiseW: state.noiseW, pairs: pairs.accepted };
  let service = transmit({ ...link, powers });
  const reconfigured = profilesDiffer(candidate, state.transmitted);
  const oldShare = reconfigured ? Math.min(1, scenario.ris.reconfigurationDelayS / scenario.timeStepS) : 0;
  if (oldShare > 0) {
    const oldPowers = cachedProfile(state, model, 'transmitted', serving, () => {
      const received = new Float64Array(powers.length);
      meanReceivedPowers(model, scenario, state.transmitted, received);
      return { candidate: state.transmitted, powers: received };
    }).powers;
    service = mixServices(transmit({ ...link, powers: oldPowers }), service, oldShare);
  }
  const power = consumedPower(scenario, service.radiatedShare, activeRsus(serving, state.rsuIds.length), reconfigured);
  const kpis = rateKpis(service.rateBps, service.omaRateBps, power.totalW);
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
    totalPowerW: power.totalW,
    risReconfigured: reconfigured,
  };
}
