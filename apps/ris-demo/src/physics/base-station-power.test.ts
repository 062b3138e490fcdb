import { describe, expect, it } from 'vitest';
import { EARTH_BASE_STATIONS, earthInputPowerW, risPowerW } from './base-station-power.ts';

describe('EARTH base-station power model (Auer et al. 2011)', () => {
  it('gives the published full-load and sleep powers per chain and per site', () => {
    const { macro, rrh, micro, pico, femto } = EARTH_BASE_STATIONS;
    // Macro: 6 chains × (130 W + 4.7 × 20 W) = 1344 W at full load; 6 × 75 W = 450 W asleep.
    expect(6 * earthInputPowerW(macro, 20)).toBeCloseTo(1344, 9);
    expect(6 * earthInputPowerW(macro, 0)).toBe(450);
    expect(earthInputPowerW(rrh, 20)).toBeCloseTo(140, 9);
    expect(earthInputPowerW(micro, 6.3)).toBeCloseTo(72.38, 9);
    expect(earthInputPowerW(pico, 0.13)).toBeCloseTo(7.32, 9);
    expect(earthInputPowerW(femto, 0.05)).toBeCloseTo(5.2, 9);
  });

  it('is linear in the radiated power above P_0 and refuses powers outside [0, P_max]', () => {
    const { pico } = EARTH_BASE_STATIONS;
    const slope = (earthInputPowerW(pico, 0.1) - earthInputPowerW(pico, 0.05)) / 0.05;
    expect(slope).toBeCloseTo(4, 9);
    expect(() => earthInputPowerW(pico, 0.2)).toThrow(RangeError);
    expect(() => earthInputPowerW(pico, -1)).toThrow(RangeError);
  });

  it('adds the RIS static power and the driven elements', () => {
    expect(risPowerW(1, 256, 0.005)).toBeCloseTo(2.28, 12);
    expect(risPowerW(1, 0, 0.005)).toBe(1);
  });
});
