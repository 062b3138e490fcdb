import { describe, expect, it } from 'vitest';
import { viridis } from './colour-ramp.ts';
import { addRisGain, createRisGainGrid } from './ris-gain-grid.ts';
import { renderRoadMapChart } from './road-map-chart.ts';

const geometry = {
  lengthM: 600,
  laneCount: 4,
  laneWidthM: 3.5,
  rsus: [
    { id: 'rsu1', x: 100, y: -3 },
    { id: 'rsu2', x: 300, y: -3 },
  ],
  ris: { x: 100, y: 19, normalAzimuthRad: -Math.PI / 3 },
};

describe('road map chart', () => {
  it('colours visited cells on the shared scale, greys out empty ones and draws RSUs and the RIS', () => {
    const grid = createRisGainGrid({ lengthM: 600, segments: 60, lanes: 4, laneWidthM: 3.5 });
    addRisGain(grid, 205, 1, 10);
    addRisGain(grid, 5, 12, 0);
    const svg = renderRoadMapChart({ id: 'map', title: 'RIS gain', geometry, grid, colourDomainDb: [0, 10] });
    expect(svg.match(/<rect class="cell"/g)).toHaveLength(2);
    expect(svg.match(/<rect class="cell-empty"/g)).toHaveLength(238);
    expect(svg).toContain(`fill="${viridis(1)}"><title>x 200–210 m, lane 1: 10.0 dB mean of 1</title>`);
    expect(svg).toContain(`fill="${viridis(0)}"><title>x 0–10 m, lane 4: 0.0 dB mean of 1</title>`);
    expect(svg.match(/<path class="rsu"/g)).toHaveLength(3); // two RSUs and the legend's marker
    expect(svg).toContain('<title>RIS at x 100 m, y 19 m</title>');
    expect(svg).toContain('x along the road (m)');
    // Lanes of 3.5 m need at least 16 px: the across-road axis is stretched and says so.
    expect(svg).toMatch(/y \(m, ×\d+\.\d\)/);
    expect(svg).not.toContain('NaN');
  });

  it('points the RIS normal arrow along its azimuth (down-right on screen for −60°)', () => {
    const grid = createRisGainGrid({ lengthM: 600, segments: 60, lanes: 4, laneWidthM: 3.5 });
    const svg = renderRoadMapChart({ id: 'map', title: 'RIS', geometry, grid, colourDomainDb: [0, 1] });
    const [x1, y1, x2, y2] = (
      svg.match(/class="ris-normal" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/) ?? []
    )
      .slice(1)
      .map(Number);
    expect(x2! - x1!).toBeGreaterThan(0);
    expect(y2! - y1!).toBeGreaterThan(0);
  });
});

describe('viridis', () => {
  it('maps the ends to the palette ends, clamps and treats NaN as 0', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(2)).toBe('#fde725');
    expect(viridis(Number.NaN)).toBe('#440154');
    expect(viridis(0.5)).toBe('#21918c');
  });
});
