import { csvLine, MULTI_SEED_KPIS } from '@acpt/ris-demo/experiment';
import type { CampaignReport } from './campaign-report.ts';

/**
 * `report.csv`: one row per configuration, policy and KPI with the number of seeds, the mean and its 95 % CI, then
 * one row per paired difference (agent run − baseline on the same seeds) with its CI and win/tie/loss counts.
 */
export function campaignReportCsv(report: CampaignReport): string {
  const lines = [
    csvLine([
      'configuration',
      'label',
      'row',
      'policy',
      'policyLabel',
      'kpi',
      'n',
      'mean',
      'ci95Low',
      'ci95High',
      'wins',
      'ties',
      'losses',
      'coverage',
      'decidedBy',
    ]),
  ];
  for (const configuration of report.configurations) {
    const statistics = configuration.statistics;
    if (statistics === null) continue;
    const decidedBy = configuration.decisions?.label ?? '';
    for (const [policy, entry] of Object.entries(statistics.policies)) {
      for (const kpi of MULTI_SEED_KPIS) {
        const value = entry.kpis[kpi];
        lines.push(
          csvLine([
            configuration.id,
            configuration.label,
            'mean',
            policy,
            entry.label,
            kpi,
            value.n,
            value.mean,
            value.ci95?.[0],
            value.ci95?.[1],
            null,
            null,
            null,
            configuration.coverage,
            decidedBy,
          ]),
        );
      }
    }
    for (const [baseline, differences] of Object.entries(statistics.pairedDifferences)) {
      for (const kpi of MULTI_SEED_KPIS) {
        const value = differences[kpi];
        lines.push(
          csvLine([
            configuration.id,
            configuration.label,
            `${statistics.subject ?? 'agents'} - ${baseline}`,
            baseline,
            statistics.policies[baseline]?.label,
            kpi,
            value.n,
            value.mean,
            value.ci95?.[0],
            value.ci95?.[1],
            value.wins,
            value.ties,
            value.losses,
            configuration.coverage,
            decidedBy,
          ]),
        );
      }
    }
  }
  return lines.join('');
}
