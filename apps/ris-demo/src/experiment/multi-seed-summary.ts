import { csvLine } from '../report/csv.ts';
import type { PolicyKpiSummary } from '../report/kpi-accumulator.ts';
import type { PolicyKind } from '../report/run-summary.ts';
import type { DecisionSource } from './decision-source.ts';
import { type MeanInterval, meanInterval, type PairedDifference, pairedDifference } from './paired-stats.ts';
import type { ExperimentJob, JobResult } from './run-job.ts';

/** Version of the multi-seed `summary.json` layout. */
export const MULTI_SEED_SCHEMA_VERSION = 1;

/** A KPI compared across seeds (a per-seed value of `PolicyKpiSummary`). */
export type MultiSeedKpi = keyof Pick<
  PolicyKpiSummary,
  | 'meanSumRateBps'
  | 'meanJainFairness'
  | 'energyEfficiencyBitPerJ'
  | 'meanRisGainDb'
  | 'handoverSuccesses'
  | 'pingPongs'
  | 'sicFailures'
  | 'meanStepUtility'
>;

/** The KPIs compared across seeds, in output order. */
export const MULTI_SEED_KPIS: readonly MultiSeedKpi[] = [
  'meanSumRateBps',
  'meanJainFairness',
  'energyEfficiencyBitPerJ',
  'meanRisGainDb',
  'handoverSuccesses',
  'pingPongs',
  'sicFailures',
  'meanStepUtility',
];

/** A policy across the completed seeds. */
export interface PolicyAcrossSeeds {
  readonly label: string;
  readonly kind: PolicyKind;
  readonly decidedBy: string;
  readonly coordinated: boolean;
  /** Mean over seeds of each KPI with its 95 % t-interval (for bars with error bars). */
  readonly kpis: Readonly<Record<MultiSeedKpi, MeanInterval>>;
  /** Mean sum rate as a percentage of the oracle's, per seed, then averaged with its interval; null without oracle. */
  readonly percentOfOracleSumRate: MeanInterval | null;
  /** Mean per-step weighted utility (what the oracle maximises) as % of the oracle's, over seeds; null without oracle. */
  readonly percentOfOracleUtility: MeanInterval | null;
}

/** The multi-seed `summary.json`. */
export interface MultiSeedSummary {
  readonly schemaVersion: typeof MULTI_SEED_SCHEMA_VERSION;
  readonly kind: 'multi-seed';
  /** `interrupted`: stopped by SIGINT/SIGTERM; `failed`: some seed failed. Statistics use the completed seeds only. */
  readonly status: 'complete' | 'interrupted' | 'failed';
  readonly seeds: {
    readonly requested: readonly number[];
    readonly completed: readonly number[];
    /** Requested seeds without a complete result (not run, interrupted or failed). */
    readonly missing: readonly number[];
    readonly failed: readonly { readonly seed: number; readonly error: string }[];
  };
  /** The settings every seed's job shared. */
  readonly job: Omit<ExperimentJob, 'seed'>;
  readonly decisions: DecisionSource | null;
  /** The policy every baseline is compared with (the agent run). */
  readonly subject: string | null;
  readonly policies: Readonly<Record<string, PolicyAcrossSeeds>>;
  /** subject − baseline per KPI over the completed seeds (paired by seed: common random numbers). */
  readonly pairedDifferences: Readonly<Record<string, Readonly<Record<MultiSeedKpi, PairedDifference>>>>;
  readonly outputs: { readonly perSeedCsv: string; readonly perSeedJson: string; readonly seedsFolder: string };
}

/**
 * Builds the multi-seed summary from the jobs' results (any order; seeds are sorted, so the output does not depend on
 * which thread finished first). Only `complete` results enter the statistics.
 */
