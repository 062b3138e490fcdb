import { describe, expect, it } from 'vitest';
import { minimumFarShare, nomaGroup, nomaPair, omaSpectralEfficiency } from './noma.ts';

describe('downlink NOMA with SIC (Saito 2013, Ding 2014)', () => {
  it("matches Saito's two-user example: γ_n = 20 dB, γ_f = 0 dB, α = 0.8 → 4.392 + 0.7370 = 5.129 bit/s/Hz", () => {
    const result = nomaPair({ nearGain: 100, farGain: 1, farShare: 0.8 });
    expect(result.nearSpectralEfficiency).toBeCloseTo(4.392, 3);
    expect(result.farSpectralEfficiency).toBeCloseTo(0.737, 4);
    expect(result.nearSpectralEfficiency + result.farSpectralEfficiency).toBeCloseTo(5.129, 3);
    expect(result.sicFeasible).toBe(true);
  });

  it('gives the OMA baseline 3.329 + 0.5000 = 3.829 bit/s/Hz at τ = 1/2', () => {
    expect(omaSpectralEfficiency(100, 0.5)).toBeCloseTo(3.329, 3);
    expect(omaSpectralEfficiency(1, 0.5)).toBeCloseTo(0.5, 12);
  });

  it('reduces the near rate with imperfect SIC: ε = 0.01 → log2(1 + 20/(0.8 + 1))', () => {
    const result = nomaPair({ nearGain: 100, farGain: 1, farShare: 0.8, sicResidual: 0.01 });
    expect(result.nearSpectralEfficiency).toBeCloseTo(Math.log2(1 + 20 / 1.8), 12);
  });

  it('reports an SIC failure when the labelled near user is the weaker one, and decodes it treating x_f as noise', () => {
    const result = nomaPair({ nearGain: 1, farGain: 100, farShare: 0.8 });
    expect(result.sicFeasible).toBe(false);
    expect(result.nearSinr).toBeCloseTo(0.2 / 1.8, 12);
    expect(nomaPair({ nearGain: 5, farGain: 5, farShare: 0.3 }).sicFeasible).toBe(true);
  });

  it('inverts the far rate: α_min meets R_min exactly; null when unreachable', () => {
    for (const [gain, target] of [
      [1, 0.5],
      [10, 1],
      [0.3, 0.2],
    ] as const) {
      const alpha = minimumFarShare(gain, target)!;
      expect(nomaPair({ nearGain: 100, farGain: gain, farShare: alpha }).farSpectralEfficiency).toBeCloseTo(target, 12);
    }
    expect(minimumFarShare(1, 1.01)).toBeNull();
    expect(minimumFarShare(1, 0)).toBe(0);
  });

  it('has a pair sum rate that falls with α when γ_n ≥ γ_f', () => {
    const sum = (alpha: number): number => {
      const result = nomaPair({ nearGain: 50, farGain: 2, farShare: alpha });
      return result.nearSpectralEfficiency + result.farSpectralEfficiency;
    };
    expect(sum(0.6)).toBeGreaterThan(sum(0.7));
    expect(sum(0.7)).toBeGreaterThan(sum(0.9));
  });

  it('agrees with the pair formula for K = 2 and checks K-user feasibility by order', () => {
    const group = nomaGroup([1, 100], [0.8, 0.2]);
    expect(group.spectralEfficiencies[0]).toBeCloseTo(0.737, 4);
    expect(group.spectralEfficiencies[1]).toBeCloseTo(4.392, 3);
    expect(nomaGroup([1, 10, 100], [0.6, 0.3, 0.1]).sicFeasible).toBe(true);
    expect(nomaGroup([10, 1, 100], [0.6, 0.3, 0.1]).sicFeasible).toBe(false);
  });
});
