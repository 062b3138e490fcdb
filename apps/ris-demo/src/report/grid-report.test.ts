import { describe, expect, it } from 'vitest';
import { type GridReportInput, renderGridReport } from './grid-report.ts';
import { gridReportInput } from './grid-report-input.ts';
import type { PolicyKpiSummary } from './kpi-accumulator.ts';
import type { SeedStatistic } from './multi-seed-report.ts';

const stat = (mean: number, half: number): SeedStatistic => ({ n: 5, mean, ci95: [mean - half, mean + half] });

/** A 3 × 2 grid (RIS elements × vehicles), two policies, each KPI a mean over 5 seeds or a single value. */
function grid(seeds: readonly number[]): GridReportInput {
  const value = (mean: number, half: number): number | SeedStatistic => (seeds.length > 1 ? stat(mean, half) : mean);
  const points = [64, 256, 1024].flatMap((elements, i) =>
    [8, 16].map((vehicles) => ({
      parameters: { risElements: elements, vehicles },
      policies: Object.fromEntries(
        ['scripted-agents', 'fixed-heuristic'].map((name, p) => [
          name,
          {
            label: name === 'scripted-agents' ? 'scripted-agents (mock)' : name,
            kpis: {
              meanSumRateBps: value((200 + 20 * i + vehicles - 5 * p) * 1e6, 4e6),
              meanJainFairness: value(0.5 + 0.02 * i, 0.01),
              energyEfficiencyBitPerJ: value((6 + i) * 1e6, 2e5),
              nomaGainPercent: value(20 - p, 1),
            },
          },
        ]),
      ),
    })),
  );
  return {
    axes: [
      { name: 'risElements', values: [64, 256, 1024] },
      { name: 'vehicles', values: [8, 16] },
    ],
    seeds,
    steps: 300,
    decisions: { clock: 'virtual', model: 'none — mock rules' },
    points,
  };
}

describe('grid report', () => {
  it('draws every KPI against the first parameter, one panel per value of the second, with 95 % bands over seeds', () => {
    const html = renderGridReport(grid([1, 2, 3, 4, 5]));
    // 4 KPIs × 2 panels (vehicles = 8, 16).
    expect(html.match(/<svg class="chart"/g)).toHaveLength(8);
    expect(html).toContain('data-chart="grid-meanSumRateBps-1"');
    expect(html).toContain('Mean sum rate: vehicles = 16');
    // Two policies × 3 points per panel get a dot and an error bar each.
    expect(html.match(/<circle class="marker"/g)).toHaveLength(8 * 2 * 3);
    expect(html.match(/<path class="error-bar"/g)).toHaveLength(8 * 2 * 3);
    expect(html).toMatch(/>1024<\/text>/);
    expect(html).toContain('error bars are 95 % t-intervals of the mean over seeds');
    expect(html).toContain('Mock mode: no language model decided anything');
    expect(html).not.toContain('NaN');
  });

  it('draws no band and says so for a one-seed grid', () => {
    const html = renderGridReport(grid([7]));
    expect(html).not.toContain('class="error-bar"');
    expect(html).toContain('Every point ran one seed (7)');
  });

  it('reads one-seed grid summaries (NOMA gain from the OMA rate) and multi-seed ones (intervals, no NOMA gain)', () => {
    const axes = [{ name: 'vehicles', values: [4, 6] }];
    const kpis = {
      meanSumRateBps: 150e6,
      meanOmaSumRateBps: 120e6,
      meanJainFairness: 0.6,
      energyEfficiencyBitPerJ: 5e6,
    };
    const decisions = { clock: 'virtual' as const, model: 'none — mock rules' };
    const oneSeed = gridReportInput(
      {
        axes,
        seeds: [1],
        points: [4, 6].map((vehicles) => ({
          parameters: { vehicles },
          outDir: `vehicles=${vehicles}`,
          policies: { random: kpis as unknown as PolicyKpiSummary },
        })),
      },
      { steps: 20, decisions },
    );
    expect(oneSeed.points[0]!.policies.random).toEqual({
      label: 'random',
      kpis: { meanSumRateBps: 150e6, meanJainFairness: 0.6, energyEfficiencyBitPerJ: 5e6, nomaGainPercent: 25 },
    });
    const seeds = gridReportInput(
      {
        axes,
        seeds: [1, 2],
        points: [4, 6].map((vehicles) => ({
          parameters: { vehicles },
          policies: {
            random: {
              label: 'random',
              kpis: {
                meanSumRateBps: stat(150e6, 5e6),
                meanJainFairness: stat(0.6, 0.1),
                energyEfficiencyBitPerJ: null,
              },
            },
          },
        })),
      },
      { steps: 20, decisions },
    );
    expect(seeds.points[1]!.policies.random!.kpis).toEqual({
      meanSumRateBps: stat(150e6, 5e6),
      meanJainFairness: stat(0.6, 0.1),
    });
    const html = renderGridReport(seeds);
    expect(html).toContain('data-chart="grid-meanSumRateBps-0"');
    expect(html).not.toContain('NOMA-over-OMA');
    expect(html).not.toContain('data-chart="grid-energyEfficiencyBitPerJ-0"');
  });
});
