/**
 * The scenario: road, roadside units (RSUs), the RIS panel, radio parameters, handover and power model. All values in
 * SI units (m, s, Hz, W); dB only for link-budget offsets (noise figure, K-factor, shadowing σ, A3 thresholds).
 * Coordinates: x along the road, y across it, z up; the road occupies 0 ≤ x < `road.lengthM`.
 */

import type { Vector3 } from '../physics/vector3.ts';

export type { Vector3 } from '../physics/vector3.ts';

/** The road: a straight segment that vehicles loop over (leaving at one end, re-entering at the other). */
export interface RoadConfig {
  /** Length of the segment in m; a vehicle leaving at x = length re-enters at x = 0 (and vice versa). */
  readonly lengthM: number;
  /** Number of lanes; the first half drives towards +x, the second half towards −x. */
  readonly laneCount: number;
  /** Lane width in m; lane i's centre line is at y = (i + 1/2) · laneWidthM. */
  readonly laneWidthM: number;
  /** Speeds are drawn once per vehicle, uniform in [minSpeedMps, maxSpeedMps]. */
  readonly minSpeedMps: number;
  /** Upper bound of the per-vehicle speed in m/s. */
  readonly maxSpeedMps: number;
  /** Antenna height of the vehicles (3GPP h_UT) in m. */
  readonly vehicleAntennaHeightM: number;
}

/** One roadside unit (a street-level small cell, 3GPP UMi street canyon). */
export interface RsuConfig {
  /** Stable identifier, e.g. `rsu1`. */
  readonly id: string;
  /** Antenna position in m; z is the 3GPP h_BS. */
  readonly position: Vector3;
  /** Total downlink transmit power in W, shared by its users (NOMA power split or OMA time shares). */
  readonly txPowerW: number;
}

/** The RIS panel: a uniform planar array in a vertical plane, facing the road. */
export interface RisConfig {
  /** Centre of the panel in m. */
  readonly centre: Vector3;
  /** Azimuth of the panel's outward normal in rad (0 = +x, π/2 = +y, −π/2 = −y); the panel is vertical. */
  readonly normalAzimuthRad: number;
  /** Element rows (vertical) and columns (horizontal); N = rows × columns. */
  readonly rows: number;
  /** Number of horizontal elements. */
  readonly columns: number;
  /** Element spacing (= element size d_x = d_y) in wavelengths. */
  readonly elementSpacingWavelengths: number;
  /** Phase resolution b in bits (2^b levels, round-to-nearest). */
  readonly phaseBits: number;
  /** Rician K-factor of the RIS → vehicle hop in dB (LoS by placement); `Infinity` for a pure LoS hop. */
  readonly vehicleHopKFactorDb: number;
  /** Power drawn per element in W at this phase resolution (Huang et al. 2019 model; value is our assumption). */
  readonly elementPowerW: number;
}

/** Large-scale and small-scale channel parameters of the direct RSU → vehicle links (3GPP TR 38.901 UMi). */
export interface ChannelConfig {
  /** Shadowing standard deviation in LOS, dB. */
  readonly shadowingSigmaLosDb: number;
  /** Shadowing standard deviation in NLOS, dB. */
  readonly shadowingSigmaNlosDb: number;
  /** Shadowing decorrelation distance in LOS, m (Gudmundson AR(1)). */
  readonly shadowingDecorrelationLosM: number;
  /** Shadowing decorrelation distance in NLOS, m. */
  readonly shadowingDecorrelationNlosM: number;
  /** Decorrelation distance of the LOS/NLOS state, m. */
  readonly losStateDecorrelationM: number;
  /** Mean Rician K-factor of LOS direct links, dB. */
  readonly kFactorMeanDb: number;
  /** Standard deviation of the K-factor, dB. */
  readonly kFactorSigmaDb: number;
  /** Decorrelation distance of the K-factor, m. */
  readonly kFactorDecorrelationM: number;
  /** Whether the other RSUs' transmissions (same band, reuse 1) interfere. */
  readonly interRsuInterference: boolean;
}

/** NOMA and OMA parameters. */
export interface NomaConfig {
  /** Residual fraction ε of the far user's power left after imperfect SIC (0 = perfect SIC). */
  readonly sicResidual: number;
  /** Far user's minimum spectral efficiency in bit/s/Hz used by the closed-form split (α_min). */
  readonly farUserMinSpectralEfficiency: number;
}

/** Event A3 handover parameters (TS 38.331), with all cell/frequency offsets 0. */
export interface HandoverConfig {
  /** Hysteresis Hys in dB. */
  readonly hysteresisDb: number;
  /** a3-Offset Off in dB. */
  readonly a3OffsetDb: number;
  /** timeToTrigger in s. */
  readonly timeToTriggerS: number;
  /** Layer-3 filter coefficient k (a = 1/2^(k/4)). */
  readonly l3FilterCoefficient: number;
  /** A return to the previous RSU within this time of stay counts as a ping-pong, s. */
  readonly pingPongWindowS: number;
  /** An executed handover fails if the target's mean SINR is below this (Q_out), dB. */
  readonly failureSinrDb: number;
}

/** Power consumption model for energy efficiency (Huang et al. 2019). */
export interface EnergyConfig {
  /** Power-amplifier efficiency ν in (0, 1]. */
  readonly amplifierEfficiency: number;
  /** Static circuit power per RSU (including its users' receivers), W. */
  readonly staticPowerPerRsuW: number;
}

/** A full scenario. Build one with `resolveScenario` (defaults plus overrides, validated). */
export interface ScenarioConfig {
  /** One time step Δt for every entity, s. */
  readonly timeStepS: number;
  /** Carrier frequency, Hz. */
  readonly carrierHz: number;
  /** Downlink bandwidth of each RSU (reuse 1), Hz. */
  readonly bandwidthHz: number;
  /** Receiver noise figure of the vehicles, dB. */
  readonly noiseFigureDb: number;
  /** Number of vehicles on the road. */
  readonly vehicleCount: number;
  /** The road. */
  readonly road: RoadConfig;
  /** The roadside units. */
  readonly rsus: readonly RsuConfig[];
  /** The RIS panel. */
  readonly ris: RisConfig;
  /** Direct-link channel model. */
  readonly channel: ChannelConfig;
  /** NOMA parameters. */
  readonly noma: NomaConfig;
  /** Handover parameters. */
  readonly handover: HandoverConfig;
  /** Power model. */
  readonly energy: EnergyConfig;
}

/** Overrides for `resolveScenario`: any top-level field, and any field of a nested section. */
export type ScenarioOverrides = {
  readonly [TKey in keyof ScenarioConfig]?: ScenarioConfig[TKey] extends readonly unknown[]
    ? ScenarioConfig[TKey]
    : ScenarioConfig[TKey] extends object
      ? Partial<ScenarioConfig[TKey]>
      : ScenarioConfig[TKey];
};
