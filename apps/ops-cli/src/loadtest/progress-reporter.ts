import type { SettlementCounts } from './accounting.ts';

/** What one progress line shows. */
export interface ProgressSnapshot {
  readonly elapsedMs: number;
  readonly counts: SettlementCounts;
  /** Settlements per second since the previous line. */
  readonly settledPerSecond: number;
  readonly rssMiB: number;
}

/** One progress line, e.g. `[  12.0s] submitted 24000 | settled 23800 (ok 23000, fallback 600, failed 200) | …`. */
export function formatProgress(snapshot: ProgressSnapshot): string {
  const { counts } = snapshot;
  const settled = counts.succeeded + counts.fellBack + counts.failed;
  return (
    `[${(snapshot.elapsedMs / 1000).toFixed(1).padStart(6)}s] submitted ${counts.submitted} | settled ${settled} ` +
    `(ok ${counts.succeeded}, fallback ${counts.fellBack}, failed ${counts.failed}) | outstanding ${counts.outstanding} | ` +
    `${snapshot.settledPerSecond.toFixed(0)} req/s | rss ${snapshot.rssMiB.toFixed(0)} MiB`
  );
}

/** Where progress goes: a TTY gets one line rewritten in place, anything else a line per interval. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Prints a progress line every `intervalMs` (unref'd timer) until stopped. Returns a function that stops it and ends
 * the rewritten TTY line.
 */
export function startProgress(options: {
  readonly intervalMs: number;
  readonly output: ProgressOutput;
  readonly read: () => { counts: SettlementCounts; rssMiB: number };
}): () => void {
  if (options.intervalMs <= 0) return () => {};
  const startedAt = performance.now();
  let previousSettled = 0;
  let previousAt = startedAt;
  const timer = setInterval(() => {
    const now = performance.now();
    const { counts, rssMiB } = options.read();
    const settled = counts.succeeded + counts.fellBack + counts.failed;
    const settledPerSecond = ((settled - previousSettled) * 1000) / Math.max(1, now - previousAt);
    previousSettled = settled;
    previousAt = now;
    const line = formatProgress({ elapsedMs: now - startedAt, counts, settledPerSecond, rssMiB });
    options.output.write(options.output.isTTY === true ? `\r${line}\u001b[K` : `${line}\n`);
  }, options.intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (options.output.isTTY === true) options.output.write('\n');
  };
}
