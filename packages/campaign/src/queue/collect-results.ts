import type { Queue } from 'bullmq';
import type { ResultsStore } from '../results/results-store.ts';
import type { CampaignConfiguration, CampaignJobData, CampaignPlan } from '../spec/expand-campaign.ts';

/** A job that failed after all its attempts. */
export interface FailedJob {
  readonly jobId: string;
  readonly seed: number;
  /** The last attempt's error message. */
  readonly error: string;
  readonly attempts: number;
}

/** One configuration's jobs: published results (by seed), failures, and seeds with neither yet. */
export interface ConfigurationResults<TSummary> {
  readonly configuration: CampaignConfiguration;
  readonly results: readonly { readonly jobId: string; readonly seed: number; readonly summary: TSummary }[];
  readonly failed: readonly FailedJob[];
  /** Seeds neither published nor failed (waiting, running, or cancelled). */
  readonly pending: readonly number[];
}

/**
 * Gathers a campaign's outcome per configuration: each job's published summary from the results store (the source
 * of truth, which survives a lost Redis), failures from the queue's failed set with their last error.
 */
export async function collectCampaignResults<TSummary>(options: {
  readonly plan: CampaignPlan;
  readonly store: ResultsStore;
  readonly queue?: Queue<CampaignJobData>;
}): Promise<ConfigurationResults<TSummary>[]> {
  const published = new Set(await options.store.list());
  const failedJobs = new Map<string, FailedJob>();
  if (options.queue !== undefined) {
    for (const job of await options.queue.getFailed(0, -1)) {
      if (job?.id === undefined || published.has(job.id)) continue;
      failedJobs.set(job.id, {
        jobId: job.id,
        seed: job.data.seed,
        error: job.failedReason ?? 'unknown error',
        attempts: job.attemptsMade,
      });
    }
  }
  const outcome: ConfigurationResults<TSummary>[] = [];
  for (const configuration of options.plan.configurations) {
    const results: { jobId: string; seed: number; summary: TSummary }[] = [];
    const failed: FailedJob[] = [];
    const pending: number[] = [];
    for (const seed of options.plan.seeds) {
      const jobId = `${configuration.id}-s${seed}`;
      const failure = failedJobs.get(jobId);
      if (published.has(jobId)) {
        const summary = await options.store.summary<TSummary>(jobId);
        if (summary !== undefined) results.push({ jobId, seed, summary });
      } else if (failure !== undefined) failed.push(failure);
      else pending.push(seed);
    }
    outcome.push({ configuration, results, failed, pending });
  }
  return outcome;
}
