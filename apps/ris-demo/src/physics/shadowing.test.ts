import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { advanceAr1, gudmundsonCorrelation } from './shadowing.ts';

describe('Gudmundson AR(1) shadowing', () => {
  it('has correlation exp(−Δd/d_cor)', () => {
    expect(gudmundsonCorrelation(10, 10)).toBeCloseTo(Math.exp(-1), 15);
    expect(gudmundsonCorrelation(-1.5, 10)).toBeCloseTo(0.860708, 6);
    expect(gudmundsonCorrelation(0, 13)).toBe(1);
  });

  it('is stationary: variance stays 1 and lag-1 correlation is ρ (4σ over 20 000 chains)', () => {
    const chains = 20_000;
    const steps = 50;
    const rho = gudmundsonCorrelation(1.5, 10);
    const random = createRandom(11);
    let sumSquares = 0;
    let lagProduct = 0;
    for (let chain = 0; chain < chains; chain += 1) {
      let state = random.normal();
      let previous = state;
      for (let step = 0; step < steps; step += 1) {
        previous = state;
        state = advanceAr1(state, rho, random.normal());
      }
      sumSquares += state * state;
      lagProduct += state * previous;
    }
    // Var(z²) = 2, Var(z_t z_{t−1}) = 1 + ρ² for jointly Gaussian unit-variance pairs.
    expect(Math.abs(sumSquares / chains - 1)).toBeLessThan(4 * Math.sqrt(2 / chains));
    expect(Math.abs(lagProduct / chains - rho)).toBeLessThan(4 * Math.sqrt((1 + rho * rho) / chains));
  });
});
