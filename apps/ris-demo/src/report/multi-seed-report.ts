import { escapeXml } from './escape-xml.ts';
import { formatFixed } from './format-units.ts';
import { htmlPage, htmlSections, htmlTable } from './html-page.ts';
import { multiSeedFigures } from './multi-seed-figures.ts';
import { decisionLabels } from './report-labels.ts';

/** A mean over seeds with its 95 % interval (null for fewer than two seeds). */
export interface SeedStatistic {
  readonly n: number;
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
}

/** A paired difference over seeds with its win count. */
export interface PairedStatistic extends SeedStatistic {
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
}

/** The KPIs the multi-seed report draws. */
export type ReportedKpi = 'meanSumRateBps' | 'meanJainFairness' | 'energyEfficiencyBitPerJ' | 'meanStepUtility';

/** What the multi-seed report reads: the fields of the multi-seed `summary.json` it draws. */
export interface MultiSeedReportInput {
  readonly status: 'complete' | 'interrupted' | 'failed';
  readonly seeds: {
    readonly requested: readonly number[];
    readonly completed: readonly number[];
    readonly missing: readonly number[];
  };
  readonly job: { readonly steps: number };
  readonly decisions: { readonly clock: 'virtual' | 'wall' | 'recorded'; readonly model: string } | null;
  /** The policy every other one is compared with (the agent run). */
  readonly subject: string | null;
  readonly policies: Readonly<
    Record<
      string,
      {
        readonly label: string;
        readonly kind: string;
        readonly kpis: Readonly<Record<ReportedKpi, SeedStatistic>>;
        readonly percentOfOracleUtility: SeedStatistic | null;
      }
    >
  >;
  /** subject − policy, per policy and KPI, paired by seed. */
  readonly pairedDifferences: Readonly<Record<string, Readonly<Record<ReportedKpi, PairedStatistic>>>>;
}

/**
 * Renders the self-contained HTML report of a multi-seed run: the labels of what decided, the seeds that completed,
 * a table and bars of every policy's means with 95 % t-intervals over seeds, the share of the oracle's utility, and
 * the paired differences of the agent run against each other policy with their intervals and win counts.
 */
export function renderMultiSeedReport(summary: MultiSeedReportInput): string {
  const seeds = summary.seeds.completed.length;
  const title = `Multi-seed comparison: ${seeds} seeds × ${summary.job.steps} steps`;
  const labels = [...(summary.decisions === null ? [] : decisionLabels(summary.decisions)), seedStatement(summary)];
  const entries = Object.entries(summary.policies);
  const withCi = (statistic: SeedStatistic, scale: number, digits: number): string =>
    statistic.ci95 === null
      ? formatFixed(statistic.mean * scale, digits)
      : `${formatFixed(statistic.mean * scale, digits)} [${formatFixed(statistic.ci95[0] * scale, digits)}, ${formatFixed(statistic.ci95[1] * scale, digits)}]`;
  const oracle = entries.some(([, entry]) => entry.percentOfOracleUtility !== null);
  const table = htmlTable(
    ['policy', 'sum rate (Mbit/s)', "Jain's index", 'EE (Mbit/J)', ...(oracle ? ['utility (% of oracle)'] : [])],
    entries.map(([, entry]) => ({
      label: entry.label,
      cells: [
        withCi(entry.kpis.meanSumRateBps, 1e-6, 1),
        withCi(entry.kpis.meanJainFairness, 1, 3),
        withCi(entry.kpis.energyEfficiencyBitPerJ, 1e-6, 2),
        ...(oracle ? [entry.percentOfOracleUtility === null ? '-' : withCi(entry.percentOfOracleUtility, 1, 1)] : []),
      ],
    })),
  );
  return htmlPage({
    title,
    labels,
    body: [
      '<h2>Means over seeds, 95 % t-intervals</h2>',
      table,
      '<h2>Figures</h2>',
      ...htmlSections(multiSeedFigures(summary)),
      `<ul class="notes"><li>${escapeXml(
        'Every policy ran on every seed with the same channels (common random numbers); intervals are Student-t 95 % intervals of the mean over the completed seeds, and differences are paired by seed.',
      )}</li></ul>`,
    ],
  });
}

function seedStatement(summary: MultiSeedReportInput): string {
  const { requested, completed, missing } = summary.seeds;
  const base = `${completed.length} of ${requested.length} seeds complete (status ${summary.status})`;
  return missing.length === 0
    ? `${base}; statistics over seeds ${compactList(completed)}.`
    : `${base}; missing seeds ${compactList(missing)} are not in the statistics.`;
}

/** `1–5, 8, 10–11` from a sorted list of integers. */
export function compactList(values: readonly number[]): string {
  const parts: string[] = [];
  for (let index = 0; index < values.length; ) {
    let end = index;
    while (end + 1 < values.length && values[end + 1] === values[end]! + 1) end += 1;
    parts.push(end > index ? `${values[index]}–${values[end]}` : String(values[index]));
    index = end + 1;
  }
  return parts.join(', ');
}
