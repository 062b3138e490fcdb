/** A point of a chart series: x, y. */
export type ChartPoint = readonly [number, number];

/** A linear map from a data interval onto a pixel interval. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
}

/** Creates a linear scale; a degenerate domain is widened by ±1 so it never divides by zero. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  let [low, high] = domain;
  if (!(high > low)) {
    low -= 1;
    high += 1;
  }
  const [start, end] = range;
  const scale = (value: number): number => start + ((value - low) / (high - low)) * (end - start);
  return Object.assign(scale, { domain: [low, high] as const });
}

/** About `count` round tick values covering [low, high] (steps of 1, 2 or 5 times a power of ten). */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let index = Math.ceil(low / step - 1e-9); index * step <= high + step * 1e-9; index += 1) {
    ticks.push(Number((index * step).toPrecision(12)));
  }
  return ticks;
}

/** Reduces a series to at most `maxPoints` by averaging consecutive buckets (keeps the first x of each bucket). */
export function downsample(points: readonly ChartPoint[], maxPoints: number): ChartPoint[] {
  if (points.length <= maxPoints) return [...points];
  const bucket = Math.ceil(points.length / maxPoints);
  const result: ChartPoint[] = [];
  for (let start = 0; start < points.length; start += bucket) {
    const slice = points.slice(start, start + bucket);
    const mean = slice.reduce((sum, point) => sum + point[1], 0) / slice.length;
    result.push([slice[0]![0], mean]);
  }
  return result;
}

/** The [min, max] of the finite values, or [0, 1] when there are none. */
export function extent(values: Iterable<number>): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : [0, 1];
}

/** Formats a tick label compactly: 1.2k, 3.4M, 0.25. */
export function formatTick(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${trim(value / 1e9)}G`;
  if (magnitude >= 1e6) return `${trim(value / 1e6)}M`;
  if (magnitude >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}
