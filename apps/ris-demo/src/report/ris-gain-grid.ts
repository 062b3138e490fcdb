/**
 * The RIS gain over the road: the served-signal gain of the applied RIS profile against no RIS (dB, as each step
 * reports per vehicle), averaged per cell of a grid of road segments × lanes. Sums and counts, so grids of the same
 * shape (e.g. one per seed) merge by addition.
 */
export interface RisGainGrid {
  /** Road length covered, m (x from 0 to lengthM). */
  readonly lengthM: number;
  /** Segments along the road; each is lengthM / segments long. */
  readonly segments: number;
  readonly lanes: number;
  readonly laneWidthM: number;
  /** Sum of the gains (dB) that fell in cell lane · segments + segment. */
  readonly sumDb: number[];
  /** Number of gains that fell in each cell. */
  readonly count: number[];
}

/** Creates an empty grid of `segments` road segments × `lanes` lanes. */
export function createRisGainGrid(options: {
  readonly lengthM: number;
  readonly segments: number;
  readonly lanes: number;
  readonly laneWidthM: number;
}): RisGainGrid {
  const cells = options.segments * options.lanes;
  return { ...options, sumDb: new Array<number>(cells).fill(0), count: new Array<number>(cells).fill(0) };
}

/**
 * Adds one vehicle's gain at road position (x, y) to its cell. The lane is the one whose strip
 * [i · laneWidth, (i + 1) · laneWidth) holds y (clamped to the road); non-finite gains are ignored.
 */
export function addRisGain(grid: RisGainGrid, x: number, y: number, gainDb: number): void {
  if (!Number.isFinite(gainDb) || !Number.isFinite(x) || !Number.isFinite(y)) return;
  const segment = clampIndex(Math.floor((x / grid.lengthM) * grid.segments), grid.segments);
  const lane = clampIndex(Math.floor(y / grid.laneWidthM), grid.lanes);
  const cell = lane * grid.segments + segment;
  grid.sumDb[cell] = grid.sumDb[cell]! + gainDb;
  grid.count[cell] = grid.count[cell]! + 1;
}

/** Mean gain of a cell, dB; null when no vehicle passed through it. */
export function meanRisGainDb(grid: RisGainGrid, lane: number, segment: number): number | null {
  const cell = lane * grid.segments + segment;
  const count = grid.count[cell] ?? 0;
  return count === 0 ? null : grid.sumDb[cell]! / count;
}

/**
 * Adds grids of the same shape cell by cell (pools samples, e.g. over seeds).
 * @throws {RangeError} When the grids differ in length, segments, lanes or lane width.
 */
export function mergeRisGainGrids(grids: readonly RisGainGrid[]): RisGainGrid {
  const [first] = grids;
  if (first === undefined) throw new RangeError('mergeRisGainGrids needs at least one grid');
  const merged = createRisGainGrid(first);
  for (const grid of grids) {
    if (
      grid.lengthM !== first.lengthM ||
      grid.segments !== first.segments ||
      grid.lanes !== first.lanes ||
      grid.laneWidthM !== first.laneWidthM
    ) {
      throw new RangeError('mergeRisGainGrids: grids differ in shape (road length, segments, lanes or lane width)');
    }
    grid.sumDb.forEach((sum, cell) => {
      merged.sumDb[cell] = merged.sumDb[cell]! + sum;
      merged.count[cell] = merged.count[cell]! + grid.count[cell]!;
    });
  }
  return merged;
}

function clampIndex(index: number, size: number): number {
  return Math.min(size - 1, Math.max(0, index));
}
