/**
 * Serving-cell management: RSRP measurement once per step (the L1 sample is the local-mean received power
 * P_r E|h|², i.e. wideband L1 averaging removes fast fading), layer-3 filtering and event A3 with TTT per
 * (vehicle, neighbour) (physics/a3-handover.ts, TS 38.331). Handover requests execute only when A3 has triggered
 * toward the target; an executed handover fails when the target's mean SINR is below Q_out (the vehicle then stays on
 * its source). A successful return to the previous RSU within the ping-pong window counts as a ping-pong. Vehicles
 * that re-enter the road attach to the strongest RSU (initial access, not a handover).
 */
import {
  type A3Parameters,
  type A3State,
  createA3State,
  l3Filter,
  l3FilterWeight,
  updateA3,
} from '../physics/a3-handover.ts';
import { wattsToDbm } from '../physics/units.ts';
import type { HandoverDecision } from './actions.ts';
import type { HandoverOutcome, Rejection } from './types.ts';

/** Mutable handover state; per-link arrays are indexed r · K + k. */
export interface HandoverState {
  readonly rsuCount: number;
  readonly vehicleCount: number;
  readonly serving: Int32Array;
  /** Latest L1 sample (local-mean received power), W. */
  readonly sampleW: Float64Array;
  /** L3-filtered RSRP, dBm. */
  readonly filteredDbm: Float64Array;
  readonly a3: A3State[];
  readonly previousServing: Int32Array;
  readonly lastHandoverS: Float64Array;
}

/** Creates the state; every vehicle attaches at the first `measure` call. */
export function createHandoverState(rsuCount: number, vehicleCount: number): HandoverState {
  const links = rsuCount * vehicleCount;
  return {
    rsuCount,
    vehicleCount,
    serving: new Int32Array(vehicleCount).fill(-1),
    sampleW: new Float64Array(links),
    filteredDbm: new Float64Array(links),
    a3: Array.from({ length: links }, createA3State),
    previousServing: new Int32Array(vehicleCount).fill(-1),
    lastHandoverS: new Float64Array(vehicleCount).fill(Number.NEGATIVE_INFINITY),
  };
}

/** Parameters of `measure` and `executeHandovers`. */
export interface HandoverParameters extends A3Parameters {
  readonly filterCoefficient: number;
  readonly pingPongWindowS: number;
  readonly failureSinr: number;
  readonly noiseW: number;
  readonly interference: boolean;
}

function resetVehicle(state: HandoverState, k: number): void {
  for (let r = 0; r < state.rsuCount; r += 1) {
    state.a3[r * state.vehicleCount + k] = createA3State();
  }
}

/**
 * Takes one sample per link (received power in W), filters it and updates A3. Vehicles flagged in `attach` (or not
 * yet attached) restart their filters and attach to the strongest RSU.
 */
export function measure(
  state: HandoverState,
  receivedW: Float64Array,
  timeS: number,
  attach: Uint8Array,
  parameters: HandoverParameters,
): void {
  const weight = l3FilterWeight(parameters.filterCoefficient);
  const { vehicleCount: vehicles } = state;
  for (let k = 0; k < vehicles; k += 1) {
    const fresh = attach[k] === 1 || state.serving[k]! < 0;
    let best = 0;
    for (let r = 0; r < state.rsuCount; r += 1) {
      const link = r * vehicles + k;
      state.sampleW[link] = receivedW[link]!;
      const sampleDbm = wattsToDbm(receivedW[link]!);
      state.filteredDbm[link] = l3Filter(fresh ? null : state.filteredDbm[link]!, sampleDbm, weight);
      if (state.filteredDbm[link]! > state.filteredDbm[best * vehicles + k]!) best = r;
    }
    if (fresh) {
      state.serving[k] = best;
      state.previousServing[k] = -1;
      state.lastHandoverS[k] = Number.NEGATIVE_INFINITY;
      resetVehicle(state, k);
    }
    const servingDbm = state.filteredDbm[state.serving[k]! * vehicles + k]!;
    for (let r = 0; r < state.rsuCount; r += 1) {
      if (r !== state.serving[k]) {
        const link = r * vehicles + k;
        updateA3(state.a3[link]!, state.filteredDbm[link]!, servingDbm, timeS, parameters);
      }
    }
  }
}

