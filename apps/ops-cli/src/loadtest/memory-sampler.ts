import { ThinnedSeries } from './thinned-series.ts';

/** One memory sample. */
export interface MemorySample {
  /** Ms since sampling started. */
  readonly atMs: number;
  /** Resident set size, bytes. */
  readonly rssBytes: number;
  /** V8 heap in use, bytes. */
  readonly heapUsedBytes: number;
}

/** What the sampler concludes about memory over a run. */
export interface MemorySummary {
  /** Samples taken. */
  readonly samples: number;
  /** Largest RSS seen, MiB. */
  readonly peakRssMiB: number;
  /** RSS at the first and last sample, MiB. */
  readonly startRssMiB: number;
  readonly endRssMiB: number;
  /** Largest V8 heap in use, MiB. */
  readonly peakHeapUsedMiB: number;
  /** Least-squares slope of heap in use over the second half of the run, MiB per minute (GC noise included). */
  readonly heapSlopeMiBPerMinute: number;
  /** Least-squares slope of RSS over the second half of the run, MiB per minute. */
  readonly rssSlopeMiBPerMinute: number;
  /** RSS at the end minus RSS at the middle of the run, MiB: what a flat run keeps near zero. */
  readonly rssGrowthSecondHalfMiB: number;
  /** Lowest and highest V8 heap in use over the second half, MiB (a flat run saws between the same bounds). */
  readonly heapRangeSecondHalfMiB: readonly [number, number];
  /** The samples, thinned to at most {@link maxKeptSamples} evenly spread points. */
  readonly series: readonly MemorySample[];
}

const mebibyte = 1024 * 1024;
/** Samples kept for the slope and the report; older ones are thinned by halves so memory use stays bounded. */
export const maxKeptSamples = 512;

/** Least-squares slope of `value` over `atMs`, per minute. 0 with fewer than two distinct instants. */
export function slopePerMinute(points: readonly { atMs: number; value: number }[]): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, point) => sum + point.atMs, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.atMs - meanX) * (point.value - meanY);
    variance += (point.atMs - meanX) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60_000;
}

/** Summarises samples (in bytes) into MiB figures and second-half slopes. */
export function summariseMemory(
  series: readonly MemorySample[],
  peakRssBytes: number,
  peakHeapBytes: number,
): MemorySummary {
  const secondHalf = series.slice(Math.floor(series.length / 2));
  const toMiB = (bytes: number): number => bytes / mebibyte;
  return {
    samples: series.length,
    peakRssMiB: toMiB(peakRssBytes),
    startRssMiB: toMiB(series[0]?.rssBytes ?? 0),
    endRssMiB: toMiB(series.at(-1)?.rssBytes ?? 0),
    peakHeapUsedMiB: toMiB(peakHeapBytes),
    heapSlopeMiBPerMinute: slopePerMinute(secondHalf.map((s) => ({ atMs: s.atMs, value: toMiB(s.heapUsedBytes) }))),
    rssSlopeMiBPerMinute: slopePerMinute(secondHalf.map((s) => ({ atMs: s.atMs, value: toMiB(s.rssBytes) }))),
    rssGrowthSecondHalfMiB: toMiB((secondHalf.at(-1)?.rssBytes ?? 0) - (secondHalf[0]?.rssBytes ?? 0)),
    heapRangeSecondHalfMiB: [
      toMiB(Math.min(...secondHalf.map((s) => s.heapUsedBytes))),
      toMiB(Math.max(...secondHalf.map((s) => s.heapUsedBytes))),
    ],
    series,
  };
}

/**
 * Samples this process's RSS and heap on an unref'd timer. Peaks are exact (every sample counts); the kept series is
 * thinned so a long run never grows it past {@link maxKeptSamples}.
 */
export class MemorySampler {
  readonly #intervalMs: number;
  readonly #startedAt = performance.now();
  readonly #series = new ThinnedSeries<MemorySample>({ maxItems: maxKeptSamples });
  #peakRss = 0;
  #peakHeap = 0;
  #timer: NodeJS.Timeout | undefined;
  #summary: MemorySummary | undefined;

  constructor(options: { readonly intervalMs: number }) {
    this.#intervalMs = options.intervalMs;
  }

  /** Takes a sample now and then every interval. */
  start(): void {
    this.sample();
    this.#timer = setInterval(() => this.sample(), this.#intervalMs);
    this.#timer.unref();
  }

  /** Takes one sample; `keep` stores it even when thinning would skip it. */
  sample(keep = false): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.#peakRss = Math.max(this.#peakRss, rss);
    this.#peakHeap = Math.max(this.#peakHeap, heapUsed);
    this.#series.offer(
      () => ({ atMs: performance.now() - this.#startedAt, rssBytes: rss, heapUsedBytes: heapUsed }),
      keep,
    );
  }

  /** Latest RSS in MiB (for progress lines). */
  currentRssMiB(): number {
    return process.memoryUsage.rss() / mebibyte;
  }

  /** Stops sampling (taking a last sample) and summarises; later calls return the same summary. */
  stop(): MemorySummary {
    if (this.#summary !== undefined) return this.#summary;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.sample(true);
    this.#summary = summariseMemory(this.#series.items, this.#peakRss, this.#peakHeap);
    return this.#summary;
  }
}
