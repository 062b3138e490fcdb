import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectCampaignResults, FilesystemResultsStore } from '@acpt/campaign';
import type { CliIo } from '../cli/cli-io.ts';
import { parseCommand, positional, redisUrlOf, resultsDirOf } from '../cli/common-options.ts';
import { openCampaign } from '../cli/open-campaign.ts';
import { buildCampaignReport, type CampaignReport } from '../report/campaign-report.ts';
import { campaignReportCsv } from '../report/report-csv.ts';
import { campaignReportHtml } from '../report/report-html.ts';
import type { RisJobSummary } from '../runner/ris-job-summary.ts';

/** Writes `report.json`, `report.csv` and `report.html` into `folder`, each atomically (temporary file, rename). */
export function writeCampaignReport(folder: string, report: CampaignReport): string[] {
  mkdirSync(folder, { recursive: true });
  const files: [string, string][] = [
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
    ['report.csv', campaignReportCsv(report)],
    ['report.html', campaignReportHtml(report)],
  ];
  return files.map(([name, content]) => {
    const path = join(folder, name);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, path);
    return path;
  });
}

/** `sweep report NAME [--out DIR]`: the campaign's report from the published results and the failed jobs. */
export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(args, { out: { type: 'string' } });
  const name = positional(command, 'the campaign name (sweep report NAME)');
  const campaign = await openCampaign(redisUrlOf(command, io), name);
  try {
    const results = await collectCampaignResults<RisJobSummary>({
      plan: campaign.plan,
      store: new FilesystemResultsStore(resultsDirOf(command, io)),
      queue: campaign.queue,
    });
    const report = buildCampaignReport({
      campaign: name,
      policies: campaign.spec.policies,
      steps: campaign.spec.steps,
      seeds: campaign.plan.seeds,
      results,
    });
    const folder = resolve(io.cwd, (command.values['out'] as string | undefined) ?? `sweep-report-${name}`);
    for (const path of writeCampaignReport(folder, report)) io.stdout.write(`wrote ${path}\n`);
    return 0;
  } finally {
    await campaign.close();
  }
}
