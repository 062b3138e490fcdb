/**
 * What the simulation shows the agents (`Observation`), what one step produced (`StepOutcome`, `Kpis`) and what a
 * candidate action would produce on the current large-scale channel (`PredictedKpis`). Units are SI (m, s, Hz, W,
 * bit/s, bit/J); fields ending in `Db`/`Dbm` are for display and link budgets.
 */
import type { RisAction, StepActions } from './actions.ts';
import type { ScenarioConfig, ScenarioOverrides, Vector3 } from './scenario-config.ts';

export type { ScenarioConfig, ScenarioOverrides, Vector3 } from './scenario-config.ts';

/** What the agents see of one vehicle at the current time. */
export interface VehicleObservation {
  readonly id: string;
  /** Lane index (0-based). */
  readonly lane: number;
  /** Driving direction along x: +1 or −1. */
  readonly direction: 1 | -1;
  /** Antenna position, m. */
  readonly position: Vector3;
  /** Speed, m/s. */
  readonly speedMps: number;
  /** RSU currently serving the vehicle. */
  readonly servingRsuId: string;
  /** Layer-3-filtered RSRP per RSU id, dBm (what event A3 is evaluated on). */
  readonly rsrpDbm: Readonly<Record<string, number>>;
  /** RSUs for which event A3 has triggered (entering condition held for timeToTrigger), best margin first. */
  readonly a3TriggeredRsuIds: readonly string[];
  /** Mean SINR on the serving link with the current RIS profile (fast fading averaged out), dB. */
  readonly meanSinrDb: number;
  /** Upper bound of the RIS gain on the serving link if the RIS co-phased for this vehicle alone, dB. */
  readonly risPotentialGainDb: number;
  /** SINR achieved in the last step (after NOMA/OMA), dB; null before the first step. */
  readonly lastSinrDb: number | null;
  /** Rate achieved in the last step, bit/s; null before the first step. */
  readonly lastRateBps: number | null;
  /** Maximum Doppler shift v f_c / c, Hz. */
  readonly dopplerHz: number;
  /** Coherence time 0.423 / f_d, s (Rappaport); ≪ the time step, so fading is independent per step. */
  readonly coherenceTimeS: number;
}

/** A vehicle served by an RSU with its effective (normalised) gain γ = P E|h_eff|² / (σ² + I). */
export interface ServedVehicle {
  readonly vehicleId: string;
  /** γ, linear (noise and inter-RSU interference included, RIS profile applied, fast fading averaged). */
  readonly effectiveGain: number;
  /** γ in dB. */
  readonly effectiveGainDb: number;
}

/** What the agents see of one RSU. */
export interface RsuObservation {
  readonly id: string;
  readonly position: Vector3;
  readonly txPowerW: number;
  /** Served vehicles, strongest effective gain first (the SIC order: weaker users are decoded first). */
  readonly servedVehicles: readonly ServedVehicle[];
}

/** State of the RIS panel. */
export interface RisObservation {
  readonly position: Vector3;
  readonly elementCount: number;
  readonly phaseBits: number;
  /** The favour list the current profile was computed for (empty before any RIS action). */
  readonly favour: RisAction['favour'];
  /** Phase level of each element, 0 … 2^b − 1 (phase = level · 2π / 2^b), row-major. */
  readonly phaseLevels: readonly number[];
}

/** Everything the agents see at the current time. */
export interface Observation {
  /** Number of steps taken so far. */
  readonly stepIndex: number;
  /** Simulated time, s. */
  readonly timeS: number;
  readonly vehicles: readonly VehicleObservation[];
  readonly rsus: readonly RsuObservation[];
  readonly ris: RisObservation;
}

/** How a vehicle was served in a step. */
export type ServiceMode = 'oma' | 'noma-near' | 'noma-far';

/** What happened to one vehicle during a step. */
export interface VehicleOutcome {
  readonly vehicleId: string;
  /** Position during the step (at its start), m. */
  readonly position: Vector3;
  readonly servingRsuId: string;
  readonly mode: ServiceMode;
  /** Post-detection SINR (after SIC where it applies), dB. */
  readonly sinrDb: number;
  /** Achieved rate, bit/s (Shannon rate at the SINR, times the vehicle's time share). */
  readonly rateBps: number;
  /** Rate this vehicle would get with equal-share TDMA among its RSU's users (OMA baseline), bit/s. */
  readonly omaRateBps: number;
  /** Received signal power on the serving link with the RIS profile vs. without the RIS, dB. */
  readonly risGainDb: number;
  /** True if this vehicle was the SIC user of a pair and could not decode its partner (SIC failure). */
  readonly sicFailure: boolean;
}

/** Why a requested pair or handover was not applied. */
export interface Rejection {
  readonly vehicleId: string;
  readonly reason: string;
}

/** Handovers of one step. */
export interface HandoverOutcome {
  /** Executed handovers (A3 had triggered) whose target's mean SINR is above Q_out. */
  readonly succeeded: readonly { readonly vehicleId: string; readonly fromRsuId: string; readonly toRsuId: string }[];
  /** Executed handovers that failed (target mean SINR below Q_out); the vehicle stays on its source RSU. */
  readonly failed: readonly { readonly vehicleId: string; readonly fromRsuId: string; readonly toRsuId: string }[];
  /** Requests refused because A3 had not triggered toward the target (or the request was invalid). */
  readonly rejected: readonly Rejection[];
  /** Successful handovers back to the previous RSU within the ping-pong window. */
  readonly pingPongVehicleIds: readonly string[];
}

