import { seriesColor } from './chart-palette.ts';
import { type ChartPoint, extent } from './chart-scale.ts';
import { renderLineChart } from './line-chart.ts';
import type { ReportModel } from './report-model.ts';
import { meanRisGainDb } from './ris-gain-grid.ts';

/**
 * One SINR-over-time panel per policy, on a shared y axis: the 10th–90th and 25th–75th percentile bands over the
 * vehicles and the median line (three series per panel), in the policy's colour.
 */
export function sinrBandCharts(model: ReportModel): string[] {
  const domain = extent(
    model.policies.flatMap((policy) => policy.figures.sinrBands.flatMap((band) => [band.p10, band.p90])),
  );
  return model.policies.map((policy, index) => {
    const color = seriesColor(index);
    const bands = policy.figures.sinrBands;
    return renderLineChart({
      id: `sinr-bands-${index}`,
      title: `SINR across vehicles: ${policy.policy}`,
      xLabel: 'time (s)',
      yLabel: 'SINR (dB)',
      yDomain: domain,
      width: 560,
      height: 240,
      bands: [
        {
          name: '10th–90th pct.',
          points: bands.map((band) => [band.timeS, band.p10, band.p90] as const),
          color,
          opacity: 0.18,
        },
        {
          name: '25th–75th pct.',
          points: bands.map((band) => [band.timeS, band.p25, band.p75] as const),
          color,
          opacity: 0.38,
        },
      ],
      series: [{ name: 'median', points: bands.map((band): ChartPoint => [band.timeS, band.p50]), color }],
    });
  });
}

/** The colour range shared by the RIS gain maps: every visited cell of every policy, widened to include 0 dB. */
export function sharedGainDomainDb(model: ReportModel): [number, number] {
  const means: number[] = [0];
  for (const policy of model.policies) {
    const grid = policy.figures.risGain;
    for (let lane = 0; lane < grid.lanes; lane += 1) {
      for (let segment = 0; segment < grid.segments; segment += 1) {
        const mean = meanRisGainDb(grid, lane, segment);
        if (mean !== null) means.push(mean);
      }
    }
  }
  return extent(means);
}
