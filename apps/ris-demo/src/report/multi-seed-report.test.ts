import { describe, expect, it } from 'vitest';
import {
  compactList,
  type MultiSeedReportInput,
  renderMultiSeedReport,
  type SeedStatistic,
} from './multi-seed-report.ts';

const stat = (mean: number, half: number | null, n = 10): SeedStatistic => ({
  n,
  mean,
  ci95: half === null ? null : [mean - half, mean + half],
});
const paired = (mean: number, half: number, wins: number) => ({
  ...stat(mean, half),
  wins,
  ties: 0,
  losses: 10 - wins,
});
const policy = (label: string, kind: string, rate: number, powerW: number, oracle: number | null) => ({
  label,
  kind,
  kpis: {
    meanSumRateBps: stat(rate, 5e6),
    meanJainFairness: stat(0.55, 0.02),
    energyEfficiencyBitPerJ: stat(rate / powerW, 1e5),
    meanStepUtility: stat(0.4, 0.01),
  },
  percentOfOracleUtility: oracle === null ? null : stat(oracle, 1.5),
});

/** A 10-seed summary as the multi-seed run writes it (numbers chosen by hand). */
function summary(powers: readonly [number, number, number]): MultiSeedReportInput {
  const difference = {
    meanSumRateBps: paired(4.65e6, 1.19e6, 9),
    meanJainFairness: paired(0.01, 0.02, 6),
    energyEfficiencyBitPerJ: paired(1e5, 5e4, 8),
    meanStepUtility: paired(0.002, 0.001, 9),
  };
  return {
    status: 'interrupted',
    seeds: {
      requested: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      completed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      missing: [11, 12],
    },
    job: { steps: 500 },
    decisions: { clock: 'virtual', model: 'none — mock rules' },
    subject: 'scripted-agents',
    policies: {
      'scripted-agents': policy('scripted-agents (mock)', 'agents', 250e6, powers[0], 97.1),
      'fixed-heuristic': policy('fixed-heuristic', 'baseline', 245e6, powers[1], 96.2),
      oracle: policy('oracle', 'oracle', 270e6, powers[2], 100),
    },
    pairedDifferences: { 'fixed-heuristic': difference, oracle: difference },
  };
}

describe('multi-seed report', () => {
  it('draws bars with 95 % error bars, the % of oracle and paired-difference intervals with win counts', () => {
    const html = renderMultiSeedReport(summary([30, 31, 35]));
    expect(html).toContain('<title>Multi-seed comparison: 10 seeds × 500 steps</title>');
    expect(html).toContain('Mock mode: no language model decided anything');
    expect(html).toContain(
      '10 of 12 seeds complete (status interrupted); missing seeds 11–12 are not in the statistics.',
    );
    for (const id of [
      'ms-meanSumRateBps',
      'ms-meanJainFairness',
      'ms-energyEfficiencyBitPerJ',
      'ms-percent-of-oracle',
    ]) {
      expect(html).toContain(`data-chart="${id}"`);
    }
    // Three policies × four bar charts, each bar with its interval.
    expect(html.match(/<path class="error-bar"/g)).toHaveLength(12);
    expect(html.match(/<path class="interval"/g)).toHaveLength(6);
    expect(html).toContain('wins 9/10');
    expect(html).toContain('>250.0 [245.0, 255.0]</td>');
    expect(html).toContain('error bars: 95 % t-interval over 10 seeds');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).not.toContain('NaN');
  });

  it('leaves out the EE bars when EE is the same multiple of the sum rate for every policy', () => {
    const html = renderMultiSeedReport(summary([37.28, 37.28, 37.28]));
    expect(html).not.toContain('data-chart="ms-energyEfficiencyBitPerJ"');
    expect(html).toContain('Energy efficiency is not plotted');
  });

  it('writes compact seed lists', () => {
    expect(compactList([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
    expect(compactList([])).toBe('');
  });
});
