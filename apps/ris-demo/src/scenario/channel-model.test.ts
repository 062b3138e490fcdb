import { describe, expect, it } from 'vitest';
import { coPhaseProfile } from '../physics/co-phasing.ts';
import {
  createChannelModel,
  drawFading,
  meanDirectPowerGain,
  meanPowerGain,
  profiledHops,
  realizedChannel,
} from './channel-model.ts';
import { resolveScenario } from './default-scenario.ts';
import { createFleet } from './fleet.ts';
import { applyFavour, bestMeanPowerGain, coPhasingUser, createZeroProfile } from './ris-control.ts';

const scenario = resolveScenario({ vehicleCount: 4, ris: { rows: 8, columns: 8 } });

describe('channel model', () => {
  it('has E|h|² of the realized channel equal to meanPowerGain for every link (4σ over 4 000 draws)', () => {
    const fleet = createFleet(scenario.road, 4, 5);
    fleet.x.set([110, 160, 200, 250]);
    const model = createChannelModel(scenario, fleet, 5);
    const profile = createZeroProfile(64);
    applyFavour(model, new Int32Array([0, 0, 1, 1]), [{ vehicle: 1, weight: 1 }], 2, profile);
    const hops = profiledHops(model, profile);
    const links = model.rsuCount * model.vehicleCount;
    const draws = 4000;
    const sum = new Float64Array(links);
    const sumSquares = new Float64Array(links);
    const out = { re: 0, im: 0 };
    for (let draw = 0; draw < draws; draw += 1) {
      drawFading(model);
      for (let link = 0; link < links; link += 1) {
        realizedChannel(model, link, hops, out);
        const power = out.re ** 2 + out.im ** 2;
        sum[link]! += power;
        sumSquares[link]! += power * power;
      }
    }
    for (let link = 0; link < links; link += 1) {
      const mean = sum[link]! / draws;
      const variance = sumSquares[link]! / draws - mean * mean;
      expect(Math.abs(mean - meanPowerGain(model, link, hops))).toBeLessThan(4 * Math.sqrt(variance / draws));
    }
  });

  it('lets the RIS raise the favoured vehicle’s mean power gain, never below the direct β by much', () => {
    const fleet = createFleet(scenario.road, 4, 6);
    fleet.x.set([180, 190, 200, 210]);
    const model = createChannelModel(scenario, fleet, 6);
    const serving = new Int32Array(4);
    const profile = createZeroProfile(64);
    applyFavour(model, serving, [{ vehicle: 2, weight: 1 }], 2, profile);
    const favoured = meanPowerGain(model, 2, profiledHops(model, profile));
    const unfavoured = meanPowerGain(model, 2, profiledHops(model, createZeroProfile(64)));
    expect(favoured).toBeGreaterThan(unfavoured);
    expect(favoured).toBeGreaterThan(meanDirectPowerGain(model, 2));
  });
});

describe('best mean power gain', () => {
  it('equals the mean power gain with continuous co-phasing for that vehicle alone', () => {
    const fleet = createFleet(scenario.road, 4, 8);
    fleet.x.set([120, 160, 200, 240]);
    const model = createChannelModel(scenario, fleet, 8);
    for (const [r, k] of [
      [0, 1],
      [1, 3],
    ] as const) {
      const phases = new Float64Array(64);
      coPhaseProfile([coPhasingUser(model, r, k, 1)], phases);
      const profile = { cos: phases.map(Math.cos), sin: phases.map(Math.sin) };
      const link = r * model.vehicleCount + k;
      expect(bestMeanPowerGain(model, r, k) / meanPowerGain(model, link, profiledHops(model, profile))).toBeCloseTo(
        1,
        10,
      );
    }
  });
});
