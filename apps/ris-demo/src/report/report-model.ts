import type { Bar } from './bar-chart.ts';
import type { ChartPoint } from './chart-scale.ts';
import type { PolicyFigureData } from './figure-accumulator.ts';
import type { RoadGeometry } from './road-map-chart.ts';

/** One policy's data for the figures. Time series have x in seconds of simulated time. */
export interface PolicySeries {
  /** Policy name as `summary.json` spells it. */
  readonly policy: string;
  /** Sum rate per time window (window means), bit/s. */
  readonly sumRateBps: readonly ChartPoint[];
  /** Jain's fairness index per time window (window means). */
  readonly jainFairness: readonly ChartPoint[];
  /** Cumulative executed handovers. */
  readonly cumulativeHandovers: readonly ChartPoint[];
  /** CDF sketches, SINR bands, RIS gain map and power range. */
  readonly figures: PolicyFigureData;
}

/** A row of the comparison table: label → formatted cell. */
export interface TableRow {
  readonly label: string;
  readonly cells: readonly string[];
}

/** A figure that is either drawn from its data or left out for a stated reason. */
export type OptionalFigure<TData> =
  | { readonly shown: true; readonly data: TData }
  | { readonly shown: false; readonly reason: string };

/** Decision latency of the agent run, with what clock measured it. */
export interface LatencyFigure {
  readonly points: readonly ChartPoint[];
  readonly budgetMs: number;
  /** E.g. `wall clock` or `recorded durations, virtual time`. */
  readonly clock: string;
}

/** Everything the HTML report shows; built from the run's summary and the per-policy figure data. */
export interface ReportModel {
  readonly title: string;
  /**
   * What decided and how figures were obtained (mock = scripted rules, virtual time, estimated tokens; live = model and
   * wall clock), shown above everything else.
   */
  readonly labels: readonly string[];
  /** Key facts of the run (seed, steps, mode, model, …), shown as a definition list. */
  readonly runInfo: readonly (readonly [string, string])[];
  /** The comparison table: column headings and one row per policy. */
  readonly comparison: { readonly columns: readonly string[]; readonly rows: readonly TableRow[] };
  /** Per-agent decision statistics: column headings and one row per agent. */
  readonly agents: { readonly columns: readonly string[]; readonly rows: readonly TableRow[] };
  /** Where the figures' data come from, one sentence (seed(s), duration, fleet, mode). */
  readonly source: string;
  /** Length of the time windows the time series are averaged over, s. */
  readonly windowS: number;
  readonly policies: readonly PolicySeries[];
  readonly geometry: RoadGeometry;
  /** Mean sum rate per policy, bit/s (with 95 % intervals when several seeds ran). */
  readonly meanSumRateBps: readonly Bar[];
  /** Sum-rate gain of each policy's NOMA service over OMA (equal-share TDMA) on the same channels, %. */
  readonly nomaGainPercent: readonly Bar[];
  /** What the interval of a bar is, e.g. `95 % t-interval over 20 seeds`; null when bars carry none. */
  readonly intervalLabel: string | null;
  /** Energy efficiency per policy, bit/J; left out while the power model makes it a scaled sum rate. */
  readonly energyEfficiency: OptionalFigure<readonly Bar[]>;
  /** Decision latency of the agent run; left out where it is synthetic (mock mode). */
  readonly latency: OptionalFigure<LatencyFigure>;
  /** Notes shown under the figures. */
  readonly notes: readonly string[];
}
