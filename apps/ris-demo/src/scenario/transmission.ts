/**
 * One step's transmission on given link powers: SINRs with inter-RSU interference, NOMA/OMA service with the rate
 * cap and power control, and the consumed power. Power control makes the interference depend on the other RSUs'
 * transmit powers, so it runs in two passes (derived, conservative): the power scales are chosen on SINRs computed
 * with every active RSU at full power (idle RSUs do not transmit), then the rates are computed with each interferer
 * at its chosen mean power. The second pass only lowers interference, so every user keeps at least its capped rate.
 */
import { earthInputPowerW, risPowerW } from '../physics/base-station-power.ts';
import { servingSinrs } from './link-budget.ts';
import { type PairPlan, type ServiceResult, serve } from './noma-service.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** Inputs of {@link transmit}. */
export interface TransmissionInput {
  readonly scenario: ScenarioConfig;
  /** P_r |h_r,k|² per link (index r · K + k) at full power, W. */
  readonly powers: Float64Array;
  readonly serving: Int32Array;
  readonly noiseW: number;
  readonly pairs: readonly PairPlan[];
}

/** Serves every vehicle for one step on `powers`. */
export function transmit(input: TransmissionInput): ServiceResult {
  const { scenario, powers, serving, noiseW, pairs } = input;
  const rsuCount = scenario.rsus.length;
  const activity = new Float64Array(rsuCount);
  for (const r of serving) activity[r] = 1;
  const interference = scenario.channel.interRsuInterference;
  const gains = new Float64Array(serving.length);
  servingSinrs(powers, serving, noiseW, interference, gains, activity);
  const common = {
    serving,
    rsuCount,
    pairs,
    bandwidthHz: scenario.bandwidthHz,
    sicResidual: scenario.noma.sicResidual,
    maxSpectralEfficiency: scenario.energy.maxSpectralEfficiency,
    powerControl: scenario.energy.powerControl,
  };
  const first = serve({ ...common, gains });
  if (!scenario.energy.powerControl || !interference) return first;
  servingSinrs(powers, serving, noiseW, interference, gains, first.radiatedShare);
  return serve({ ...common, gains, scales: first.scale });
}

/** Consumed power of one step, W. */
export interface ConsumedPower {
  readonly totalW: number;
  /** Per RSU: P_0 + P_out/ν while serving, P_sleep while idle. */
  readonly rsuW: Float64Array;
  /** The RIS's static power plus the per-element power drawn this step. */
  readonly risW: number;
  /** Radiated power summed over the RSUs, W. */
  readonly radiatedW: number;
}

/**
 * The power model of `ScenarioConfig.energy` and `ScenarioConfig.ris` for one step: `radiatedShare` per RSU from
 * the service, `reconfigured` whether the transmitted RIS profile differs from the previous step's.
 */
export function consumedPower(
  scenario: ScenarioConfig,
  radiatedShare: Float64Array,
  active: Uint8Array,
  reconfigured: boolean,
): ConsumedPower {
  const { energy, ris } = scenario;
  const rsuW = new Float64Array(scenario.rsus.length);
  let radiatedW = 0;
  scenario.rsus.forEach((rsu, r) => {
    const outputW = active[r] === 1 ? rsu.txPowerW * radiatedShare[r]! : 0;
    radiatedW += outputW;
    rsuW[r] = earthInputPowerW(
      {
        maxOutputW: rsu.txPowerW,
        activeW: energy.staticPowerPerRsuW,
        slope: 1 / energy.amplifierEfficiency,
        sleepW: energy.sleepPowerPerRsuW,
      },
      // An active RSU whose power control scaled it to (near) zero still pays P_0: it is not asleep.
      active[r] === 1 ? Math.max(outputW, Number.MIN_VALUE) : 0,
    );
  });
  const elements = ris.rows * ris.columns;
  const driven = ris.elementPowerMode === 'always' || reconfigured ? elements : 0;
  const risW = risPowerW(ris.staticPowerW, driven, ris.elementPowerW);
  return { totalW: rsuW.reduce((sum, value) => sum + value, 0) + risW, rsuW, risW, radiatedW };
}

/** Per RSU: 1 when it serves at least one vehicle. */
export function activeRsus(serving: Int32Array, rsuCount: number): Uint8Array {
  const active = new Uint8Array(rsuCount);
  for (const r of serving) active[r] = 1;
  return active;
}

/**
 * The service of a step whose first fraction `oldShare` ∈ [0, 1] still ran on the previous RIS profile (the RIS
 * reconfiguration delay): rates, OMA rates and radiated shares are time-weighted; SINRs, modes and SIC outcomes are
 * those of the new profile.
 */
export function mixServices(previous: ServiceResult, next: ServiceResult, oldShare: number): ServiceResult {
  const mix = (a: Float64Array, b: Float64Array): Float64Array =>
    b.map((value, i) => oldShare * a[i]! + (1 - oldShare) * value);
  return {
    ...next,
    rateBps: mix(previous.rateBps, next.rateBps),
    omaRateBps: mix(previous.omaRateBps, next.omaRateBps),
    radiatedShare: mix(previous.radiatedShare, next.radiatedShare),
  };
}
