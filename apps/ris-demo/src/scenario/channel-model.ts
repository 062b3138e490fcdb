/**
 * The complete channel of every RSU → vehicle link, h = h_d + Σ_n c_n(RSU) g_n e^{jθ_n} (physics.md modelling rule 1):
 * direct link √β (√(K/(K+1)) e^{jφ₀} + √(1/(K+1)) w), w ~ CN(0, 1) (or a unit-power Nakagami-m sample with K = 0),
 * with β from the UMi/UMa path loss and shadowing, plus the RIS
 * cascade of `ris-links.ts`. Fast fading is drawn fresh each step (Δt ≫ coherence time) from per-link and per-vehicle
 * streams, independent of the actions. `meanPowerGain` gives E|h|² over the fast fading (what RSRP, observations and
 * predictions use); `realizedChannel` gives this step's h.
 */
import { ricianWeights } from '../physics/fading.ts';
import { sampleNakagami } from '../physics/nakagami.ts';
import { createRandom, type Random } from '../physics/random.ts';
import type { Fleet } from './fleet.ts';
import { advanceLargeScale, createLargeScale, type LargeScale } from './large-scale.ts';
import { STREAM } from './random-streams.ts';
import {
  cascadedSum,
  createRisLinks,
  drawRisFading,
  type ProfiledHops,
  profileRsuHops,
  type RisLinks,
  updateVehicleHops,
} from './ris-links.ts';

export type { ProfiledHops } from './ris-links.ts';

import type { ScenarioConfig } from './scenario-config.ts';

/** A RIS phase profile as cos θ_n and sin θ_n. */
export interface PhaseProfile {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

/** Channel state of all links (index r · K + k). */
export interface ChannelModel {
  readonly rsuCount: number;
  readonly vehicleCount: number;
  readonly largeScale: LargeScale;
  readonly ris: RisLinks;
  /** This step's CN(0, 1) draws of the direct links' scattered parts. */
  readonly directFadingRe: Float64Array;
  readonly directFadingIm: Float64Array;
  readonly directRandoms: readonly Random[];
  /** Nakagami m of the direct links' fast fading; null for Rician (CN(0, 1) scattered part around the mean). */
  readonly nakagamiM: number | null;
}

const scratch = { re: 0, im: 0 };

/** Creates the channel model at the fleet's initial positions. */
export function createChannelModel(scenario: ScenarioConfig, fleet: Fleet, seed: number): ChannelModel {
  const vehicles = fleet.x.length;
  const links = scenario.rsus.length * vehicles;
  return {
    rsuCount: scenario.rsus.length,
    vehicleCount: vehicles,
    largeScale: createLargeScale(scenario, fleet, seed),
    ris: createRisLinks(scenario, fleet, seed),
    directFadingRe: new Float64Array(links),
    directFadingIm: new Float64Array(links),
    directRandoms: Array.from({ length: links }, (_, link) =>
      createRandom(seed, [STREAM.directFading, Math.floor(link / vehicles), link % vehicles]),
    ),
    nakagamiM: scenario.channel.smallScaleFading === 'nakagami' ? scenario.channel.nakagamiM : null,
  };
}

/** Moves the large-scale state and the RIS vehicle hops to the fleet's new positions. */
export function advanceChannel(model: ChannelModel, scenario: ScenarioConfig, fleet: Fleet, wrapped: Uint8Array): void {
  advanceLargeScale(model.largeScale, scenario, fleet, wrapped);
  updateVehicleHops(model.ris, fleet);
}

/** Draws this step's fast fading of every direct link and every RIS → vehicle hop. */
export function drawFading(model: ChannelModel): void {
  const sample = { re: 0, im: 0 };
  for (let link = 0; link < model.directRandoms.length; link += 1) {
    const random = model.directRandoms[link]!;
    if (model.nakagamiM === null) {
      model.directFadingRe[link] = random.normal() * Math.SQRT1_2;
      model.directFadingIm[link] = random.normal() * Math.SQRT1_2;
    } else {
      // Nakagami links have K = 0 (no mean part), so the whole unit-power sample is the "scattered" part.
      sampleNakagami(random, model.nakagamiM, sample);
      model.directFadingRe[link] = sample.re;
      model.directFadingIm[link] = sample.im;
    }
  }
  drawRisFading(model.ris);
}

/** Mean (LoS) part of the direct link, √β √(K/(K+1)) e^{jφ₀}, into `out`. */
export function directMean(model: ChannelModel, link: number, out: { re: number; im: number }): void {
  const { largeScale } = model;
  const amplitude = Math.sqrt(largeScale.gain[link]!) * ricianWeights(largeScale.kLinear[link]!).los;
  out.re = amplitude * Math.cos(largeScale.losPhase[link]!);
  out.im = amplitude * Math.sin(largeScale.losPhase[link]!);
}

/** This step's direct channel h_d, into `out`. */
export function realizedDirect(model: ChannelModel, link: number, out: { re: number; im: number }): void {
  const { largeScale } = model;
  directMean(model, link, out);
  const scattered = Math.sqrt(largeScale.gain[link]!) * ricianWeights(largeScale.kLinear[link]!).scattered;
  out.re += scattered * model.directFadingRe[link]!;
  out.im += scattered * model.directFadingIm[link]!;
}

/** Applies a profile to the RSU hops; pass the result to `meanPowerGain` and `realizedChannel`. */
export function profiledHops(model: ChannelModel, profile: PhaseProfile): ProfiledHops {
  return profileRsuHops(model.ris, profile.cos, profile.sin);
}

/** E|h|² of a link over the fast fading for a profile: |E h|² + Var h_d + Var of the RIS cascade. */
export function meanPowerGain(model: ChannelModel, link: number, hops: ProfiledHops): number {
  const { largeScale, ris } = model;
  const r = Math.floor(link / model.vehicleCount);
  const k = link % model.vehicleCount;
  cascadedSum(ris, hops, r, k, ris.vehicleHopRe, ris.vehicleHopIm, scratch);
  const cascadeRe = ris.losWeight * scratch.re;
  const cascadeIm = ris.losWeight * scratch.im;
  directMean(model, link, scratch);
  const meanRe = scratch.re + cascadeRe;
  const meanIm = scratch.im + cascadeIm;
  const scatteredDirect = largeScale.gain[link]! / (largeScale.kLinear[link]! + 1);
  return meanRe * meanRe + meanIm * meanIm + scatteredDirect + ris.scatteredVariance[link]!;
}

/** E|h_d|² of the direct link alone (no RIS), = β. */
export function meanDirectPowerGain(model: ChannelModel, link: number): number {
  return model.largeScale.gain[link]!;
}

/** This step's channel h = h_d + Σ_n c_n g_n e^{jθ_n} of a link for profiled hops, into `out`. */
export function realizedChannel(
  model: ChannelModel,
  link: number,
  hops: ProfiledHops,
  out: { re: number; im: number },
): void {
  const { ris } = model;
  const r = Math.floor(link / model.vehicleCount);
  const k = link % model.vehicleCount;
  cascadedSum(ris, hops, r, k, ris.fadedRe, ris.fadedIm, scratch);
  const cascadeRe = scratch.re;
  const cascadeIm = scratch.im;
  realizedDirect(model, link, out);
  out.re += cascadeRe;
  out.im += cascadeIm;
}
