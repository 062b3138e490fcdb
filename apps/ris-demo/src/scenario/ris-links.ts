/**
 * The RIS part of every RSU → vehicle link. Per element n: RSU hop c_n(RSU) (static LoS, Tang et al. free space),
 * vehicle hop ḡ_n = c_n(vehicle) (LoS geometry) with Rician fading of the RIS → vehicle hop at factor K_R:
 * g_n = √(K_R/(K_R+1)) ḡ_n + √(1/(K_R+1)) |ḡ_n| w_n, w_n ~ CN(0, 1) i.i.d. over elements and steps (the hop is LoS by
 * placement; spatial correlation of the scattered part across elements is not modelled). The cascaded contribution
 * for profile θ is Σ_n c_n(RSU) g_n e^{jθ_n}; shadowing is not applied to the RIS hops.
 */
import { ricianWeights } from '../physics/fading.ts';
import { createRandom, type Random } from '../physics/random.ts';
import { createRisPanel, type RisPanel, risHopCoefficients } from '../physics/ris-panel.ts';
import { wavelengthM } from '../physics/units.ts';
import { type Fleet, vehiclePosition } from './fleet.ts';
import { STREAM } from './random-streams.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** RIS hop coefficients of all RSUs and vehicles, and this step's fading of the vehicle hops. */
export interface RisLinks {
  readonly panel: RisPanel;
  readonly elementCount: number;
  /** c_n(RSU r) at index r · N + n. */
  readonly rsuHopRe: Float64Array;
  readonly rsuHopIm: Float64Array;
  /** ḡ_n (LoS) for vehicle k at index k · N + n. */
  readonly vehicleHopRe: Float64Array;
  readonly vehicleHopIm: Float64Array;
  /** |ḡ_n| for vehicle k at index k · N + n. */
  readonly vehicleHopMagnitude: Float64Array;
  /** |c_n(RSU r)|² at index r · N + n. */
  readonly rsuHopPower: Float64Array;
  /** This step's faded g_n for vehicle k at index k · N + n. */
  readonly fadedRe: Float64Array;
  readonly fadedIm: Float64Array;
  /** √(K_R/(K_R+1)) and √(1/(K_R+1)). */
  readonly losWeight: number;
  readonly scatteredWeight: number;
  /** Variance of the scattered cascaded sum per link (r · K + k): Σ_n |c_n(r)|² |ḡ_n(k)|² / (K_R + 1). */
  readonly scatteredVariance: Float64Array;
  readonly randoms: readonly Random[];
}

/** Builds the panel, the static RSU hops and the vehicle hops at the fleet's current positions. */
export function createRisLinks(scenario: ScenarioConfig, fleet: Fleet, seed: number): RisLinks {
  const lambda = wavelengthM(scenario.carrierHz);
  const panel = createRisPanel({
    centre: scenario.ris.centre,
    normalAzimuthRad: scenario.ris.normalAzimuthRad,
    rows: scenario.ris.rows,
    columns: scenario.ris.columns,
    elementSpacingM: scenario.ris.elementSpacingWavelengths * lambda,
    wavelengthM: lambda,
  });
  const count = panel.elementCount;
  const vehicles = fleet.x.length;
  const rsuHopRe = new Float64Array(scenario.rsus.length * count);
  const rsuHopIm = new Float64Array(scenario.rsus.length * count);
  scenario.rsus.forEach((rsu, r) => {
    risHopCoefficients(panel, rsu.position, rsuHopRe.subarray(r * count), rsuHopIm.subarray(r * count));
  });
  const rsuHopPower = rsuHopRe.map((re, i) => re * re + rsuHopIm[i]! ** 2);
  const weights = ricianWeights(10 ** (scenario.ris.vehicleHopKFactorDb / 10));
  const links: RisLinks = {
    panel,
    elementCount: count,
    rsuHopRe,
    rsuHopIm,
    vehicleHopRe: new Float64Array(vehicles * count),
    vehicleHopIm: new Float64Array(vehicles * count),
    vehicleHopMagnitude: new Float64Array(vehicles * count),
    rsuHopPower,
    fadedRe: new Float64Array(vehicles * count),
    fadedIm: new Float64Array(vehicles * count),
    losWeight: weights.los,
    scatteredWeight: weights.scattered,
    scatteredVariance: new Float64Array(scenario.rsus.length * vehicles),
    randoms: Array.from({ length: vehicles }, (_, k) => createRandom(seed, [STREAM.risHopFading, k])),
  };
  updateVehicleHops(links, fleet);
  return links;
}

