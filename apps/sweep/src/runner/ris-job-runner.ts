import type { CampaignJobData, JobOutput, JobRunner } from '@acpt/campaign';
import { AbortedError } from '@acpt/config';
import { type ExperimentJob, runExperimentJob } from '@acpt/ris-demo/experiment';
import { parseAdapterSettings } from './adapter-settings.ts';
import type { RisJobSummary } from './ris-job-summary.ts';
import { scenarioOverridesOf } from './scenario-overrides.ts';

/** The ris-demo job of a campaign job: scenario, seed, steps, adapter settings, and the oracle when asked for. */
export function experimentJobOf(data: CampaignJobData): ExperimentJob {
  const settings = parseAdapterSettings(data.configuration.adapter.settings, 0, { kind: 'override' });
  return {
    seed: data.seed,
    steps: data.steps,
    scenario: scenarioOverridesOf(data.configuration),
    oracle: data.policies.includes('oracle'),
    ...settings,
  };
}

/**
 * Runs a campaign job through the ris-demo library API: the agent run and every baseline (and the oracle) on the
 * job's seed, all on the same channels. A run stopped by the signal (cancel, shutdown, lost lease) throws so that the
 * job is retried elsewhere instead of publishing a partial result; a failed run throws its error.
 */
export function createRisJobRunner(): JobRunner<RisJobSummary> {
  return async (data, context): Promise<JobOutput<RisJobSummary>> => {
    const job = experimentJobOf(data);
    const result = await runExperimentJob(job, { signal: context.signal });
    if (result.status === 'interrupted' || context.signal.aborted) {
      throw context.signal.reason ?? new AbortedError(`job ${context.jobId} was interrupted`);
    }
    if (result.status === 'failed') throw new Error(result.error ?? `job ${context.jobId} failed`);
    context.progress(100);
    const summary: RisJobSummary = {
      schemaVersion: 1,
      configurationId: data.configuration.id,
      label: data.configuration.label,
      seed: data.seed,
      result,
    };
    return { summary };
  };
}
