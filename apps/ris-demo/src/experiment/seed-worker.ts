/**
 * The worker-thread entry of a multi-seed experiment (run by the piscina pool of `multi-seed.ts`): one
 * (scenario, seed) job → its result. Nothing here is shared between jobs, so the result does not depend on the thread.
 */
import { type ExperimentJob, type JobResult, runExperimentJob } from './run-job.ts';

/** Runs one job. */
export default function runSeedJob(job: ExperimentJob): Promise<JobResult> {
  return runExperimentJob(job);
}