/** Recomputes every vehicle's LoS hop ḡ_n and the scattered variances at the fleet's current positions. */
export function updateVehicleHops(links: RisLinks, fleet: Fleet): void {
  const count = links.elementCount;
  const vehicles = fleet.x.length;
  const rsus = links.rsuHopPower.length / count;
  const scattered2 = links.scatteredWeight * links.scatteredWeight;
  for (let k = 0; k < vehicles; k += 1) {
    const start = k * count;
    const magnitude = links.vehicleHopMagnitude.subarray(start, start + count);
    risHopCoefficients(
      links.panel,
      vehiclePosition(fleet, k),
      links.vehicleHopRe.subarray(start, start + count),
      links.vehicleHopIm.subarray(start, start + count),
      magnitude,
    );
    for (let r = 0; r < rsus; r += 1) {
      let variance = 0;
      for (let n = 0; n < count; n += 1) {
        variance += links.rsuHopPower[r * count + n]! * magnitude[n]! * magnitude[n]!;
      }
      links.scatteredVariance[r * vehicles + k] = variance * scattered2;
    }
  }
}

/** Draws this step's faded vehicle hops g_n (2N normals per vehicle from the vehicle's own stream). */
export function drawRisFading(links: RisLinks): void {
  const count = links.elementCount;
  const scale = links.scatteredWeight * Math.SQRT1_2;
  for (let k = 0; k < links.randoms.length; k += 1) {
    const random = links.randoms[k]!;
    for (let i = k * count; i < (k + 1) * count; i += 1) {
      const amplitude = links.vehicleHopMagnitude[i]! * scale;
      links.fadedRe[i] = links.losWeight * links.vehicleHopRe[i]! + amplitude * random.normal();
      links.fadedIm[i] = links.losWeight * links.vehicleHopIm[i]! + amplitude * random.normal();
    }
  }
}

/** The RSU hops with a profile applied, c_n(r) e^{jθ_n}, at index r · N + n. */
export interface ProfiledHops {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** Applies a profile (cos/sin arrays) to every RSU's hops once, so that each link then costs one product per element. */
export function profileRsuHops(links: RisLinks, profileCos: Float64Array, profileSin: Float64Array): ProfiledHops {
  const count = links.elementCount;
  const re = new Float64Array(links.rsuHopRe.length);
  const im = new Float64Array(links.rsuHopIm.length);
  for (let i = 0; i < re.length; i += 1) {
    const c = profileCos[i % count]!;
    const s = profileSin[i % count]!;
    const ar = links.rsuHopRe[i]!;
    const ai = links.rsuHopIm[i]!;
    re[i] = ar * c - ai * s;
    im[i] = ar * s + ai * c;
  }
  return { re, im };
}

/**
 * Cascaded sum Σ_n c_n(r) e^{jθ_n} x_n for RSU r and a per-element vector x of vehicle k (its LoS hop ḡ or faded hop
 * g), given the profiled RSU hops. Writes the complex result to `out`.
 */
export function cascadedSum(
  links: RisLinks,
  hops: ProfiledHops,
  r: number,
  k: number,
  hopRe: Float64Array,
  hopIm: Float64Array,
  out: { re: number; im: number },
): void {
  const count = links.elementCount;
  const rsuOffset = r * count;
  const vehicleOffset = k * count;
  const profiledRe = hops.re;
  const profiledIm = hops.im;
  let re = 0;
  let im = 0;
  for (let n = 0; n < count; n += 1) {
    const ar = profiledRe[rsuOffset + n]!;
    const ai = profiledIm[rsuOffset + n]!;
    const br = hopRe[vehicleOffset + n]!;
    const bi = hopIm[vehicleOffset + n]!;
    re += ar * br - ai * bi;
    im += ar * bi + ai * br;
  }
  out.re = re;
  out.im = im;
}