/** Key performance indicators of one step, all in physical units. */
export interface Kpis {
  /** Sum of the achieved rates, bit/s. */
  readonly sumRateBps: number;
  /** Sum rate of the OMA (equal-share TDMA) baseline on the same channel, bit/s. */
  readonly omaSumRateBps: number;
  /** Jain's fairness index of the per-vehicle rates (1 when all are 0). */
  readonly jainFairness: number;
  /** Energy efficiency B Σ SE / P_tot = sum rate / total power, bit/J. */
  readonly energyEfficiencyBitPerJ: number;
  /** Total consumed power of this step (EARTH model per RSU as allocated, plus the RIS; see `StepPower`), W. */
  readonly totalPowerW: number;
  readonly handoverSuccesses: number;
  readonly handoverFailures: number;
  readonly handoversRejected: number;
  readonly pingPongs: number;
  /** NOMA pairs whose chosen order was infeasible on this step's channel. */
  readonly sicFailures: number;
  /** NOMA pairs refused as invalid (unknown vehicles, wrong RSU, α outside (0, 1), vehicle used twice). */
  readonly invalidPairs: number;
  /** Served-signal gain of the applied RIS profile vs. no RIS, averaged over vehicles in dB. */
  readonly risGainDb: number;
  /** Served-signal gain of the applied RIS profile vs. random phases (same fading), averaged in dB. */
  readonly risGainVsRandomDb: number;
}

/** Everything one step produced. */
export interface StepOutcome {
  /** Index of this step (0 for the first). */
  readonly stepIndex: number;
  /** Time at the start of the step, s. */
  readonly timeS: number;
  readonly vehicles: readonly VehicleOutcome[];
  /** NOMA pairs applied (valid ones) and refused ones. */
  readonly noma: {
    readonly appliedPairs: readonly {
      readonly rsuId: string;
      readonly nearVehicleId: string;
      readonly farVehicleId: string;
      readonly farPowerShare: number;
    }[];
    readonly rejected: readonly Rejection[];
  };
  readonly handovers: HandoverOutcome;
  /** The favour list the RIS profile was co-phased for this step. */
  readonly risFavour: RisAction['favour'];
  /** Favour entries refused (unknown vehicle, weight not > 0, listed twice). */
  readonly risRejected: readonly Rejection[];
  readonly kpis: Kpis;
  /** Where the power went in this step. */
  readonly power: StepPower;
}

/** Power consumption of one step, W (physics/base-station-power.ts, scenario/transmission.ts). */
export interface StepPower {
  readonly totalW: number;
  /** Radiated power summed over the RSUs, as allocated (power control, idle RSUs off). */
  readonly radiatedW: number;
  /** Consumed power per RSU id: P_0 + P_out/ν while serving, P_sleep while idle. */
  readonly rsuW: Readonly<Record<string, number>>;
  /** The RIS's static power plus the per-element power drawn in this step. */
  readonly risW: number;
  /** Whether the transmitted RIS profile differs from the previous step's. */
  readonly risReconfigured: boolean;
}

/** Deterministic evaluation of candidate actions on the current large-scale channel (no fast fading, no RNG). */
export interface PredictedKpis {
  readonly sumRateBps: number;
  readonly omaSumRateBps: number;
  readonly jainFairness: number;
  readonly energyEfficiencyBitPerJ: number;
  readonly sicFailures: number;
  readonly invalidPairs: number;
  /** Requested handovers that would execute (A3 triggered). */
  readonly handoversExecutable: number;
  readonly handoversRejected: number;
  /** Predicted rate per vehicle id, bit/s. */
  readonly rateBpsByVehicle: Readonly<Record<string, number>>;
  /** Predicted consumed power, W (energy per bit = totalPowerW / sumRateBps). */
  readonly totalPowerW: number;
  /** Whether the actions would change the transmitted RIS profile (costing element power and the reconfiguration delay). */
  readonly risReconfigured: boolean;
}

/** Options of `predict`. */
export interface PredictOptions {
  /**
   * `estimated` (default): the channel the decisions see (imperfect, possibly stale CSI, as configured);
   * `true`: the true mean channel (a genie bound). Identical when CSI is perfect.
   */
  readonly channel?: 'estimated' | 'true';
}

/** A running simulation. */
export interface Simulation {
  /** The resolved scenario. */
  readonly scenario: ScenarioConfig;
  /** The seed all random streams derive from. */
  readonly seed: number;
  /** What the agents see now (cheap; does not advance anything). */
  observe(): Observation;
  /** Applies the actions, advances time by one Δt, and reports the step. */
  step(actions: StepActions): StepOutcome;
  /**
   * What `step(actions)` would yield on the current large-scale channel, without fast fading or state change, as
   * the decisions can know it (the estimated channel unless `options.channel` is `true`).
   */
  predict(actions: StepActions, options?: PredictOptions): PredictedKpis;
}

/** Options of `createSimulation`. */
export interface SimulationOptions {
  /** Overrides of the default scenario. */
  readonly scenario?: ScenarioOverrides;
  /** Seed of every random stream (an integer; 0 is a valid seed). */
  readonly seed: number;
}
