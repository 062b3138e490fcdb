/**
 * The channel the decisions see (physics/csi-error.ts): a `ChannelModel` whose mean coefficients are estimates,
 * x̂ = x(t − d) + e with e ~ CN(0, NMSE · E|x|²), for the direct links' mean parts and the vehicles' RIS hops ḡ_n (the
 * RSU → RIS hops are fixed infrastructure, known exactly). The co-phasing of the RIS, the agents' observation and
 * `predict` read this view; the transmission runs on the true model. With NMSE null and d = 0 the view is the true
 * model itself. Errors are drawn from their own streams, the same amount every step whatever the actions.
 */
import { addEstimationError } from '../physics/csi-error.ts';
import { createRandom, type Random } from '../physics/random.ts';
import { type ChannelModel, directMean } from './channel-model.ts';
import type { LargeScale } from './large-scale.ts';
import { STREAM } from './random-streams.ts';
import type { RisLinks } from './ris-links.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** The decision-side channel and how to refresh it after the true channel moved. */
export interface CsiView {
  /** The estimated channel (the true model when CSI is perfect). */
  readonly model: ChannelModel;
  /** True when `model` differs from the true channel (errors or staleness configured). */
  readonly imperfect: boolean;
  /** Records the true channel of the current step and refreshes the estimate. */
  update(): void;
}

interface Snapshot {
  readonly meanRe: Float64Array;
  readonly meanIm: Float64Array;
  readonly scattered: Float64Array;
  readonly hopRe: Float64Array;
  readonly hopIm: Float64Array;
  readonly scatteredVariance: Float64Array;
}

function takeSnapshot(model: ChannelModel, into: Snapshot): void {
  const { largeScale, ris } = model;
  const mean = { re: 0, im: 0 };
  for (let link = 0; link < into.meanRe.length; link += 1) {
    directMean(model, link, mean);
    into.meanRe[link] = mean.re;
    into.meanIm[link] = mean.im;
    into.scattered[link] = largeScale.gain[link]! / (largeScale.kLinear[link]! + 1);
  }
  into.hopRe.set(ris.vehicleHopRe);
  into.hopIm.set(ris.vehicleHopIm);
  into.scatteredVariance.set(ris.scatteredVariance);
}

/** Creates the view for `scenario.csi`; call `update()` whenever the true channel has moved (and once at start). */
export function createCsiView(scenario: ScenarioConfig, truth: ChannelModel, seed: number): CsiView {
  const { nmseDb, delaySteps } = scenario.csi;
  if (nmseDb === null && delaySteps === 0) {
    return { model: truth, imperfect: false, update: () => undefined };
  }
  const nmse = nmseDb === null ? 0 : 10 ** (nmseDb / 10);
  const links = truth.rsuCount * truth.vehicleCount;
  const hops = truth.ris.vehicleHopRe.length;
  const snapshot = (): Snapshot => ({
    meanRe: new Float64Array(links),
    meanIm: new Float64Array(links),
    scattered: new Float64Array(links),
    hopRe: new Float64Array(hops),
    hopIm: new Float64Array(hops),
    scatteredVariance: new Float64Array(truth.ris.scatteredVariance.length),
  });
  const history = Array.from({ length: delaySteps + 1 }, snapshot);
  let recorded = 0;
  const largeScale: LargeScale = {
    ...truth.largeScale,
    gain: new Float64Array(links),
    kLinear: new Float64Array(links),
    losPhase: new Float64Array(links),
  };
  const ris: RisLinks = {
    ...truth.ris,
    vehicleHopRe: new Float64Array(hops),
    vehicleHopIm: new Float64Array(hops),
    vehicleHopMagnitude: new Float64Array(hops),
    scatteredVariance: new Float64Array(truth.ris.scatteredVariance.length),
  };
  const model: ChannelModel = { ...truth, largeScale, ris };
  const directRandoms: Random[] = Array.from({ length: links }, (_, link) =>
    createRandom(seed, [STREAM.csiError, 0, Math.floor(link / truth.vehicleCount), link % truth.vehicleCount]),
  );
  const hopRandoms: Random[] = Array.from({ length: truth.vehicleCount }, (_, k) =>
    createRandom(seed, [STREAM.csiError, 1, k]),
  );
  const count = truth.ris.elementCount;
  const sample = { re: 0, im: 0 };
  return {
    model,
    imperfect: true,
    update(): void {
      takeSnapshot(truth, history[recorded % history.length]!);
      recorded += 1;
      // The oldest snapshot still held: d steps back, or the first step while fewer have been recorded.
      const old = history[Math.max(0, recorded - 1 - delaySteps) % history.length]!;
      for (let link = 0; link < links; link += 1) {
        const power = old.meanRe[link]! ** 2 + old.meanIm[link]! ** 2 + old.scattered[link]!;
        addEstimationError(directRandoms[link]!, old.meanRe[link]!, old.meanIm[link]!, nmse * power, sample);
        const meanPower = sample.re * sample.re + sample.im * sample.im;
        largeScale.gain[link] = meanPower + old.scattered[link]!;
        largeScale.kLinear[link] =
          old.scattered[link]! > 0 ? meanPower / old.scattered[link]! : Number.POSITIVE_INFINITY;
        largeScale.losPhase[link] = Math.atan2(sample.im, sample.re);
      }
      for (let k = 0; k < truth.vehicleCount; k += 1) {
        const random = hopRandoms[k]!;
        for (let i = k * count; i < (k + 1) * count; i += 1) {
          const re = old.hopRe[i]!;
          const im = old.hopIm[i]!;
          addEstimationError(random, re, im, nmse * (re * re + im * im), sample);
          ris.vehicleHopRe[i] = sample.re;
          ris.vehicleHopIm[i] = sample.im;
          ris.vehicleHopMagnitude[i] = Math.hypot(sample.re, sample.im);
        }
      }
      ris.scatteredVariance.set(old.scatteredVariance);
    },
  };
}
