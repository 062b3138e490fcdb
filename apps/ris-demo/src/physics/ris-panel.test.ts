import { describe, expect, it } from 'vitest';
import { createRisPanel, type RisPanel, risHopCoefficients } from './ris-panel.ts';
import { risFarFieldPathLossDb } from './ris-path-loss.ts';
import { wavelengthM } from './units.ts';
import type { Vector3 } from './vector3.ts';

const lambda = wavelengthM(3.5e9);

function panel(side: number): RisPanel {
  return createRisPanel({
    centre: { x: 0, y: 0, z: 10 },
    normalAzimuthRad: Math.PI / 2,
    rows: side,
    columns: side,
    elementSpacingM: lambda / 2,
    wavelengthM: lambda,
  });
}

/** Path loss of the co-phased cascaded sum Σ|c_n(tx)||c_n(rx)|, dB. */
function coPhasedPathLossDb(surface: RisPanel, tx: Vector3, rx: Vector3): number {
  const n = surface.elementCount;
  const [txRe, txIm, rxRe, rxIm] = [0, 0, 0, 0].map(() => new Float64Array(n)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  risHopCoefficients(surface, tx, txRe, txIm);
  risHopCoefficients(surface, rx, rxRe, rxIm);
  let amplitude = 0;
  for (let i = 0; i < n; i += 1) {
    amplitude += Math.hypot(txRe[i]!, txIm[i]!) * Math.hypot(rxRe[i]!, rxIm[i]!);
  }
  return -20 * Math.log10(amplitude);
}

describe('RIS panel hop coefficients (Tang et al. general model)', () => {
  it('reproduces the far-field closed form, 92.07 dB at 50 m / 30 m broadside, within 0.01 dB', () => {
    const loss = coPhasedPathLossDb(panel(16), { x: 0, y: 50, z: 10 }, { x: 0, y: 30, z: 10 });
    expect(Math.abs(loss - 92.07)).toBeLessThan(0.01);
  });

  it('applies F = cos θ on each hop: 60° incidence costs 10 lg 2 dB against the closed form', () => {
    const surface = panel(16);
    const tx = { x: 200 * Math.sin(Math.PI / 3), y: 200 * Math.cos(Math.PI / 3), z: 10 };
    const loss = coPhasedPathLossDb(surface, tx, { x: 0, y: 200, z: 10 });
    const expected = risFarFieldPathLossDb({
      elementCount: 256,
      elementWidthM: lambda / 2,
      elementHeightM: lambda / 2,
      incidentDistanceM: 200,
      reflectedDistanceM: 200,
      incidentPattern: 0.5,
    });
    expect(Math.abs(loss - expected)).toBeLessThan(0.01);
  });

  it('has no back lobe and lays the elements out at the given spacing, centred, in the panel plane', () => {
    const surface = panel(4);
    const re = new Float64Array(16);
    const im = new Float64Array(16);
    risHopCoefficients(surface, { x: 0, y: -20, z: 10 }, re, im);
    expect(re.every((value) => value === 0) && im.every((value) => value === 0)).toBe(true);
    expect(Math.abs(surface.x[1]! - surface.x[0]!)).toBeCloseTo(lambda / 2, 12);
    expect(surface.z[0]! - surface.z[4]!).toBeCloseTo(lambda / 2, 12);
    expect(surface.y.every((value) => Math.abs(value) < 1e-12)).toBe(true);
    expect(surface.x.reduce((sum, value) => sum + value, 0)).toBeCloseTo(0, 12);
  });

  it('encodes the path phase −2π r/λ', () => {
    const surface = panel(1);
    const re = new Float64Array(1);
    const im = new Float64Array(1);
    const r = 12.3456;
    risHopCoefficients(surface, { x: 0, y: r, z: 10 }, re, im);
    const phase = Math.atan2(im[0]!, re[0]!);
    const expected = -((2 * Math.PI * r) / lambda);
    expect(Math.cos(phase - expected)).toBeCloseTo(1, 10);
  });
});
