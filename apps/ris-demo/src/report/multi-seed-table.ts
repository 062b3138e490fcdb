import type { MultiSeedSummary } from '../experiment/multi-seed-summary.ts';
import type { MeanInterval } from '../experiment/paired-stats.ts';
import { formatFixed, formatSi } from './format-units.ts';
import type { Table } from './summary-tables.ts';

/**
 * The console table of a multi-seed experiment: per policy the mean over seeds with its 95 % t-interval (sum rate,
 * Jain, energy efficiency), the mean per-step weighted utility as % of the oracle's (what the oracle maximises), and the paired difference of the agent run's sum rate
 * against the policy (mean and interval, then the seeds where the agent run was better).
 */
export function multiSeedTable(summary: MultiSeedSummary): Table {
  const subject = summary.subject;
  const subjectLabel = subject === null ? 'agents' : (summary.policies[subject]?.label ?? subject);
  const rows = Object.entries(summary.policies).map(([name, policy]) => {
    const paired = summary.pairedDifferences[name]?.meanSumRateBps;
    return {
      label: policy.label,
      cells: [
        interval(policy.kpis.meanSumRateBps, (value) => formatSi(value, 'bit/s')),
        interval(policy.kpis.meanJainFairness, (value) => formatFixed(value, 3)),
        interval(policy.kpis.energyEfficiencyBitPerJ, (value) => formatSi(value, 'bit/J')),
        policy.percentOfOracleUtility === null
          ? '-'
          : `${interval(policy.percentOfOracleUtility, (value) => formatFixed(value, 1))} %`,
        paired === undefined ? '-' : interval(paired, (value) => formatSi(value, 'bit/s'), true),
        paired === undefined ? '-' : `${paired.wins}/${paired.n}`,
      ],
    };
  });
  return {
    columns: [
      'policy',
      'sum rate ± 95 % CI',
      'Jain',
      'energy eff.',
      'utility % oracle',
      `Δ sum rate ${subjectLabel} − policy`,
      'wins',
    ],
    rows,
  };
}

/** `mean ± half-width` of the symmetric 95 % t-interval (just the mean for one seed). */
function interval(value: MeanInterval, format: (value: number) => string, signed = false): string {
  const mean = `${signed && value.mean > 0 ? '+' : ''}${format(value.mean)}`;
  if (value.ci95 === null) return mean;
  return `${mean} ± ${format((value.ci95[1] - value.ci95[0]) / 2)}`;
}
