import { type Bar, renderBarChart } from './bar-chart.ts';
import { escapeXml } from './escape-xml.ts';
import { renderIntervalChart } from './interval-chart.ts';
import type { MultiSeedReportInput, ReportedKpi, SeedStatistic } from './multi-seed-report.ts';
import { type FigureSection, figure, multiples } from './report-figures.ts';

const KPI_VIEW: Readonly<
  Record<Exclude<ReportedKpi, 'meanStepUtility'>, { title: string; unit: string; scale: number }>
> = {
  meanSumRateBps: { title: 'Mean sum rate', unit: 'sum rate (Mbit/s)', scale: 1e-6 },
  meanJainFairness: { title: "Mean Jain's fairness", unit: "Jain's index", scale: 1 },
  energyEfficiencyBitPerJ: { title: 'Energy efficiency', unit: 'energy efficiency (Mbit/J)', scale: 1e-6 },
};

/** The multi-seed report's figures: bars with 95 % intervals, % of oracle, paired-difference interval charts. */
export function multiSeedFigures(summary: MultiSeedReportInput): FigureSection[] {
  const entries = Object.entries(summary.policies);
  const seeds = summary.seeds.completed.length;
  const interval = seeds < 2 ? 'one seed: no interval' : `error bars: 95 % t-interval over ${seeds} seeds`;
  const bars = (kpi: ReportedKpi, scale: number): Bar[] =>
    entries.map(([, entry]) => toBar(entry.label, entry.kpis[kpi], scale));
  const means: string[] = [];
  for (const [kpi, view] of Object.entries(KPI_VIEW) as [
    keyof typeof KPI_VIEW,
    (typeof KPI_VIEW)[keyof typeof KPI_VIEW],
  ][]) {
    if (kpi === 'energyEfficiencyBitPerJ' && eeRepeatsSumRate(summary)) {
      means.push(
        `<p class="omitted">${escapeXml('Energy efficiency is not plotted: it is the same multiple of the sum rate for every policy (constant total power), so its bars would repeat the sum-rate bars.')}</p>`,
      );
      continue;
    }
    means.push(
      figure(
        renderBarChart({
          id: `ms-${kpi}`,
          title: view.title,
          yLabel: view.unit,
          bars: bars(kpi, view.scale),
          width: 560,
        }),
        `Mean over seeds (${interval}).`,
      ),
    );
  }
  const oracleBars = entries.flatMap(([, entry]) =>
    entry.percentOfOracleUtility === null ? [] : [toBar(entry.label, entry.percentOfOracleUtility, 1)],
  );
  if (oracleBars.length > 0) {
    means.push(
      figure(
        renderBarChart({
          id: 'ms-percent-of-oracle',
          title: "Weighted utility as % of the oracle's",
          yLabel: 'utility (% of oracle)',
          bars: oracleBars,
          formatValue: (value) => `${value.toFixed(1)} %`,
          width: 560,
        }),
        `Mean per-step weighted utility (what the coordinator and the oracle maximise) as a percentage of the oracle's, per seed, then averaged (${interval}).`,
      ),
    );
  }
  const subjectLabel =
    summary.subject === null ? 'agent run' : (summary.policies[summary.subject]?.label ?? summary.subject);
  const differences = Object.entries(summary.pairedDifferences);
  const forest = (kpi: ReportedKpi, scale: number, unit: string, title: string): string =>
    renderIntervalChart({
      id: `ms-diff-${kpi}`,
      title,
      xLabel: unit,
      rows: differences.map(([name, kpis]) => {
        const statistic = kpis[kpi];
        return {
          label: `− ${summary.policies[name]?.label ?? name}`,
          estimate: statistic.mean * scale,
          interval: statistic.ci95 === null ? null : [statistic.ci95[0] * scale, statistic.ci95[1] * scale],
          note: `wins ${statistic.wins}/${statistic.n}`,
        };
      }),
    });
  return [
    { heading: 'Means per policy', figures: means },
    ...(differences.length === 0
      ? []
      : [
          {
            heading: `Paired differences: ${subjectLabel} against each policy`,
            figures: [
              multiples(
                [
                  forest(
                    'meanSumRateBps',
                    1e-6,
                    'Δ sum rate (Mbit/s)',
                    `Sum-rate difference: ${subjectLabel} − policy`,
                  ),
                  forest('meanJainFairness', 1, "Δ Jain's index", `Fairness difference: ${subjectLabel} − policy`),
                  forest('meanStepUtility', 1, 'Δ weighted utility', `Utility difference: ${subjectLabel} − policy`),
                ],
                `${subjectLabel} minus each other policy, paired by seed: mean difference with its 95 % t-interval; wins = seeds on which ${subjectLabel} was higher. An interval that excludes 0 (dashed line) is a difference the seeds support.`,
              ),
            ],
          },
        ]),
  ];
}

function toBar(label: string, statistic: SeedStatistic, scale: number): Bar {
  return {
    label,
    value: statistic.mean * scale,
    ...(statistic.ci95 === null ? {} : { interval: [statistic.ci95[0] * scale, statistic.ci95[1] * scale] as const }),
  };
}

/** True when every policy's mean EE is the same multiple of its mean sum rate (a constant total power). */
function eeRepeatsSumRate(summary: MultiSeedReportInput): boolean {
  const ratios = Object.values(summary.policies)
    .filter((entry) => entry.kpis.meanSumRateBps.mean > 0)
    .map((entry) => entry.kpis.energyEfficiencyBitPerJ.mean / entry.kpis.meanSumRateBps.mean);
  const first = ratios[0];
  return first !== undefined && ratios.every((ratio) => Math.abs(ratio - first) <= 1e-9 * first);
}
