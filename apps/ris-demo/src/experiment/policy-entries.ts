import { type Baseline, runBaseline } from '../orchestrator/baseline-run.ts';
import type { CoordinatorMode } from '../orchestrator/coordinator.ts';
import type { KpiWeights } from '../orchestrator/kpi-weights.ts';
import type { PolicyKpiSummary, PolicySeriesData } from '../report/kpi-accumulator.ts';
import type { PolicyEntry } from '../report/run-summary.ts';
import type { ScenarioOverrides, StepOutcome } from '../scenario/types.ts';
import type { DecisionSource } from './decision-source.ts';

/** The agent run's row: labelled with who decided, through the coordinator when it is on. */
export function agentPolicyEntry(
  decisions: DecisionSource,
  kpis: PolicyKpiSummary,
  coordinator: CoordinatorMode,
): PolicyEntry {
  return {
    label: decisions.label,
    kind: 'agents',
    decidedBy: decisions.decidedBy,
    coordinated: coordinator === 'on',
    kpis,
  };
}

/** Options of {@link runBaselineEntries}. */
export interface BaselineEntriesOptions {
  readonly baselines: readonly Baseline[];
  readonly seed: number;
  readonly steps: number;
  readonly scenario?: ScenarioOverrides;
  readonly weights: KpiWeights;
  readonly coordinator: CoordinatorMode;
  readonly shouldStop?: () => boolean;
  /** Called with every step's outcome of the named baseline (e.g. to collect the report's figures). */
  readonly onStep?: (baseline: string, outcome: StepOutcome) => void;
}

/** Runs every baseline on the seed (the same channels as the agent run) and returns its row and series by name. */
export function runBaselineEntries(
  options: BaselineEntriesOptions,
): Map<string, { readonly entry: PolicyEntry; readonly series: PolicySeriesData }> {
  const results = new Map<string, { readonly entry: PolicyEntry; readonly series: PolicySeriesData }>();
  for (const baseline of options.baselines) {
    const accumulator = runBaseline({
      baseline,
      seed: options.seed,
      steps: options.steps,
      scenario: options.scenario,
      weights: options.weights,
      coordinator: options.coordinator,
      shouldStop: options.shouldStop,
      onStep: options.onStep && ((outcome) => options.onStep?.(baseline.name, outcome)),
    });
    results.set(baseline.name, {
      entry: {
        label: baseline.name,
        kind: baseline.kind,
        decidedBy: baseline.decidedBy,
        coordinated: baseline.coordinated && options.coordinator === 'on',
        kpis: accumulator.summary(),
      },
      series: accumulator.series,
    });
  }
  return results;
}
