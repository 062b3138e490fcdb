import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './default-scenario.ts';
import { advanceFleet, createFleet, vehicleIds } from './fleet.ts';

const { road } = DEFAULT_SCENARIO;

describe('fleet mobility on a looped road', () => {
  it('names vehicles v01 … and spreads them over lanes, directions and speeds', () => {
    expect(vehicleIds(3)).toEqual(['v01', 'v02', 'v03']);
    expect(vehicleIds(100)[99]).toBe('v100');
    const fleet = createFleet(road, 12, 7);
    expect(Array.from(fleet.lane)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    expect(Array.from(fleet.direction)).toEqual([1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1, -1]);
    for (let k = 0; k < 12; k += 1) {
      expect(fleet.speedMps[k]).toBeGreaterThanOrEqual(road.minSpeedMps);
      expect(fleet.speedMps[k]).toBeLessThanOrEqual(road.maxSpeedMps);
      expect(fleet.x[k]! >= 0 && fleet.x[k]! < road.lengthM).toBe(true);
      expect(fleet.y[k]).toBeCloseTo((fleet.lane[k]! + 0.5) * road.laneWidthM, 12);
    }
  });

  it("keeps one vehicle's draws independent of the fleet size", () => {
    expect(createFleet(road, 12, 7).x[3]).toBe(createFleet(road, 40, 7).x[3]);
  });

  it('moves by v Δt and wraps at both ends, flagging re-entries', () => {
    const fleet = createFleet(road, 4, 1);
    fleet.x.set([599.5, 10, 0.2, 300]);
    fleet.speedMps.fill(10);
    const wrapped = new Uint8Array(4);
    advanceFleet(fleet, road.lengthM, 0.1, wrapped);
    expect(fleet.x[0]).toBeCloseTo(0.5, 9);
    expect(fleet.x[1]).toBeCloseTo(11, 9);
    expect(fleet.x[2]).toBeCloseTo(599.2, 9);
    expect(fleet.x[3]).toBeCloseTo(299, 9);
    expect(Array.from(wrapped)).toEqual([1, 0, 1, 0]);
  });
});
