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
  /**
   * When the per-element power is drawn: `always` (Huang et al. 2019: every element, every step) or `reconfigured`
   * (only in steps whose transmitted profile differs from the previous step's, e.g. drivers loading a new profile).
   */
  readonly elementPowerMode: 'always' | 'reconfigured';
  /** Power of the controller (FPGA board and drive circuits; J. Wang et al. 2024's P_static), always drawn, W. */
  readonly staticPowerW: number;
  /**
   * Reconfiguration delay τ in s (0 ≤ τ ≤ Δt): in a step whose profile changed, the first τ of the step still carries
   * the previous step's profile, so rates are the time-weighted mix of the old and the new profile's rates.
   */
  readonly reconfigurationDelayS: number;
  /**
   * The controller re-co-phases an unchanged favour list for the vehicles' new positions every this many steps
   * (1 = every step, tracking); a new favour list or a handover of a favoured vehicle re-steers at once.
   */
  readonly retuneIntervalSteps: number;
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
  /** Path loss and LOS probability of the direct links: 3GPP TR 38.901 UMi street canyon or UMa. */
  readonly pathLossModel: 'umi' | 'uma';
  /**
   * Small-scale fading of the direct links: `rician` (K-factor above in LOS, Rayleigh in NLOS) or `nakagami`
   * (Nakagami-m with `nakagamiM`, zero-mean, in every state).
   */
  readonly smallScaleFading: 'rician' | 'nakagami';
  /** Nakagami shape m ≥ 1/2 (used when `smallScaleFading` is `nakagami`; m = 1 is Rayleigh). */
  readonly nakagamiM: number;
}

/**
 * Channel-state information the decisions are made on (agents, baselines, the RIS controller and `predict`); the
 * simulation itself always runs on the true channels. The estimate of each mean coefficient x is
 * x̂ = x(t − d Δt) + e, e ~ CN(0, NMSE · E|x|²), redrawn every step.
 */
export interface CsiConfig {
  /** Normalised mean-square error of the estimate in dB (e.g. −20); null for error-free estimates. */
  readonly nmseDb: number | null;
  /** Staleness d in steps: decisions at step t use the channel of step t − d (0 = current). */
  readonly delaySteps: number;
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

/**
 * Power consumption model: per RSU the load-dependent EARTH model (G. Auer et al., "How much energy is needed to run
 * a wireless network?", IEEE Wireless Commun. 18(5), 2011) P_in = P_0 + P_out/ν while it serves someone and P_sleep
 * while idle, with P_out the radiated power as allocated; plus the RIS (see `RisConfig`).
 */
export interface EnergyConfig {
  /** Power-amplifier efficiency ν in (0, 1] (EARTH's Δ_p = 1/ν). */
  readonly amplifierEfficiency: number;
  /** Load-independent circuit power P_0 of an active RSU, W. */
  readonly staticPowerPerRsuW: number;
  /** Power of an RSU that serves nobody in a step (it does not transmit, so it does not interfere either), W. */
  readonly sleepPowerPerRsuW: number;
  /**
   * Power control: each transmission (OMA slot or NOMA pair) uses the least power that loses no rate once rates are
   * capped at `maxSpectralEfficiency`; off: every active RSU radiates its full `txPowerW`.
   */
  readonly powerControl: boolean;
  /** Highest spectral efficiency of the modulation and coding, bit/s/Hz (7.4063: 256-QAM, TS 38.214); null: none. */
  readonly maxSpectralEfficiency: number | null;
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
  /** Channel-state information the decisions see. */
  readonly csi: CsiConfig;
}

/** Overrides for `resolveScenario`: any top-level field, and any field of a nested section. */
export type ScenarioOverrides = {
  readonly [TKey in keyof ScenarioConfig]?: ScenarioConfig[TKey] extends readonly unknown[]
    ? ScenarioConfig[TKey]
    : ScenarioConfig[TKey] extends object
      ? Partial<ScenarioConfig[TKey]>
      : ScenarioConfig[TKey];
};
