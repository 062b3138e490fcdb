/**
 * Vehicle mobility on a looped road: each vehicle keeps its lane and a constant speed drawn once, uniform in
 * [minSpeedMps, maxSpeedMps]; lanes 0 … L/2 − 1 drive towards +x, the others towards −x. A vehicle leaving the segment
 * re-enters at the other end (treated as a new arrival: fresh large-scale state and a new attachment). There is no
 * car-following: vehicles in a lane may pass through each other (no blockage is modelled).
 */
import { createRandom } from '../physics/random.ts';
import type { Vector3 } from '../physics/vector3.ts';
import { STREAM } from './random-streams.ts';
import type { RoadConfig } from './scenario-config.ts';

/** Mutable state of the fleet (structure of arrays). */
export interface Fleet {
  readonly ids: readonly string[];
  readonly lane: Int32Array;
  readonly direction: Int8Array;
  readonly speedMps: Float64Array;
  /** Position along the road, m, in [0, length). */
  readonly x: Float64Array;
  /** Lateral position (lane centre), m. */
  readonly y: Float64Array;
  /** Antenna height, m. */
  readonly height: number;
}

/** Vehicle ids `v01`, `v02`, … (zero-padded to the count's width). */
export function vehicleIds(count: number): string[] {
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, index) => `v${String(index + 1).padStart(width, '0')}`);
}

/** Places `count` vehicles: lane i mod L, position and speed from the vehicle's own mobility stream. */
export function createFleet(road: RoadConfig, count: number, seed: number): Fleet {
  const lane = new Int32Array(count);
  const direction = new Int8Array(count);
  const speedMps = new Float64Array(count);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const forwardLanes = Math.ceil(road.laneCount / 2);
  for (let index = 0; index < count; index += 1) {
    const random = createRandom(seed, [STREAM.mobility, index]);
    lane[index] = index % road.laneCount;
    direction[index] = lane[index]! < forwardLanes ? 1 : -1;
    x[index] = random.uniform() * road.lengthM;
    speedMps[index] = road.minSpeedMps + random.uniform() * (road.maxSpeedMps - road.minSpeedMps);
    y[index] = (lane[index]! + 0.5) * road.laneWidthM;
  }
  return { ids: vehicleIds(count), lane, direction, speedMps, x, y, height: road.vehicleAntennaHeightM };
}

/**
 * Moves every vehicle by v Δt along its direction, wrapping at the ends; writes 1 to `wrapped[i]` for vehicles that
 * re-entered (0 otherwise).
 */
export function advanceFleet(fleet: Fleet, lengthM: number, timeStepS: number, wrapped: Uint8Array): void {
  for (let index = 0; index < fleet.x.length; index += 1) {
    let x = fleet.x[index]! + fleet.direction[index]! * fleet.speedMps[index]! * timeStepS;
    wrapped[index] = 0;
    if (x >= lengthM || x < 0) {
      x -= Math.floor(x / lengthM) * lengthM;
      x = x >= lengthM ? 0 : x;
      wrapped[index] = 1;
    }
    fleet.x[index] = x;
  }
}

/** Antenna position of vehicle `index`, m. */
export function vehiclePosition(fleet: Fleet, index: number): Vector3 {
  return { x: fleet.x[index]!, y: fleet.y[index]!, z: fleet.height };
}