export function buildMultiSeedSummary(options: {
  readonly requested: readonly number[];
  readonly job: Omit<ExperimentJob, 'seed'>;
  readonly results: readonly JobResult[];
  readonly interrupted: boolean;
}): MultiSeedSummary {
  const sorted = [...options.results].sort((left, right) => left.seed - right.seed);
  const complete = sorted.filter((result) => result.status === 'complete');
  const completed = complete.map((result) => result.seed);
  const failed = sorted
    .filter((result) => result.status === 'failed')
    .map((result) => ({ seed: result.seed, error: result.error ?? 'unknown error' }));
  const first = complete[0];
  const subject = first === undefined ? null : first.decisions.policy;
  const policies: Record<string, PolicyAcrossSeeds> = {};
  const pairedDifferences: Record<string, Record<MultiSeedKpi, PairedDifference>> = {};
  const oracle = first && Object.entries(first.policies).find(([, entry]) => entry.kind === 'oracle')?.[0];
  for (const [name, entry] of Object.entries(first?.policies ?? {})) {
    const values = (kpi: MultiSeedKpi): number[] => complete.map((result) => result.policies[name]!.kpis[kpi] ?? 0);
    policies[name] = {
      label: entry.label,
      kind: entry.kind,
      decidedBy: entry.decidedBy,
      coordinated: entry.coordinated,
      kpis: mapKpis((kpi) => meanInterval(values(kpi))),
      percentOfOracleSumRate:
        oracle === undefined
          ? null
          : meanInterval(complete.map((result) => result.policies[name]!.percentOfOracle?.meanSumRate ?? 0)),
      percentOfOracleUtility:
        oracle === undefined
          ? null
          : meanInterval(complete.map((result) => result.policies[name]!.percentOfOracle?.meanStepUtility ?? 0)),
    };
    if (name !== subject && subject !== null) {
      const subjectValues = (kpi: MultiSeedKpi): number[] =>
        complete.map((result) => result.policies[subject]!.kpis[kpi] ?? 0);
      pairedDifferences[name] = mapKpis((kpi) => pairedDifference(subjectValues(kpi), values(kpi)));
    }
  }
  const missing = options.requested.filter((seed) => !completed.includes(seed));
  return {
    schemaVersion: MULTI_SEED_SCHEMA_VERSION,
    kind: 'multi-seed',
    status: options.interrupted ? 'interrupted' : failed.length > 0 || missing.length > 0 ? 'failed' : 'complete',
    seeds: { requested: options.requested, completed, missing, failed },
    job: options.job,
    decisions: first?.decisions ?? null,
    subject,
    policies,
    pairedDifferences,
    outputs: { perSeedCsv: 'per-seed.csv', perSeedJson: 'per-seed.json', seedsFolder: 'seeds' },
  };
}

function mapKpis<T>(pick: (kpi: MultiSeedKpi) => T): Record<MultiSeedKpi, T> {
  return Object.fromEntries(MULTI_SEED_KPIS.map((kpi) => [kpi, pick(kpi)])) as Record<MultiSeedKpi, T>;
}

/** `per-seed.csv`: one row per seed and policy (seeds sorted, policies in result order) with each KPI. */
export function perSeedCsv(results: readonly JobResult[]): string {
  const sorted = [...results].sort((left, right) => left.seed - right.seed);
  const lines = [
    csvLine([
      'seed',
      'status',
      'steps',
      'policy',
      'label',
      'kind',
      ...MULTI_SEED_KPIS,
      'percentOfOracleUtility',
      'percentOfOracleSumRate',
    ]),
  ];
  for (const result of sorted) {
    for (const [name, entry] of Object.entries(result.policies)) {
      lines.push(
        csvLine([
          result.seed,
          result.status,
          result.steps,
          name,
          entry.label,
          entry.kind,
          ...MULTI_SEED_KPIS.map((kpi) => entry.kpis[kpi]),
          entry.percentOfOracle?.meanStepUtility ?? null,
          entry.percentOfOracle?.meanSumRate ?? null,
        ]),
      );
    }
  }
  return lines.join('');
}
