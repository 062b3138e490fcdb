import { describe, expect, it } from 'vitest';
import { buildMultiSeedSummary } from '../experiment/multi-seed-summary.ts';
import type { JobResult } from '../experiment/run-job.ts';
import type { PolicyKpiSummary } from './kpi-accumulator.ts';
import { createLlmAccumulator } from './llm-accumulator.ts';
import { multiSeedTable } from './multi-seed-table.ts';

const kpis = (rate: number): PolicyKpiSummary => ({
  steps: 10,
  meanSumRateBps: rate,
  meanOmaSumRateBps: rate,
  meanJainFairness: 0.5,
  energyEfficiencyBitPerJ: rate / 40,
  handoverSuccesses: 1,
  handoverFailures: 0,
  handoverSuccessRate: 1,
  handoversRejected: 0,
  pingPongs: 0,
  sicFailures: 0,
  invalidPairs: 0,
  meanRisGainDb: 1,
  meanStepUtility: null,
});

function job(seed: number, agents: number, baseline: number): JobResult {
  const entry = (label: string, kind: 'agents' | 'baseline', rate: number) => ({
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
      decidedBy: 'rules',
      clock: 'virtual',
      measured: false,
    },
    policies: {
      'scripted-agents': entry('scripted-agents (mock)', 'agents', agents),
      'fixed-heuristic': entry('fixed-heuristic', 'baseline', baseline),
    },
    llm: createLlmAccumulator().llm(),
  };
}

describe('the multi-seed summary and table', () => {
  it('pairs by seed whatever the order results arrive in, and lists missing seeds', () => {
    const results = [job(3, 13e6, 10e6), job(1, 11e6, 10e6), job(2, 12e6, 10e6)];
    const summary = buildMultiSeedSummary({ requested: [1, 2, 3, 4], job: { steps: 10 }, results, interrupted: true });
    expect(summary.status).toBe('interrupted');
    expect(summary.seeds).toMatchObject({ completed: [1, 2, 3], missing: [4] });
    // Differences 1, 2, 3 Mbit/s: mean 2, sd 1, t(0.975, 2) = 4.302653 → half-width 2.484138 Mbit/s.
    const paired = summary.pairedDifferences['fixed-heuristic']!.meanSumRateBps;
    expect(paired.mean).toBeCloseTo(2e6, 3);
    expect(paired.ci95![1] - 2e6).toBeCloseTo(2.484138e6, -1);
    expect([paired.wins, paired.n]).toEqual([3, 3]);
    const reversed = buildMultiSeedSummary({
      requested: [1, 2, 3, 4],
      job: { steps: 10 },
      results: [...results].reverse(),
      interrupted: true,
    });
    expect(reversed).toEqual(summary);
    const table = multiSeedTable(summary);
    expect(table.rows.map((row) => row.label)).toEqual(['scripted-agents (mock)', 'fixed-heuristic']);
    expect(table.rows[1]!.cells[4]).toBe('+2 Mbit/s ± 2.48 Mbit/s');
    expect(table.rows[1]!.cells[5]).toBe('3/3');
  });
});
