import type { StepOutcome } from '../scenario/types.ts';
import { type QuantileSketch, sketchSample, sortedQuantile } from './quantile-sketch.ts';
import { addRisGain, createRisGainGrid, type RisGainGrid } from './ris-gain-grid.ts';

/** SINR across vehicles in one time window: percentiles of all (vehicle, step) values of the window, dB. */
export interface SinrBand {
  /** Centre of the window, s. */
  readonly timeS: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
}

/** What one policy's run contributes to the report's figures; plain data (JSON-safe), mergeable over seeds. */
export interface PolicyFigureData {
  /** Per-vehicle, per-step achieved rates, bit/s. */
  readonly rateBps: QuantileSketch;
  /** Per-vehicle, per-step post-detection SINR, dB. */
  readonly sinrDb: QuantileSketch;
  /** SINR percentiles over the vehicles, per time window. */
  readonly sinrBands: readonly SinrBand[];
  /** Length of a SINR band window, s. */
  readonly bandWindowS: number;
  /** Served-signal RIS gain per road cell. */
  readonly risGain: RisGainGrid;
  /** Smallest and largest total consumed power of any step, W (equal when the power model is constant). */
  readonly powerW: { readonly min: number; readonly max: number };
}

/** Collects a policy's per-vehicle outcomes for the figures, with memory bounded whatever the run length. */
export interface FigureAccumulator {
  add(outcome: StepOutcome): void;
  data(): PolicyFigureData;
}

/** Size of the accumulator's inputs: the run's length and fleet, the road. */
export interface FigureAccumulatorOptions {
  readonly steps: number;
  readonly vehicles: number;
  readonly timeStepS: number;
  readonly road: { readonly lengthM: number; readonly laneCount: number; readonly laneWidthM: number };
  /** Per-vehicle samples kept for the CDFs at most (whole steps are kept or skipped). @defaultValue 200 000 */
  readonly maxSamples?: number;

  /** Road segment length of the RIS gain map, m. @defaultValue 10 */
  readonly segmentLengthM?: number;
}

/**
 * Creates a {@link FigureAccumulator}. CDF samples keep every `stride`-th step (stride chosen so at most `maxSamples`
 * values are kept); SINR bands pool `window` consecutive steps (chosen so at most `maxBands` windows).
 */
export function createFigureAccumulator(options: FigureAccumulatorOptions): FigureAccumulator {
  const perStep = Math.max(1, options.vehicles);
  const stride = Math.max(1, Math.ceil((options.steps * perStep) / (options.maxSamples ?? 200_000)));
  const window = timeWindowSteps(options.steps, options.timeStepS);
  const rates: number[] = [];
  const sinrs: number[] = [];
  const bands: SinrBand[] = [];
  let windowValues: number[] = [];
  let windowStartS = 0;
  let windowSteps = 0;
  let power = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  const segments = Math.max(1, Math.round(options.road.lengthM / (options.segmentLengthM ?? 10)));
  const risGain = createRisGainGrid({
    lengthM: options.road.lengthM,
    segments,
    lanes: options.road.laneCount,
    laneWidthM: options.road.laneWidthM,
  });
  const closeWindow = (): void => {
    if (windowSteps === 0) return;
    bands.push(bandOf(windowValues, windowStartS + (windowSteps * options.timeStepS) / 2));
    windowValues = [];
    windowSteps = 0;
  };
  return {
    add(outcome) {
      const keep = outcome.stepIndex % stride === 0;
      if (windowSteps === 0) windowStartS = outcome.timeS;
      for (const vehicle of outcome.vehicles) {
        if (keep) {
          rates.push(vehicle.rateBps);
          sinrs.push(vehicle.sinrDb);
        }
        if (Number.isFinite(vehicle.sinrDb)) windowValues.push(vehicle.sinrDb);
        addRisGain(risGain, vehicle.position.x, vehicle.position.y, vehicle.risGainDb);
      }
      windowSteps += 1;
      if (windowSteps === window) closeWindow();
      const total = outcome.kpis.totalPowerW;
      power = { min: Math.min(power.min, total), max: Math.max(power.max, total) };
    },
    data() {
      closeWindow();
      return {
        rateBps: sketchSample(rates),
        sinrDb: sketchSample(sinrs),
        sinrBands: [...bands],
        bandWindowS: window * options.timeStepS,
        risGain,
        powerW: Number.isFinite(power.min) ? power : { min: 0, max: 0 },
      };
    },
  };
}

/**
 * Steps per time window of the report's time series: about 1 s of simulated time (smoothing per-step fast fading),
 * but short enough for at least 30 windows in a short run and long enough for at most 150 in a long one.
 */
export function timeWindowSteps(steps: number, timeStepS: number): number {
  return Math.max(1, Math.ceil(steps / 150), Math.min(Math.round(1 / timeStepS), Math.floor(steps / 30)));
}

function bandOf(values: number[], timeS: number): SinrBand {
  values.sort((left, right) => left - right);
  const at = (p: number): number => sortedQuantile(values, p);
  return { timeS, p10: at(0.1), p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9) };
}
