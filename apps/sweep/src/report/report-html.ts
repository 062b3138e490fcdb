import { escapeXml, type MeanInterval, type MultiSeedKpi } from '@acpt/ris-demo/experiment';
import type { CampaignReport, ConfigurationReport } from './campaign-report.ts';

const number = (value: number, digits = 4): string =>
  Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : '–';

/** `mean [low, high]` (or `mean (n = 1, no interval)`), scaled. */
function interval(value: MeanInterval | null | undefined, scale = 1): string {
  if (value === null || value === undefined) return '–';
  const mean = number(value.mean * scale);
  if (value.ci95 === null) return `${mean} <small>(n = ${value.n}, no interval)</small>`;
  return `${mean} <small>[${number(value.ci95[0] * scale)}, ${number(value.ci95[1] * scale)}]</small>`;
}

const KPI_COLUMNS: readonly { readonly kpi: MultiSeedKpi; readonly title: string; readonly scale: number }[] = [
  { kpi: 'meanSumRateBps', title: 'Sum rate (Mbit/s)', scale: 1e-6 },
  { kpi: 'meanJainFairness', title: 'Jain fairness', scale: 1 },
  { kpi: 'energyEfficiencyBitPerJ', title: 'Energy efficiency (Mbit/J)', scale: 1e-6 },
  { kpi: 'meanStepUtility', title: 'Weighted utility', scale: 1 },
];

function resultRows(configuration: ConfigurationReport): string {
  const statistics = configuration.statistics;
  if (statistics === null) return '';
  return Object.entries(statistics.policies)
    .map(
      ([, entry]) =>
        `<tr><td>${escapeXml(configuration.label)}</td><td>${escapeXml(entry.label)}</td><td>${entry.kpis.meanSumRateBps.n}</td>` +
        KPI_COLUMNS.map(({ kpi, scale }) => `<td>${interval(entry.kpis[kpi], scale)}</td>`).join('') +
        `<td>${interval(entry.percentOfOracleUtility)}</td></tr>`,
    )
    .join('\n');
}

function pairedRows(configuration: ConfigurationReport): string {
  const statistics = configuration.statistics;
  if (statistics === null) return '';
  return Object.entries(statistics.pairedDifferences)
    .map(([baseline, differences]) => {
      const rate = differences.meanSumRateBps;
      const utility = differences.meanStepUtility;
      return (
        `<tr><td>${escapeXml(configuration.label)}</td><td>${escapeXml(statistics.policies[baseline]?.label ?? baseline)}</td>` +
        `<td>${interval(rate, 1e-6)}</td><td>${rate.wins} / ${rate.ties} / ${rate.losses}</td>` +
        `<td>${interval(utility)}</td></tr>`
      );
    })
    .join('\n');
}

function coverageRow(configuration: ConfigurationReport): string {
  const { tokens, seeds } = configuration;
  const basis =
    tokens.basis === 'mock estimate'
      ? 'mock estimate: no model asked, no cost'
      : tokens.basis === 'measured'
        ? 'measured (API usage)'
        : '–';
  return (
    `<tr><td>${escapeXml(configuration.label)}</td><td>${seeds.completed} / ${seeds.requested}</td>` +
    `<td>${number(configuration.coverage * 100, 3)} %</td><td>${seeds.failed.length}</td><td>${seeds.pending.length}</td>` +
    `<td>${tokens.promptTokens}</td><td>${tokens.completionTokens}</td><td>${basis}</td></tr>`
  );
}

/**
 * `report.html`: a self-contained page (no scripts, inline CSS) with, per configuration and policy, the mean and 95 %
 * CI of each KPI over the completed seeds, the paired differences against the agent run, cost (tokens) versus
 * coverage, and the failed jobs with their errors. Every figure says where it came from.
 */
export function campaignReportHtml(report: CampaignReport): string {
  const decisions = [...new Set(report.configurations.map((entry) => entry.decisions?.decidedBy).filter(Boolean))];
  const failed = report.configurations.flatMap((configuration) =>
    configuration.seeds.failed.map(
      (job) =>
        `<tr><td>${escapeXml(configuration.label)}</td><td>${job.seed}</td><td><code>${escapeXml(job.jobId)}</code></td>` +
        `<td>${job.attempts}</td><td>${escapeXml(job.error)}</td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Campaign ${escapeXml(report.campaign)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:0.3rem 0.6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa} small{color:#57606a} .note{color:#57606a;max-width:60rem}
</style></head><body>
<h1>Campaign <code>${escapeXml(report.campaign)}</code></h1>
<p class="note">Who decided in the agent runs: ${decisions.map((text) => escapeXml(String(text))).join('; ') || '–'}.
Statistics: mean over the completed seeds with the 95 % Student-t interval in brackets; every policy of a
configuration ran on the same seeds and channels (paired comparison).</p>
<h2>Results per configuration and policy</h2>
<table><thead><tr><th>Configuration</th><th>Policy</th><th>Seeds</th>${KPI_COLUMNS.map((column) => `<th>${column.title}</th>`).join('')}<th>% of oracle utility</th></tr></thead>
<tbody>
${report.configurations.map(resultRows).join('\n')}
</tbody></table>
<h2>Agent run minus baseline, paired by seed</h2>
<table><thead><tr><th>Configuration</th><th>Baseline</th><th>Δ sum rate (Mbit/s)</th><th>Seeds better / equal / worse</th><th>Δ weighted utility</th></tr></thead>
<tbody>
${report.configurations.map(pairedRows).join('\n')}
</tbody></table>
<h2>Cost versus coverage</h2>
<table><thead><tr><th>Configuration</th><th>Seeds done</th><th>Coverage</th><th>Failed</th><th>Pending</th><th>Prompt tokens</th><th>Completion tokens</th><th>Basis</th></tr></thead>
<tbody>
${report.configurations.map(coverageRow).join('\n')}
</tbody></table>
<h2>Failed jobs (${report.failedJobs})</h2>
${failed.length === 0 ? '<p>None.</p>' : `<table><thead><tr><th>Configuration</th><th>Seed</th><th>Job</th><th>Attempts</th><th>Error</th></tr></thead><tbody>\n${failed.join('\n')}\n</tbody></table>`}
</body></html>
`;
}
