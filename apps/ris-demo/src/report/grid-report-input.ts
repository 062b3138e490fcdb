import type { GridKpi, GridPolicyValues, GridReportInput, GridValue } from './grid-report.ts';
import type { PolicyKpiSummary } from './kpi-accumulator.ts';
import type { SeedStatistic } from './multi-seed-report.ts';
import type { DecisionClock } from './report-labels.ts';

/** A KPI value at a grid point: one run's value, or a mean over seeds with its interval. */
type KpiValue = number | SeedStatistic | null | undefined;

/**
 * A policy at a grid point: its bare KPI summary (one seed), or a labelled result whose KPIs are plain values (one
 * seed) or means over seeds with intervals.
 */
type PointPolicy =
  | PolicyKpiSummary
  | { readonly label: string; readonly kpis: PolicyKpiSummary | { readonly [kpi: string]: KpiValue } };

/** The parts of a grid summary (`grid-summary.json`, one seed or several per point) the grid report draws. */
export interface GridSummaryLike {
  readonly axes: readonly { readonly name: string; readonly values: readonly GridValue[] }[];
  readonly seeds: readonly number[];
  readonly points: readonly {
    readonly parameters: Readonly<Record<string, GridValue>>;
    readonly policies: Readonly<Record<string, PointPolicy>>;
    readonly outDir?: string;
  }[];
}

/**
 * The grid report's input from a grid summary, the number of steps and who decided: per point and policy the mean
 * sum rate, Jain index and energy efficiency (with their intervals when several seeds ran) and, for one-seed grids,
 * the NOMA-over-OMA gain (mean sum rate over the mean OMA sum rate − 1; the multi-seed summary has no OMA rate).
 */
export function gridReportInput(
  summary: GridSummaryLike,
  run: { readonly steps: number; readonly decisions: { readonly clock: DecisionClock; readonly model: string } | null },
): GridReportInput {
  return {
    axes: summary.axes,
    seeds: summary.seeds,
    steps: run.steps,
    decisions: run.decisions,
    points: summary.points.map((point) => ({
      parameters: point.parameters,
      ...(point.outDir === undefined ? {} : { outDir: point.outDir }),
      policies: Object.fromEntries(
        Object.entries(point.policies).map(([name, entry]): [string, GridPolicyValues] => {
          const kpis: { readonly [kpi: string]: KpiValue } = 'kpis' in entry ? { ...entry.kpis } : { ...entry };
          const picked: Partial<Record<GridKpi, number | SeedStatistic>> = {};
          for (const kpi of ['meanSumRateBps', 'meanJainFairness', 'energyEfficiencyBitPerJ'] as const) {
            const value = kpis[kpi];
            if (value !== null && value !== undefined) picked[kpi] = value;
          }
          const rate = kpis.meanSumRateBps;
          const oma = kpis.meanOmaSumRateBps;
          if (typeof rate === 'number' && typeof oma === 'number' && oma > 0) {
            picked.nomaGainPercent = (rate / oma - 1) * 100;
          }
          return [name, { label: 'label' in entry ? entry.label : name, kpis: picked }];
        }),
      ),
    })),
  };
}
