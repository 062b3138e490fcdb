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

/** Printed once when nothing settled for {@link stallHintAfterMs} while requests were outstanding. */
export const STALL_HINT: string =
  'no request settled for 5 s: they are waiting, most likely for rate-limit resets (retry-after and token admission ' +
  'up to ACPT_MAX_SERVER_WAIT_MS / ACPT_TOTAL_TIMEOUT_MS, 60 s by default). For fail-fast behaviour set ' +
  'ACPT_LATENCY_BUDGET_MODE=hard and ACPT_LATENCY_BUDGET_MS (docs/integration-guide.md, section 5).';

/** How long without a settlement (with requests outstanding) before {@link STALL_HINT} is printed. */
export const stallHintAfterMs: number = 5000;

/**
 * Prints a progress line every `intervalMs` (unref'd timer) until stopped, and {@link STALL_HINT} once if nothing
 * settles for 5 s while requests are outstanding. Returns a function that stops it and ends the rewritten TTY line.
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
  let lastProgressAt = startedAt;
  let hinted = false;
  const timer = setInterval(() => {
    const now = performance.now();
    const { counts, rssMiB } = options.read();
    const settled = counts.succeeded + counts.fellBack + counts.failed;
    const settledPerSecond = ((settled - previousSettled) * 1000) / Math.max(1, now - previousAt);
    if (settled !== previousSettled || counts.outstanding === 0) lastProgressAt = now;
    previousSettled = settled;
    previousAt = now;
    const line = formatProgress({ elapsedMs: now - startedAt, counts, settledPerSecond, rssMiB });
    options.output.write(options.output.isTTY === true ? `\r${line}\u001b[K` : `${line}\n`);
    if (!hinted && now - lastProgressAt >= stallHintAfterMs) {
      hinted = true;
      options.output.write(`${options.output.isTTY === true ? '\n' : ''}${STALL_HINT}\n`);
    }
  }, options.intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (options.output.isTTY === true) options.output.write('\n');
  };
}
