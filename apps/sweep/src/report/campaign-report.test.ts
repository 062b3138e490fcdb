import type { ConfigurationResults } from '@acpt/campaign';
import type { JobResult } from '@acpt/ris-demo/experiment';
import { describe, expect, it } from 'vitest';
import type { RisJobSummary } from '../runner/ris-job-summary.ts';
import { buildCampaignReport } from './campaign-report.ts';
import { campaignReportCsv } from './report-csv.ts';
import { campaignReportHtml } from './report-html.ts';

const kpis = (sumRateMbps: number) => ({
  meanSumRateBps: sumRateMbps * 1e6,
  meanJainFairness: 0.9,
  energyEfficiencyBitPerJ: 1e6,
  meanRisGainDb: 3,
  handoverSuccesses: 1,
  pingPongs: 0,
  sicFailures: 0,
  meanStepUtility: 0.5,
});

/** A job result with the two policies' sum rates on one seed (other fields as the report does not read them). */
function result(seed: number, agents: number, rules: number): JobResult {
  const policy = (label: string, kind: string, rate: number) => ({
    label,
    kind,
    decidedBy: label,
    coordinated: true,
    kpis: kpis(rate),
    percentOfOracle: null,
  });
  return {
    seed,
    status: 'complete',
    steps: 10,
    decisions: {
      policy: 'scripted-agents',
      label: 'scripted-agents (mock)',
      model: 'none — mock rules',
      decidedBy: 'scripted mock rules',
      clock: 'virtual',
      measured: false,
    },
    policies: {
      'scripted-agents': policy('scripted-agents (mock)', 'agents', agents),
      'scripted-rules': policy('scripted-rules', 'baseline', rules),
    },
    llm: { measured: null, adapterPath: { clock: 'virtual', promptTokens: 100, completionTokens: 10 } },
  } as unknown as JobResult;
}

const configuration = {
  id: 'abc123abc123',
  label: 'default / mock',
  scenario: { name: 'default', variant: 'default', set: {} },
  adapter: { name: 'mock', settings: {} },
};

describe('buildCampaignReport', () => {
  it('gives each policy the mean and 95 % t-interval over seeds, and paired differences, as computed by hand', () => {
    const agents = [10, 20, 30, 40];
    const rules = [8, 19, 25, 36];
    const results: ConfigurationResults<RisJobSummary>[] = [
      {
        configuration,
        results: agents.map((value, index) => ({
          jobId: `abc123abc123-s${index + 1}`,
          seed: index + 1,
          summary: {
            schemaVersion: 1,
            configurationId: configuration.id,
            label: configuration.label,
            seed: index + 1,
            result: result(index + 1, value, rules[index] as number),
          },
        })),
        failed: [{ jobId: 'abc123abc123-s5', seed: 5, error: 'poison <b>', attempts: 3 }],
        pending: [6],
      },
    ];
    const report = buildCampaignReport({ campaign: 'hand', steps: 10, seeds: [1, 2, 3, 4, 5, 6], results });
    const [entry] = report.configurations;
    // By hand: mean 25, s = sqrt(((-15)² + (-5)² + 5² + 15²) / 3) = 12.9099, t(0.975, 3) = 3.182446,
    // half width = 3.1824463 · 12.9099445 / 2 = 20.5426026.
    const rate = entry?.statistics?.policies['scripted-agents']?.kpis.meanSumRateBps;
    expect(rate?.n).toBe(4);
    expect(rate?.mean).toBeCloseTo(25e6, 0);
    expect(rate?.ci95?.[0]).toBeCloseTo(4.4573974e6, -1);
    expect(rate?.ci95?.[1]).toBeCloseTo(45.5426026e6, -1);
    // Differences 2, 1, 5, 4: mean 3, s = 1.8257419, half width = 3.1824463 · 1.8257419 / 2 = 2.9051627.
    const paired = entry?.statistics?.pairedDifferences['scripted-rules']?.meanSumRateBps;
    expect(paired?.mean).toBeCloseTo(3e6, 0);
    expect(paired?.ci95?.[0]).toBeCloseTo(0.0948373e6, -1);
    expect(paired?.ci95?.[1]).toBeCloseTo(5.9051627e6, -1);
    expect([paired?.wins, paired?.ties, paired?.losses]).toEqual([4, 0, 0]);
    expect(entry?.coverage).toBeCloseTo(4 / 6);
    expect(entry?.tokens).toEqual({ promptTokens: 400, completionTokens: 40, basis: 'mock estimate' });
    expect(report.failedJobs).toBe(1);

    const csv = campaignReportCsv(report);
    expect(csv).toContain(
      'abc123abc123,default / mock,mean,scripted-agents,scripted-agents (mock),meanSumRateBps,4,25000000,4457400,45542600',
    );
    const html = campaignReportHtml(report);
    expect(html).toContain('25 <small>[4.457, 45.54]</small>');
    expect(html).toContain('poison &lt;b&gt;');
    expect(html).toContain('mock estimate: no model asked, no cost');
    expect(html).not.toMatch(/<script/);
  });
});
