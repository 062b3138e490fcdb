import type { SettlementCounts } from './accounting.ts';
import { ThinnedSeries } from './thinned-series.ts';

/** One point of the run's progress: cumulative counts at an instant (rates are differences between points). */
export interface ProgressSample {
  /** Ms since the load started. */
  readonly atMs: number;
  readonly submitted: number;
  /** Succeeded + fell back + failed so far. */
  readonly settled: number;
  readonly succeeded: number;
  readonly fellBack: number;
  readonly failed: number;
  readonly outstanding: number;
  /** Resident set size of the driver process, MiB. */
  readonly rssMiB: number;
}

/** Progress samples kept for the report; a long run is thinned by halves so the report stays small. */
export const maxProgressSamples = 512;

/**
 * Records the driver's counts every `intervalMs` (unref'd timer, independent of `--progress`) from a first sample at
 * the start to a last one at `stop()`, for the report's throughput timeline. `stop()` returns the samples.
 */
export function startProgressTimeline(options: {
  readonly intervalMs: number;
  readonly read: () => { counts: SettlementCounts; rssMiB: number };
}): () => readonly ProgressSample[] {
  const startedAt = performance.now();
  const series = new ThinnedSeries<ProgressSample>({ maxItems: maxProgressSamples });
  const sample = (keep: boolean): void =>
    series.offer(() => {
      const { counts, rssMiB } = options.read();
      const { submitted, succeeded, fellBack, failed, outstanding } = counts;
      const settled = succeeded + fellBack + failed;
      const atMs = performance.now() - startedAt;
      return { atMs, submitted, settled, succeeded, fellBack, failed, outstanding, rssMiB };
    }, keep);
  sample(true);
  const timer = setInterval(() => sample(false), options.intervalMs);
  timer.unref();
  let stopped: readonly ProgressSample[] | undefined;
  return () => {
    if (stopped !== undefined) return stopped;
    clearInterval(timer);
    sample(true);
    stopped = series.items;
    return stopped;
  };
}