/** RSUs whose A3 event is triggered for vehicle k, best filtered RSRP first. */
export function triggeredTargets(state: HandoverState, k: number): number[] {
  const targets: number[] = [];
  for (let r = 0; r < state.rsuCount; r += 1) {
    if (r !== state.serving[k] && state.a3[r * state.vehicleCount + k]!.triggered) targets.push(r);
  }
  return targets.sort(
    (a, b) => state.filteredDbm[b * state.vehicleCount + k]! - state.filteredDbm[a * state.vehicleCount + k]!,
  );
}

/** Mean SINR of vehicle k on RSU r from the latest samples: S / (σ² + Σ other RSUs' samples if interfering). */
export function sampledSinr(state: HandoverState, k: number, r: number, parameters: HandoverParameters): number {
  return linkSinr(state.sampleW, state.vehicleCount, k, r, parameters);
}

/** SINR of vehicle k on RSU r from per-link received powers (index r · K + k): S / (σ² + Σ other RSUs if interfering). */
export function linkSinr(
  powers: Float64Array,
  vehicleCount: number,
  k: number,
  r: number,
  parameters: Pick<HandoverParameters, 'noiseW' | 'interference'>,
): number {
  let interference = 0;
  if (parameters.interference) {
    for (let other = 0; other * vehicleCount < powers.length; other += 1) {
      if (other !== r) interference += powers[other * vehicleCount + k]!;
    }
  }
  return powers[r * vehicleCount + k]! / (parameters.noiseW + interference);
}

/**
 * Executes the requested handovers that A3 allows (mutating `state` unless `dryRun`), and reports the outcome.
 * A vehicle gets at most one handover per step.
 */
export function executeHandovers(
  state: HandoverState,
  decisions: readonly HandoverDecision[],
  context: {
    readonly timeS: number;
    readonly vehicleIndex: ReadonlyMap<string, number>;
    readonly rsuIds: readonly string[];
    readonly parameters: HandoverParameters;
    readonly dryRun?: boolean;
  },
): HandoverOutcome {
  const rsuIndex = new Map(context.rsuIds.map((id, index) => [id, index]));
  const succeeded: { vehicleId: string; fromRsuId: string; toRsuId: string }[] = [];
  const failed: { vehicleId: string; fromRsuId: string; toRsuId: string }[] = [];
  const rejected: Rejection[] = [];
  const pingPongVehicleIds: string[] = [];
  const handled = new Set<number>();
  for (const decision of decisions) {
    const k = context.vehicleIndex.get(decision.vehicleId);
    const target = rsuIndex.get(decision.targetRsuId);
    const reject = (reason: string): void => {
      rejected.push({ vehicleId: decision.vehicleId, reason });
    };
    if (k === undefined) reject('unknown vehicle');
    else if (target === undefined) reject(`unknown RSU ${decision.targetRsuId}`);
    else if (handled.has(k)) reject('one handover per vehicle and step');
    else if (target === state.serving[k]) reject('already served by the target');
    else if (!state.a3[target * state.vehicleCount + k]!.triggered) reject('event A3 has not triggered toward target');
    else {
      handled.add(k);
      const source = state.serving[k]!;
      const record = {
        vehicleId: decision.vehicleId,
        fromRsuId: context.rsuIds[source]!,
        toRsuId: decision.targetRsuId,
      };
      if (sampledSinr(state, k, target, context.parameters) < context.parameters.failureSinr) {
        failed.push(record);
        continue;
      }
      succeeded.push(record);
      const pingPong =
        target === state.previousServing[k] &&
        context.timeS - state.lastHandoverS[k]! < context.parameters.pingPongWindowS;
      if (pingPong) pingPongVehicleIds.push(decision.vehicleId);
      if (!context.dryRun) {
        state.previousServing[k] = source;
        state.lastHandoverS[k] = context.timeS;
        state.serving[k] = target;
        resetVehicle(state, k);
      }
    }
  }
  return { succeeded, failed, rejected, pingPongVehicleIds };
}
