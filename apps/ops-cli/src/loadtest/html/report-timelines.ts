import type { MemorySample } from '../memory-sampler.ts';
import type { ProgressSample } from '../progress-timeline.ts';
import type { LineSeries } from './line-chart.ts';

const mebibyte = 1024 * 1024;
/** Rates are taken over at least this much time, so a last sample a few ms after the previous one adds no spike. */
const minRateWindowMs = 100;

/** Submitted and settled requests per second between progress samples, at the end of each window (seconds). */
export function throughputSeries(progress: readonly ProgressSample[]): LineSeries[] {
  const submitted: { x: number; y: number }[] = [];
  const settled: { x: number; y: number }[] = [];
  let anchor = progress[0];
  for (const sample of progress.slice(1)) {
    if (anchor === undefined || sample.atMs - anchor.atMs < minRateWindowMs) continue;
    const seconds = (sample.atMs - anchor.atMs) / 1000;
    submitted.push({ x: sample.atMs / 1000, y: (sample.submitted - anchor.submitted) / seconds });
    settled.push({ x: sample.atMs / 1000, y: (sample.settled - anchor.settled) / seconds });
    anchor = sample;
  }
  // Settled last, so it is drawn over submitted where they coincide.
  return [
    { name: 'submitted/s', points: submitted },
    { name: 'settled/s', points: settled },
  ];
}

/** RSS and V8 heap in use of the driver process, MiB, over seconds since sampling started. */
export function memorySeries(series: readonly MemorySample[]): LineSeries[] {
  return [
    { name: 'RSS', points: series.map((sample) => ({ x: sample.atMs / 1000, y: sample.rssBytes / mebibyte })) },
    {
      name: 'heap used',
      points: series.map((sample) => ({ x: sample.atMs / 1000, y: sample.heapUsedBytes / mebibyte })),
    },
  ];
}
