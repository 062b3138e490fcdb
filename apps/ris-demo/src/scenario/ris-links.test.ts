import { describe, expect, it } from 'vitest';
import { resolveScenario } from './default-scenario.ts';
import { createFleet } from './fleet.ts';
import { cascadedSum, createRisLinks, drawRisFading, profileRsuHops } from './ris-links.ts';

describe('RIS links', () => {
  it('has E|cascade|² = |√(K/(K+1)) Σ c ḡ e^{jθ}|² + Σ|c|²|ḡ|²/(K+1) at K_R = 0 dB (4σ over 3 000 draws)', () => {
    const scenario = resolveScenario({ vehicleCount: 3, ris: { rows: 8, columns: 8, vehicleHopKFactorDb: 0 } });
    const fleet = createFleet(scenario.road, 3, 2);
    fleet.x.set([150, 180, 220]);
    const links = createRisLinks(scenario, fleet, 2);
    const count = links.elementCount;
    const cos = new Float64Array(count);
    const sin = new Float64Array(count);
    for (let n = 0; n < count; n += 1) {
      cos[n] = Math.cos(0.37 * n);
      sin[n] = Math.sin(0.37 * n);
    }
    const hops = profileRsuHops(links, cos, sin);
    const out = { re: 0, im: 0 };
    const draws = 3000;
    for (let link = 0; link < 9; link += 1) {
      const r = Math.floor(link / 3);
      const k = link % 3;
      cascadedSum(links, hops, r, k, links.vehicleHopRe, links.vehicleHopIm, out);
      const expected = links.losWeight ** 2 * (out.re ** 2 + out.im ** 2) + links.scatteredVariance[link]!;
      expect(expected).toBeGreaterThan(0);
      let sum = 0;
      let sumSquares = 0;
      for (let draw = 0; draw < draws; draw += 1) {
        drawRisFading(links);
        cascadedSum(links, hops, r, k, links.fadedRe, links.fadedIm, out);
        const power = out.re ** 2 + out.im ** 2;
        sum += power;
        sumSquares += power * power;
      }
      const mean = sum / draws;
      const variance = sumSquares / draws - mean * mean;
      expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt(variance / draws));
      // The scattered part is not negligible here, so the check has teeth.
      expect(links.scatteredVariance[link]!).toBeGreaterThan(8 * Math.sqrt(variance / draws));
    }
  });

  it('is a pure LoS phasor sum when K_R = ∞ (fading draws change nothing)', () => {
    const scenario = resolveScenario({
      vehicleCount: 1,
      ris: { rows: 4, columns: 4, vehicleHopKFactorDb: Number.POSITIVE_INFINITY },
    });
    const links = createRisLinks(scenario, createFleet(scenario.road, 1, 3), 3);
    drawRisFading(links);
    expect(Array.from(links.fadedRe)).toEqual(Array.from(links.vehicleHopRe));
    expect(Array.from(links.scatteredVariance)).toEqual([0, 0, 0]);
  });
});
