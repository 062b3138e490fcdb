/** What one finished job leaves in the store: a JSON summary plus any output files. */
export interface JobOutput<TSummary = unknown> {
  /** The job's summary (also recorded as the BullMQ job's return value). */
  readonly summary: TSummary;
  /** Output files by relative name (`steps.jsonl`, `report.html`, …). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
}

/** The outcome of {@link ResultsStore.publish}. */
export type PublishOutcome = 'written' | 'exists';

/**
 * Where workers put each job's outputs: a folder shared by the workers, or object storage behind this interface.
 * `publish` is atomic and happens at most once per job id: readers never see a partial result, and when two workers
 * race on one job (a stalled job handed over while its first worker still finishes), exactly one publish wins and the
 * other learns it with `exists`. An object store implements it with a conditional put (`If-None-Match: *`) of a
 * manifest written after the files.
 */
export interface ResultsStore {
  /** Stores a job's outputs atomically, unless the job already has them. */
  publish<TSummary>(jobId: string, output: JobOutput<TSummary>): Promise<PublishOutcome>;
  /** The summary of a published job, or `undefined`. */
  summary<TSummary = unknown>(jobId: string): Promise<TSummary | undefined>;
  /** Ids of every published job. */
  list(): Promise<string[]>;
  /** Where a job's files are, for reports and users (a folder path or a URL). */
  locate(jobId: string): string;
}
