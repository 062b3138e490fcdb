/** The outcome of one measured run. */
export interface RunResult {
  /** Requests completed. */
  readonly requests: number;
  /** Wall-clock duration, in ms. */
  readonly wallMs: number;
  /** Client CPU time (user + system) of this process, in µs. */
  readonly cpuUs: number;
  /** Requests per second. */
  readonly throughput: number;
  /** Client CPU per request, in µs. */
  readonly cpuPerRequestUs: number;
  /** Samples the task returned (for example time to first token, in ms). */
  readonly samples: readonly number[];
}

/** One unit of work; may return a sample (a number) to collect. */
export type BenchTask = () => Promise<number | undefined>;

/** Options of {@link runConcurrent}. */
export interface RunOptions {
  /** Tasks in flight at once. */
  readonly concurrency: number;
  /** Tasks in total. */
  readonly requests: number;
  /** The work. */
  readonly task: BenchTask;
}

/**
 * Runs `requests` tasks with `concurrency` workers and measures wall time and this process's CPU time
 * (`process.cpuUsage()`, so a server in another process is not counted). Collects the samples tasks return.
 */
export async function runConcurrent(options: RunOptions): Promise<RunResult> {
  const samples: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.requests) {
      next++;
      const sample = await options.task();
      if (sample !== undefined) samples.push(sample);
    }
  };
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuUs = cpu.user + cpu.system;
  return {
    requests: options.requests,
    wallMs,
    cpuUs,
    throughput: (options.requests / wallMs) * 1000,
    cpuPerRequestUs: cpuUs / options.requests,
    samples,
  };
}

/** Runs a short untimed warm-up (JIT, connections), then the measured run; collects garbage first when exposed. */
export async function measure(options: RunOptions & { readonly warmup: number }): Promise<RunResult> {
  await runConcurrent({ ...options, requests: options.warmup });
  (globalThis as { gc?: () => void }).gc?.();
  return runConcurrent(options);
}

/** The median of `values` (`NaN` when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The best of several rounds' results by throughput (least disturbed by the shared machine). */
export function bestRun(results: readonly RunResult[]): RunResult {
  return results.reduce((best, result) => (result.throughput > best.throughput ? result : best));
}

/** Renders rows as a Markdown table with right-aligned numbers. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
