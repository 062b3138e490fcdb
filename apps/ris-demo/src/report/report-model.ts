import type { ChartPoint } from './chart-scale.ts';

/** One policy's time series, for the comparison charts. */
export interface PolicySeries {
  /** `llm-agents`, `fixed-heuristic`, `random`, `closed-form`. */
  readonly policy: string;
  /** Sum rate per step, bit/s. */
  readonly sumRateBps: readonly ChartPoint[];
  /** Jain's fairness index per step. */
  readonly jainFairness: readonly ChartPoint[];
  /** Cumulative executed handovers per step. */
  readonly cumulativeHandovers: readonly ChartPoint[];
}

/** A row of the comparison table: label → formatted cell. */
export interface TableRow {
  readonly label: string;
  readonly cells: readonly string[];
}

/** Everything the HTML report shows; built from the run's records and summary. */
export interface ReportModel {
  readonly title: string;
  /** Key facts of the run (seed, steps, mode, model, …), shown as a definition list. */
  readonly runInfo: readonly (readonly [string, string])[];
  /** The comparison table: column headings and one row per policy. */
  readonly comparison: { readonly columns: readonly string[]; readonly rows: readonly TableRow[] };
  /** Per-agent decision statistics: column headings and one row per agent. */
  readonly agents: { readonly columns: readonly string[]; readonly rows: readonly TableRow[] };
  readonly policies: readonly PolicySeries[];
  /** SINR per vehicle of the LLM-agent run, dB. */
  readonly sinrDb: readonly { readonly vehicleId: string; readonly points: readonly ChartPoint[] }[];
  /** Decision latency of the LLM-agent run per step, ms. */
  readonly llmLatencyMs: readonly ChartPoint[];
  /** The adapter's latency budget, ms. */
  readonly latencyBudgetMs: number;
  /** Bars: mean sum rate (bit/s) and energy efficiency (bit/J) per policy. */
  readonly meanSumRateBps: readonly { readonly label: string; readonly value: number }[];
  readonly energyEfficiencyBitPerJ: readonly { readonly label: string; readonly value: number }[];
  /** Notes shown under the charts (e.g. how latency was measured). */
  readonly notes: readonly string[];
}
