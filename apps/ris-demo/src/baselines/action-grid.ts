/**
 * The discrete action space shared by the random baseline and the oracle: RIS favour sets with equal weights and NOMA
 * power splits on a grid. Drawing the random baseline from the same space the oracle searches makes the oracle an
 * upper bound of it by construction where the oracle's search is exhaustive.
 */

/** The far user's power shares α on the grid: 0.05, 0.10, …, 0.95. */
export const ALPHA_GRID: readonly number[] = Array.from({ length: 19 }, (_, index) => (index + 1) / 20);

/** The coarser grid of the oracle's alternating search (0.1, 0.2, …, 0.9); the chosen α is refined afterwards. */
export const COARSE_ALPHA_GRID: readonly number[] = Array.from({ length: 9 }, (_, index) => (index + 1) / 10);

/** The weight of every vehicle in a favour set of the grid (the co-phasing depends only on weight ratios). */
export const GRID_FAVOUR_WEIGHT = 1;
