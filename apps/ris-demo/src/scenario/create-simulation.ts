import type { Simulation, SimulationOptions } from './types.ts';

/**
 * Creates a seeded simulation of the RIS-assisted V2I downlink (see physics.md).
 *
 * Every random draw (mobility, shadowing, LOS state, K-factor, fast fading) comes from substreams of `seed` and does
 * not depend on the actions taken, so two simulations created with the same seed see identical channels whatever
 * policy drives them: that is how baselines are compared on the same seed.
 */
export function createSimulation(options: SimulationOptions): Simulation {
  throw new Error(`createSimulation: not implemented yet (seed ${options.seed})`);
}
