import type { GridReportInput, GridValue } from './grid-report.ts';
import type { PolicyKpiSummary } from './kpi-accumulator.ts';
import type { DecisionClock } from './report-labels.ts';

/** A policy's KPIs at a grid point: the bare KPI summary, or a labelled result holding it. */
type PointPolicy = PolicyKpiSummary | { readonly label: string; readonly kpis: PolicyKpiSummary };

/** The parts of a grid summary (`grid-summary.json`) the grid report draws. */
export interface GridSummaryLike {
  readonly axes: readonly { readonly name: string; readonly values: readonly GridValue[] }[];
  readonly seeds: readonly number[];
  readonly points: readonly {
    readonly parameters: Readonly<Record<string, GridValue>>;
    readonly policies: Readonly<Record<string, PointPolicy>>;
    readonly outDir?: string;
  }[];
}

const CLOCK: Readonly<Record<'mock' | 'live' | 'replay', DecisionClock>> = {
  mock: 'virtual',
  live: 'wall',
  replay: 'recorded',
};

/**
 * The grid report's input from a grid summary and the run settings its points shared: per point and policy the mean
 * sum rate, Jain index, energy efficiency and the NOMA-over-OMA gain (mean sum rate over the mean OMA sum rate − 1).
 */
export function gridReportInput(
  summary: GridSummaryLike,
  run: { readonly mode: 'mock' | 'live' | 'replay'; readonly model: string; readonly steps: number },
): GridReportInput {
  return {
    axes: summary.axes,
    seeds: summary.seeds,
    steps: run.steps,
    decisions: { clock: CLOCK[run.mode], model: run.model },
    points: summary.points.map((point) => ({
      parameters: point.parameters,
      ...(point.outDir === undefined ? {} : { outDir: point.outDir }),
      policies: Object.fromEntries(
        Object.entries(point.policies).map(([name, entry]) => {
          const kpis = 'kpis' in entry ? entry.kpis : entry;
          return [
            name,
            {
              label: 'kpis' in entry ? entry.label : name,
              kpis: {
                meanSumRateBps: kpis.meanSumRateBps,
                meanJainFairness: kpis.meanJainFairness,
                energyEfficiencyBitPerJ: kpis.energyEfficiencyBitPerJ,
                nomaGainPercent:
                  kpis.meanOmaSumRateBps > 0 ? (kpis.meanSumRateBps / kpis.meanOmaSumRateBps - 1) * 100 : 0,
              },
            },
          ];
        }),
      ),
    })),
  };
}
