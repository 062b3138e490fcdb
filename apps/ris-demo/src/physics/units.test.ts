import { describe, expect, it } from 'vitest';
import { dbmToWatts, dbToLinear, linearToDb, thermalNoiseWatts, wattsToDbm, wavelengthM } from './units.ts';

describe('units', () => {
  it('converts dB and dBm', () => {
    expect(dbToLinear(20)).toBeCloseTo(100, 12);
    expect(linearToDb(0.5)).toBeCloseTo(-3.0103, 4);
    expect(dbmToWatts(30)).toBeCloseTo(1, 12);
    expect(wattsToDbm(0.001)).toBeCloseTo(0, 12);
  });

  it('gives thermal noise −174 + 10 lg B + NF: −95 dBm for 10 MHz and NF 9 dB', () => {
    expect(wattsToDbm(thermalNoiseWatts(10e6, 9))).toBeCloseTo(-95, 10);
  });

  it('gives λ = c/f with the exact speed of light: 8.565 cm at 3.5 GHz', () => {
    expect(wavelengthM(3.5e9)).toBeCloseTo(0.08565499, 8);
  });
});
