/**
 * Labels of the simulation's random substreams (`createRandom(seed, [label, …indices])`). Each entity owns its streams,
 * and every stream is consumed by a fixed amount per step whatever the actions, so channels are identical across
 * policies run on the same seed.
 */
export const STREAM = {
  /** Per vehicle: initial position and speed. */
  mobility: 1,
  /** Per (RSU, vehicle) link: shadowing, LOS-state and K-factor innovations. */
  largeScale: 2,
  /** Per (RSU, vehicle) link: fast fading of the direct link. */
  directFading: 3,
  /** Per vehicle: fast fading of the RIS → vehicle hop, one sample per element. */
  risHopFading: 4,
  /** The random-phase reference profile used to report the RIS gain. */
  referenceProfile: 5,
  /** Channel-estimation errors: `[csiError, 0, r, k]` per direct link, `[csiError, 1, k]` per vehicle's RIS hop. */
  csiError: 6,
} as const;
