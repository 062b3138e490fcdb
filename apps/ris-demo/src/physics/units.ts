/**
 * Physical constants and unit conversions. Powers are in W inside the simulation; dB and dBm only for link budgets and
 * display.
 */

/** Speed of light in vacuum, m/s (exact, SI). */
export const SPEED_OF_LIGHT_MPS = 299_792_458;

/** Boltzmann-derived thermal noise density at 290 K, dBm/Hz (the textbook −174 dBm/Hz). */
export const THERMAL_NOISE_DENSITY_DBM_PER_HZ = -174;

/** Converts a power ratio in dB to linear. */
export function dbToLinear(db: number): number {
  return 10 ** (db / 10);
}

/** Converts a linear power ratio to dB (−Infinity for 0). */
export function linearToDb(linear: number): number {
  return 10 * Math.log10(linear);
}

/** Converts dBm to W. */
export function dbmToWatts(dbm: number): number {
  return 10 ** ((dbm - 30) / 10);
}

/** Converts W to dBm. */
export function wattsToDbm(watts: number): number {
  return 10 * Math.log10(watts) + 30;
}

/** Wavelength λ = c / f in m. */
export function wavelengthM(frequencyHz: number): number {
  return SPEED_OF_LIGHT_MPS / frequencyHz;
}

/**
 * Thermal noise power σ² [dBm] = −174 + 10 lg(B/Hz) + NF, returned in W.
 * @example thermalNoiseWatts(10e6, 9) // −95 dBm ≈ 3.16e-13 W
 */
export function thermalNoiseWatts(bandwidthHz: number, noiseFigureDb: number): number {
  return dbmToWatts(THERMAL_NOISE_DENSITY_DBM_PER_HZ + 10 * Math.log10(bandwidthHz) + noiseFigureDb);
}
