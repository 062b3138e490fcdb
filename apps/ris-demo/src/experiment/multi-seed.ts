import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { writeFileAtomic } from '../report/atomic-write.ts';
import { createLlmAccumulator } from '../report/llm-accumulator.ts';
import { renderMultiSeedReport } from '../report/multi-seed-report.ts';
import { stableStringify } from '../report/stable-json.ts';
import { decisionSource } from './decision-source.ts';
import { buildMultiSeedSummary, type MultiSeedSummary, perSeedCsv } from './multi-seed-summary.ts';
import type { ExperimentJob, JobResult } from './run-job.ts';

/** Options of {@link runMultiSeed}. */
export interface MultiSeedOptions {
  readonly seeds: readonly number[];
  /** The settings every seed's job shares. */
  readonly job: Omit<ExperimentJob, 'seed'>;
  readonly outDir: string;
  /** Worker threads. @defaultValue `os.availableParallelism()` */
  readonly threads?: number;
  /** Aborting it stops the experiment: running seeds are cancelled, the summary lists them as missing. */
  readonly signal?: AbortSignal;
  /** Called after each seed's file was written. */
  readonly onSeed?: (result: JobResult, done: number) => void;
  /** Extra top-level fields of `summary.json` (e.g. `provenance`). */
  readonly extraSummary?: Readonly<Record<string, unknown>>;
}

/** What a multi-seed experiment produced. */
export interface MultiSeedResult {
  readonly summary: MultiSeedSummary;
  readonly results: readonly JobResult[];
  readonly files: {
    readonly summary: string;
    readonly report: string;
    readonly perSeedCsv: string;
    readonly perSeedJson: string;
  };
}

/** The worker module next to this one: `.ts` when running from source, `.mjs` in the build. */
export function seedWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './seed-worker.ts' : './seed-worker.mjs', import.meta.url);
}

/**
 * Runs every seed's job (every policy on that seed: common random numbers across policies) on a piscina pool of
 * worker threads. Each finished seed is written at once to `seeds/seed-<n>.json` (atomically: temp name, then
 * rename); at the end `per-seed.csv`, `per-seed.json` and `summary.json` (paired differences of the agent run against
 * every baseline) are written the same way. Outputs depend only on the seeds and the job, not on the thread count or
 * the order seeds finish in. On abort, running seeds are cancelled, finished files stay, and the summary says which
 * seeds are missing (`status: interrupted`).
 */
export async function runMultiSeed(options: MultiSeedOptions): Promise<MultiSeedResult> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), options.seeds.length));
  const worker = seedWorkerUrl();
  const pool = new Piscina<ExperimentJob, JobResult>({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // Running from source the workers resolve the workspace packages to their sources, as the main thread does.
    execArgv: worker.pathname.endsWith('.ts') ? ['--conditions=@acpt/source'] : [],
  });
  const results: JobResult[] = [];
  const cancel = new AbortController();
  const onAbort = (): void => cancel.abort();
  if (options.signal?.aborted === true) cancel.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.all(
      options.seeds.map(async (seed) => {
        if (cancel.signal.aborted) return;
        let result: JobResult;
        try {
          result = await pool.run({ ...options.job, seed }, { signal: cancel.signal });
        } catch (error) {
          if (cancel.signal.aborted) return;
          result = failedJob(seed, options.job, error);
        }
        writeFileAtomic(join(options.outDir, 'seeds', `seed-${seed}.json`), `${stableStringify(result, 2)}\n`);
        results.push(result);
        options.onSeed?.(result, results.length);
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
  const sorted = results.sort((left, right) => left.seed - right.seed);
  const summary = buildMultiSeedSummary({
    requested: options.seeds,
    job: options.job,
    results: sorted,
    interrupted: options.signal?.aborted === true,
  });
  const files = {
    summary: join(options.outDir, 'summary.json'),
    report: join(options.outDir, 'report.html'),
    perSeedCsv: join(options.outDir, summary.outputs.perSeedCsv),
    perSeedJson: join(options.outDir, summary.outputs.perSeedJson),
  };
  writeFileAtomic(files.perSeedCsv, perSeedCsv(sorted));
  writeFileAtomic(files.perSeedJson, `${stableStringify(sorted, 2)}\n`);
  writeFileAtomic(files.summary, `${stableStringify({ ...summary, ...options.extraSummary }, 2)}\n`);
  // The paper figures of the run: bars with 95 % t-intervals, % of the oracle, paired differences with wins.
  writeFileAtomic(files.report, renderMultiSeedReport(summary));
  return { summary, results: sorted, files };
}

function failedJob(seed: number, job: Omit<ExperimentJob, 'seed'>, error: unknown): JobResult {
  return {
    seed,
    status: 'failed',
    steps: 0,
    decisions: decisionSource('mock', job.model ?? ''),
    policies: {},
    llm: createLlmAccumulator().llm(),
    error: error instanceof Error ? error.message : String(error),
  };
}
