import { describe, expect, it } from 'vitest';
import { fraunhoferDistanceM, risFarFieldPathLossDb } from './ris-path-loss.ts';
import { wavelengthM } from './units.ts';

const lambda = wavelengthM(3.5e9);
const base = {
  elementCount: 256,
  elementWidthM: lambda / 2,
  elementHeightM: lambda / 2,
  incidentDistanceM: 50,
  reflectedDistanceM: 30,
};

describe('Tang et al. far-field RIS path loss', () => {
  it('gives 92.07 dB for 16 × 16 λ/2 elements at 3.5 GHz, d_1 = 50 m, d_2 = 30 m (physics.md)', () => {
    expect(risFarFieldPathLossDb(base)).toBeCloseTo(92.07, 2);
    const diagonal = Math.SQRT2 * 16 * (lambda / 2);
    expect(fraunhoferDistanceM(diagonal, lambda)).toBeCloseTo(21.93, 2);
  });

  it('follows the product-distance law and the N² law', () => {
    const doubled = risFarFieldPathLossDb({ ...base, reflectedDistanceM: 60 });
    expect(doubled - risFarFieldPathLossDb(base)).toBeCloseTo(20 * Math.log10(2), 10);
    const quarter = risFarFieldPathLossDb({ ...base, elementCount: 64 });
    expect(quarter - risFarFieldPathLossDb(base)).toBeCloseTo(20 * Math.log10(4), 10);
    expect(risFarFieldPathLossDb({ ...base, incidentPattern: 0.5 }) - risFarFieldPathLossDb(base)).toBeCloseTo(
      10 * Math.log10(2),
      10,
    );
  });
});
