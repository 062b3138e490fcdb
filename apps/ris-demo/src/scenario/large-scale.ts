/**
 * Large-scale state of every direct RSU → vehicle link (3GPP TR 38.901 UMi street canyon or UMa): a spatially consistent
 * LOS state (a Gaussian AR(1) mapped through Φ and compared with P_LOS(d_2D), the TR's spatial-consistency idea),
 * Gudmundson AR(1) shadowing with the state's σ and decorrelation distance, and a per-link Rician K-factor
 * (log-normal, AR(1); 0 with Nakagami-m fading, whose links have no mean part). Each link draws exactly three N(0, 1) innovations per step from its own stream. d_2D is clamped
 * to the model's 10 m minimum. Links are indexed r · K + k (RSU r, vehicle k).
 */
import { standardNormalCdf } from '../physics/normal-cdf.ts';
import { createRandom, type Random } from '../physics/random.ts';
import { advanceAr1, gudmundsonCorrelation } from '../physics/shadowing.ts';
import { wavelengthM } from '../physics/units.ts';
import type { Fleet } from './fleet.ts';
import { pathLossModel } from './path-loss-model.ts';
import { STREAM } from './random-streams.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** Minimum d_2D of the UMi and UMa models, m. */
export const MIN_DISTANCE_M = 10;

/** Large-scale state and derived link parameters (structure of arrays, one entry per link). */
export interface LargeScale {
  readonly shadowState: Float64Array;
  readonly losState: Float64Array;
  readonly kState: Float64Array;
  readonly randoms: readonly Random[];
  /** 1 when the link is LOS. */
  readonly los: Uint8Array;
  /** Path loss, dB. */
  readonly pathLossDb: Float64Array;
  /** Shadowing, dB. */
  readonly shadowingDb: Float64Array;
  /** Large-scale power gain β = 10^(−(PL + SF)/10). */
  readonly gain: Float64Array;
  /** Linear Rician K of the direct link (0 in NLOS: Rayleigh). */
  readonly kLinear: Float64Array;
  /** Deterministic LoS phase −2π d_3D/λ, rad. */
  readonly losPhase: Float64Array;
}

/** Draws the initial large-scale state of every link from its stationary distribution. */
export function createLargeScale(scenario: ScenarioConfig, fleet: Fleet, seed: number): LargeScale {
  const vehicles = fleet.x.length;
  const links = scenario.rsus.length * vehicles;
  const randoms = Array.from({ length: links }, (_, link) =>
    createRandom(seed, [STREAM.largeScale, Math.floor(link / vehicles), link % vehicles]),
  );
  const state: LargeScale = {
    shadowState: new Float64Array(links),
    losState: new Float64Array(links),
    kState: new Float64Array(links),
    randoms,
    los: new Uint8Array(links),
    pathLossDb: new Float64Array(links),
    shadowingDb: new Float64Array(links),
    gain: new Float64Array(links),
    kLinear: new Float64Array(links),
    losPhase: new Float64Array(links),
  };
  for (let link = 0; link < links; link += 1) {
    state.shadowState[link] = randoms[link]!.normal();
    state.losState[link] = randoms[link]!.normal();
    state.kState[link] = randoms[link]!.normal();
  }
  deriveLinks(state, scenario, fleet);
  return state;
}

/**
 * Advances every link's AR(1) processes by the vehicle's displacement v Δt (correlation 0 for vehicles that re-entered)
 * and recomputes the derived parameters at the new positions.
 */
export function advanceLargeScale(
  state: LargeScale,
  scenario: ScenarioConfig,
  fleet: Fleet,
  wrapped: Uint8Array,
): void {
  const { channel } = scenario;
  const vehicles = fleet.x.length;
  for (let link = 0; link < state.gain.length; link += 1) {
    const k = link % vehicles;
    const random = state.randoms[link]!;
    const displacement = wrapped[k] === 1 ? Number.POSITIVE_INFINITY : fleet.speedMps[k]! * scenario.timeStepS;
    const shadowDecorrelation =
      state.los[link] === 1 ? channel.shadowingDecorrelationLosM : channel.shadowingDecorrelationNlosM;
    state.shadowState[link] = advanceAr1(
      state.shadowState[link]!,
      gudmundsonCorrelation(displacement, shadowDecorrelation),
      random.normal(),
    );
    state.losState[link] = advanceAr1(
      state.losState[link]!,
      gudmundsonCorrelation(displacement, channel.losStateDecorrelationM),
      random.normal(),
    );
    state.kState[link] = advanceAr1(
      state.kState[link]!,
      gudmundsonCorrelation(displacement, channel.kFactorDecorrelationM),
      random.normal(),
    );
  }
  deriveLinks(state, scenario, fleet);
}

function deriveLinks(state: LargeScale, scenario: ScenarioConfig, fleet: Fleet): void {
  const { channel } = scenario;
  const model = pathLossModel(channel.pathLossModel);
  const rician = channel.smallScaleFading === 'rician';
  const vehicles = fleet.x.length;
  const waveNumber = (2 * Math.PI) / wavelengthM(scenario.carrierHz);
  for (let link = 0; link < state.gain.length; link += 1) {
    const rsu = scenario.rsus[Math.floor(link / vehicles)]!;
    const k = link % vehicles;
    const horizontal = Math.hypot(fleet.x[k]! - rsu.position.x, fleet.y[k]! - rsu.position.y);
    const link3gpp = {
      distance2dM: Math.max(MIN_DISTANCE_M, horizontal),
      bsHeightM: rsu.position.z,
      utHeightM: fleet.height,
      carrierHz: scenario.carrierHz,
    };
    const los = standardNormalCdf(state.losState[link]!) < model.losProbability(link3gpp);
    const pathLoss = los ? model.losDb(link3gpp) : model.nlosDb(link3gpp);
    const shadowing = (los ? channel.shadowingSigmaLosDb : channel.shadowingSigmaNlosDb) * state.shadowState[link]!;
    const kDb = channel.kFactorMeanDb + channel.kFactorSigmaDb * state.kState[link]!;
    const distance3d = Math.hypot(horizontal, rsu.position.z - fleet.height);
    state.los[link] = los ? 1 : 0;
    state.pathLossDb[link] = pathLoss;
    state.shadowingDb[link] = shadowing;
    state.gain[link] = 10 ** (-(pathLoss + shadowing) / 10);
    state.kLinear[link] = los && rician ? 10 ** (kDb / 10) : 0;
    state.losPhase[link] = -((waveNumber * distance3d) % (2 * Math.PI));
  }
}
