import type { Bar } from './bar-chart.ts';
import type { ChartPoint } from './chart-scale.ts';
import type { PolicyFigureData } from './figure-accumulator.ts';
import { formatSi } from './format-units.ts';
import type { LatencyFigure, OptionalFigure } from './report-model.ts';
import type { RunDescription, RunSummary } from './run-summary.ts';

/**
 * The report's statement of what decided and how its figures were obtained, one sentence per entry: mock mode says
 * that scripted rules decided, that latencies are virtual time and tokens estimates; replay and live name the model
 * and the clock.
 */
export function runLabels(run: Pick<RunDescription, 'mode' | 'model'>): string[] {
  switch (run.mode) {
    case 'mock':
      return [
        'Mock mode: no language model decided anything in this run. The agent policy is the scripted rules of the mock responder (src/agents/mock-decisions.ts) answering through the adapter.',
        "Model: none. Decision latencies are virtual time from the mock's latency model and token counts are the mock's estimates; neither is a measurement, so no latency figure is shown.",
      ];
    case 'replay':
      return [
        `Replay mode: the agents' replies come from a recorded cassette of model ${run.model}; no request left the machine.`,
        'Decision latencies are the recorded durations replayed on a virtual clock; token counts are those the API reported when recording.',
      ];
    case 'live':
      return [
        `Live mode: the agents' decisions come from model ${run.model} on Cerebras inference.`,
        'Decision latencies are wall-clock measurements on this machine; token counts are those the API reported.',
      ];
  }
}

/** How a run's decision latencies were obtained: the mock's virtual clock, wall clock (live), recorded (replay). */
export type DecisionClock = 'virtual' | 'wall' | 'recorded';

/** {@link runLabels} for a run described by its decision clock (as multi-seed and grid summaries describe it). */
export function decisionLabels(decisions: { readonly clock: DecisionClock; readonly model: string }): string[] {
  const mode = decisions.clock === 'virtual' ? 'mock' : decisions.clock === 'wall' ? 'live' : 'replay';
  return runLabels({ mode, model: decisions.model });
}

/** Relative tolerance under which two powers count as equal. */
const POWER_TOLERANCE = 1e-9;

/**
 * The energy-efficiency bars, or the reason they are left out: when every step of every policy consumed the same
 * total power, energy efficiency is the sum rate divided by a constant and the bars would repeat the sum-rate bars.
 */
export function energyEfficiencyFigure(
  summary: RunSummary,
  figures: Readonly<Record<string, PolicyFigureData>>,
): OptionalFigure<readonly Bar[]> {
  const ranges = Object.values(figures).map((data) => data.powerW);
  const first = ranges[0];
  const constant =
    first !== undefined &&
    ranges.every(
      (range) =>
        Math.abs(range.min - first.min) <= POWER_TOLERANCE * first.min &&
        Math.abs(range.max - first.min) <= POWER_TOLERANCE * first.min,
    );
  if (constant) {
    return {
      shown: false,
      reason: `Energy efficiency is not plotted: every step of every policy consumed the same total power (${formatSi(first.min, 'W')}), so it is the sum rate divided by a constant and would repeat the sum-rate bars.`,
    };
  }
  return {
    shown: true,
    data: Object.values(summary.policies).map((entry) => ({
      label: entry.label,
      value: entry.kpis.energyEfficiencyBitPerJ,
    })),
  };
}

/** The decision-latency chart of the agent run, or why it is left out (mock latencies are synthetic). */
export function latencyFigure(
  run: RunDescription,
  latencyMs: readonly ChartPoint[],
  timeStepS: number,
): OptionalFigure<LatencyFigure> {
  if (run.mode === 'mock') {
    return {
      shown: false,
      reason:
        "The decision-latency chart is hidden in mock mode: those latencies come from the mock's latency model on a virtual clock, not from a model server.",
    };
  }
  return {
    shown: true,
    data: {
      points: latencyMs.map(([step, ms]): ChartPoint => [step * timeStepS, ms]),
      budgetMs: run.latencyBudgetMs,
      clock: run.mode === 'live' ? 'wall clock' : 'recorded durations, virtual time',
    },
  };
}
