/**
 * Per-link received powers and per-vehicle SINRs: γ_k = P_s |h_s,k|² / (σ² + Σ_{r≠s} P_r |h_r,k|²), with the sum over
 * the other RSUs only when inter-RSU interference is on (reuse 1, full buffer). `meanReceivedPowers` uses E|h|² over
 * the fast fading; `realizedReceivedPowers` this step's draw. Powers in W, links indexed r · K + k.
 */
import { linearToDb } from '../physics/units.ts';
import {
  type ChannelModel,
  meanPowerGain,
  type PhaseProfile,
  profiledHops,
  realizedChannel,
  realizedDirect,
} from './channel-model.ts';
import type { ScenarioConfig } from './scenario-config.ts';

const scratch = { re: 0, im: 0 };

/** P_r E|h_r,k|² for every link with the given profile, W. */
export function meanReceivedPowers(
  model: ChannelModel,
  scenario: ScenarioConfig,
  profile: PhaseProfile,
  out: Float64Array,
): void {
  const hops = profiledHops(model, profile);
  for (let link = 0; link < out.length; link += 1) {
    const rsu = scenario.rsus[Math.floor(link / model.vehicleCount)]!;
    out[link] = rsu.txPowerW * meanPowerGain(model, link, hops);
  }
}

/** P_r |h_r,k|² for every link with this step's fading and the given profile, W. */
export function realizedReceivedPowers(
  model: ChannelModel,
  scenario: ScenarioConfig,
  profile: PhaseProfile,
  out: Float64Array,
): void {
  const hops = profiledHops(model, profile);
  for (let link = 0; link < out.length; link += 1) {
    const rsu = scenario.rsus[Math.floor(link / model.vehicleCount)]!;
    realizedChannel(model, link, hops, scratch);
    out[link] = rsu.txPowerW * (scratch.re * scratch.re + scratch.im * scratch.im);
  }
}

/**
 * Writes γ_k on each vehicle's serving link into `out`. `activity` (per RSU, default 1) scales each RSU's power as an
 * interferer: its mean radiated share over the step (0 for an RSU that serves nobody).
 */
export function servingSinrs(
  powers: Float64Array,
  serving: Int32Array,
  noiseW: number,
  interference: boolean,
  out: Float64Array,
  activity?: Float64Array,
): void {
  const vehicles = serving.length;
  const rsus = powers.length / vehicles;
  for (let k = 0; k < vehicles; k += 1) {
    let other = 0;
    if (interference) {
      for (let r = 0; r < rsus; r += 1) {
        if (r !== serving[k]) other += (activity === undefined ? 1 : activity[r]!) * powers[r * vehicles + k]!;
      }
    }
    out[k] = powers[serving[k]! * vehicles + k]! / (noiseW + other);
  }
}

/**
 * Per-vehicle RIS gains on the serving link for this step's fading: applied profile vs. no RIS (|h|² / |h_d|²) and
 * vs. a reference (random) profile, in dB.
 */
export function realizedRisGainsDb(
  model: ChannelModel,
  powers: Float64Array,
  serving: Int32Array,
  reference: PhaseProfile,
  scenario: ScenarioConfig,
): { versusNone: Float64Array; versusReference: Float64Array } {
  const vehicles = serving.length;
  const versusNone = new Float64Array(vehicles);
  const versusReference = new Float64Array(vehicles);
  const hops = profiledHops(model, reference);
  for (let k = 0; k < vehicles; k += 1) {
    const link = serving[k]! * vehicles + k;
    const power = powers[link]! / scenario.rsus[serving[k]!]!.txPowerW;
    realizedDirect(model, link, scratch);
    versusNone[k] = linearToDb(power / (scratch.re * scratch.re + scratch.im * scratch.im));
    realizedChannel(model, link, hops, scratch);
    versusReference[k] = linearToDb(power / (scratch.re * scratch.re + scratch.im * scratch.im));
  }
  return { versusNone, versusReference };
}
