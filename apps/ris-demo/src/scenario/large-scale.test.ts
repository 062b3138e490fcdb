import { describe, expect, it } from 'vitest';
import { umiLosPathLossDb, umiNlosPathLossDb } from '../physics/umi-path-loss.ts';
import { DEFAULT_SCENARIO, resolveScenario } from './default-scenario.ts';
import type { Fleet } from './fleet.ts';
import { advanceLargeScale, createLargeScale } from './large-scale.ts';

const count = 6000;
const scenario = resolveScenario({
  vehicleCount: count,
  rsus: [{ id: 'rsu1', position: { x: 0, y: 0, z: 10 }, txPowerW: 1 }],
});

/** Every vehicle at d_2D = 100 m from the single RSU. */
function fleetAt100m(): Fleet {
  return {
    ids: Array.from({ length: count }, (_, k) => `v${k}`),
    lane: new Int32Array(count),
    direction: new Int8Array(count).fill(1),
    speedMps: new Float64Array(count).fill(15),
    x: new Float64Array(count).fill(100),
    y: new Float64Array(count),
    height: 1.5,
  };
}

describe('UMi large-scale state per link', () => {
  const fleet = fleetAt100m();
  const state = createLargeScale(scenario, fleet, 3);
  const link = { distance2dM: 100, bsHeightM: 10, utHeightM: 1.5, carrierHz: scenario.carrierHz };

  it('draws LOS with probability P_LOS(100 m) = 0.2310 (4σ over 6 000 links)', () => {
    const fraction = state.los.reduce((sum, los) => sum + los, 0) / count;
    expect(Math.abs(fraction - 0.231)).toBeLessThan(4 * Math.sqrt((0.231 * 0.769) / count));
  });

  it('uses the state’s path loss and σ_SF, and β = 10^(−(PL + SF)/10)', () => {
    let nlosCount = 0;
    let nlosSquares = 0;
    for (let k = 0; k < count; k += 1) {
      const expected = state.los[k] === 1 ? umiLosPathLossDb(link) : umiNlosPathLossDb(link);
      expect(state.pathLossDb[k]).toBeCloseTo(expected, 10);
      expect(state.gain[k]).toBeCloseTo(10 ** (-(state.pathLossDb[k]! + state.shadowingDb[k]!) / 10), 20);
      if (state.los[k] === 0) {
        nlosCount += 1;
        nlosSquares += state.shadowingDb[k]! ** 2;
        expect(state.kLinear[k]).toBe(0);
      }
    }
    // Sample variance of N(0, σ²): standard error σ² √(2/n).
    const sigma2 = DEFAULT_SCENARIO.channel.shadowingSigmaNlosDb ** 2;
    expect(Math.abs(nlosSquares / nlosCount - sigma2)).toBeLessThan(4 * sigma2 * Math.sqrt(2 / nlosCount));
  });

  it('stays stationary under the AR(1) updates (LOS fraction after 100 steps, 4σ)', () => {
    const moving = createLargeScale(scenario, fleet, 4);
    const wrapped = new Uint8Array(count);
    for (let step = 0; step < 100; step += 1) advanceLargeScale(moving, scenario, fleet, wrapped);
    const fraction = moving.los.reduce((sum, los) => sum + los, 0) / count;
    expect(Math.abs(fraction - 0.231)).toBeLessThan(4 * Math.sqrt((0.231 * 0.769) / count));
  });
});
