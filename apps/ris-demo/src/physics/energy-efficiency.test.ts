import { describe, expect, it } from 'vitest';
import { energyEfficiencyBitPerJ, risElementPowerW, totalConsumedPowerW } from './energy-efficiency.ts';

describe('energy efficiency (Huang et al. 2019 power model)', () => {
  it('matches physics.md: P_tot = 13.28 W, EE = 3.862 Mbit/J, 258.9 nJ/bit', () => {
    const power = totalConsumedPowerW({
      transmitPowerW: 1,
      amplifierEfficiency: 0.5,
      staticPowerW: 10,
      elementCount: 256,
      elementPowerW: 0.005,
    });
    expect(power).toBeCloseTo(13.28, 10);
    const efficiency = energyEfficiencyBitPerJ(10e6 * 5.1293, power);
    expect(efficiency / 1e6).toBeCloseTo(3.862, 3);
    expect(1e9 / efficiency).toBeCloseTo(258.9, 1);
  });

  it('states P_elem(2) = 5 mW and grows with b', () => {
    expect(risElementPowerW(2)).toBeCloseTo(0.005, 15);
    expect(risElementPowerW(1)).toBeLessThan(risElementPowerW(2));
  });
});
