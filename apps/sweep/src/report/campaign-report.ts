import type { ConfigurationResults } from '@acpt/campaign';
import {
  buildMultiSeedSummary,
  type DecisionSource,
  type ExperimentJob,
  type MultiSeedSummary,
} from '@acpt/ris-demo/experiment';
import type { RisJobSummary } from '../runner/ris-job-summary.ts';

/** Version of `report.json`. */
export const CAMPAIGN_REPORT_SCHEMA_VERSION = 1;

/** Token use of a configuration's completed jobs, with where the numbers come from. */
export interface TokenUse {
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** `measured`: the API's usage (live/replay); `mock estimate`: the mock's token estimates, no model asked. */
  readonly basis: 'measured' | 'mock estimate' | 'none';
}

/** One configuration of the report. */
export interface ConfigurationReport {
  readonly id: string;
  readonly label: string;
  readonly seeds: {
    readonly requested: number;
    readonly completed: number;
    readonly failed: readonly {
      readonly seed: number;
      readonly jobId: string;
      readonly error: string;
      readonly attempts: number;
    }[];
    readonly pending: readonly number[];
  };
  /** Completed seeds / requested seeds. */
  readonly coverage: number;
  readonly tokens: TokenUse;
  /** Who decided in the agent runs (mock rules or a model), as the ris-demo labels it. */
  readonly decisions: DecisionSource | null;
  /** Mean and 95 % CI per policy and KPI over the completed seeds, and paired differences (the ris-demo's statistics). */
  readonly statistics: MultiSeedSummary | null;
}

/** `report.json` of a campaign. */
export interface CampaignReport {
  readonly schemaVersion: typeof CAMPAIGN_REPORT_SCHEMA_VERSION;
  readonly campaign: string;
  readonly configurations: readonly ConfigurationReport[];
  /** Jobs failed after all their attempts, every configuration. */
  readonly failedJobs: number;
}

function tokenUse(summaries: readonly RisJobSummary[]): TokenUse {
  let promptTokens = 0;
  let completionTokens = 0;
  let measured = false;
  let estimated = false;
  for (const { result } of summaries) {
    const figures = result.llm.measured ?? result.llm.adapterPath;
    if (figures === null) continue;
    promptTokens += figures.promptTokens;
    completionTokens += figures.completionTokens;
    if (result.llm.measured !== null) measured = true;
    else estimated = true;
  }
  const basis =
    measured && !estimated ? 'measured' : estimated && !measured ? 'mock estimate' : measured ? 'measured' : 'none';
  return { promptTokens, completionTokens, basis };
}

/** The statistics restricted to `policies` (and the agent run, the subject of the paired differences). */
function onlyPolicies(statistics: MultiSeedSummary, policies: readonly string[] | undefined): MultiSeedSummary {
  if (policies === undefined) return statistics;
  const keep = (name: string): boolean => name === statistics.subject || policies.includes(name);
  const pick = <TValue>(record: Readonly<Record<string, TValue>>): Record<string, TValue> =>
    Object.fromEntries(Object.entries(record).filter(([name]) => keep(name)));
  return { ...statistics, policies: pick(statistics.policies), pairedDifferences: pick(statistics.pairedDifferences) };
}

/**
 * Builds the campaign report from each configuration's published job summaries: per configuration, the ris-demo's
 * multi-seed statistics (mean and 95 % t-interval per policy and KPI, paired differences against the agent run on
 * the same seeds), coverage (completed / requested seeds), token use with its basis, and the failed jobs.
 */
export function buildCampaignReport(options: {
  readonly campaign: string;
  /** Policies to report (the campaign's `policies`); the agent run is always kept. @defaultValue every policy */
  readonly policies?: readonly string[];
  readonly steps: number;
  readonly seeds: readonly number[];
  readonly results: readonly ConfigurationResults<RisJobSummary>[];
}): CampaignReport {
  const configurations = options.results.map((entry): ConfigurationReport => {
    const summaries = entry.results.map((result) => result.summary);
    const job: Omit<ExperimentJob, 'seed'> = { steps: options.steps };
    const statistics =
      summaries.length === 0
        ? null
        : buildMultiSeedSummary({
            requested: options.seeds,
            job,
            results: summaries.map((summary) => summary.result),
            interrupted: false,
          });
    return {
      id: entry.configuration.id,
      label: entry.configuration.label,
      seeds: {
        requested: options.seeds.length,
        completed: summaries.length,
        failed: entry.failed.map(({ seed, jobId, error, attempts }) => ({ seed, jobId, error, attempts })),
        pending: entry.pending,
      },
      coverage: options.seeds.length === 0 ? 0 : summaries.length / options.seeds.length,
      tokens: tokenUse(summaries),
      decisions: summaries[0]?.result.decisions ?? null,
      statistics: statistics === null ? null : onlyPolicies(statistics, options.policies),
    };
  });
  return {
    schemaVersion: CAMPAIGN_REPORT_SCHEMA_VERSION,
    campaign: options.campaign,
    configurations,
    failedJobs: configurations.reduce((sum, entry) => sum + entry.seeds.failed.length, 0),
  };
}
