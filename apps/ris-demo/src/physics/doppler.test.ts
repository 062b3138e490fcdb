import { describe, expect, it } from 'vitest';
import { besselJ0, coherenceTimeHalfCorrelationS, coherenceTimeS, jakesCorrelation, maxDopplerHz } from './doppler.ts';

describe('Doppler and coherence time', () => {
  it('matches the physics.md example: 30 m/s at 5.9 GHz', () => {
    const doppler = maxDopplerHz(30, 5.9e9);
    expect(doppler).toBeCloseTo(590.4, 1);
    expect(coherenceTimeS(doppler)).toBeCloseTo(0.7165e-3, 7);
    expect(coherenceTimeHalfCorrelationS(doppler)).toBeCloseTo(0.3033e-3, 7);
    expect(jakesCorrelation(doppler, 1e-3)).toBeCloseTo(-0.3997, 4);
  });

  it('computes J₀ to 1e-9 at reference points (A&S tables)', () => {
    expect(besselJ0(0)).toBe(1);
    expect(besselJ0(1)).toBeCloseTo(0.7651976866, 9);
    expect(besselJ0(2.404825557695773)).toBeCloseTo(0, 9);
    expect(besselJ0(10)).toBeCloseTo(-0.2459357645, 9);
    expect(besselJ0(-3)).toBeCloseTo(besselJ0(3), 12);
  });
});
