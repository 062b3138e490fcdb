/**
 * Runs a policy on a fresh simulation for a number of steps and summarises the KPIs. Simulations created with the same
 * seed and scenario see the same channels whatever the policy, so summaries of different policies are comparable.
 */
import { createSimulation } from '../scenario/create-simulation.ts';
import type { ScenarioOverrides } from '../scenario/scenario-config.ts';
import type { StepOutcome } from '../scenario/types.ts';
import type { Policy } from './policy.ts';

/** Averages (per step) and totals of a run. */
export interface RunSummary {
  readonly steps: number;
  /** Mean sum rate, bit/s. */
  readonly meanSumRateBps: number;
  /** Mean sum rate of the OMA baseline on the same channels, bit/s. */
  readonly meanOmaSumRateBps: number;
  readonly meanJainFairness: number;
  /** Mean energy efficiency, bit/J. */
  readonly meanEnergyEfficiencyBitPerJ: number;
  /** Mean RIS gain vs. no RIS, dB. */
  readonly meanRisGainDb: number;
  readonly handoverSuccesses: number;
  readonly handoverFailures: number;
  readonly handoversRejected: number;
  readonly pingPongs: number;
  readonly sicFailures: number;
  readonly invalidPairs: number;
}

/** Summarises a list of step outcomes. */
export function summarizeOutcomes(outcomes: readonly StepOutcome[]): RunSummary {
  const total = (pick: (outcome: StepOutcome) => number): number =>
    outcomes.reduce((sum, outcome) => sum + pick(outcome), 0);
  const average = (pick: (outcome: StepOutcome) => number): number =>
    outcomes.length === 0 ? 0 : total(pick) / outcomes.length;
  return {
    steps: outcomes.length,
    meanSumRateBps: average((outcome) => outcome.kpis.sumRateBps),
    meanOmaSumRateBps: average((outcome) => outcome.kpis.omaSumRateBps),
    meanJainFairness: average((outcome) => outcome.kpis.jainFairness),
    meanEnergyEfficiencyBitPerJ: average((outcome) => outcome.kpis.energyEfficiencyBitPerJ),
    meanRisGainDb: average((outcome) => outcome.kpis.risGainDb),
    handoverSuccesses: total((outcome) => outcome.kpis.handoverSuccesses),
    handoverFailures: total((outcome) => outcome.kpis.handoverFailures),
    handoversRejected: total((outcome) => outcome.kpis.handoversRejected),
    pingPongs: total((outcome) => outcome.kpis.pingPongs),
    sicFailures: total((outcome) => outcome.kpis.sicFailures),
    invalidPairs: total((outcome) => outcome.kpis.invalidPairs),
  };
}

/** Options of `runBaseline`. */
export interface RunBaselineOptions {
  readonly seed: number;
  readonly steps: number;
  readonly policy: Policy;
  readonly scenario?: ScenarioOverrides;
}

/**
 * Runs `policy` for `steps` steps on a new simulation and summarises it.
 * @example runBaseline({ seed: 7, steps: 200, policy: closedFormPolicy() }).meanSumRateBps
 */
export function runBaseline(options: RunBaselineOptions): RunSummary {
  const simulation = createSimulation({ seed: options.seed, scenario: options.scenario });
  const outcomes: StepOutcome[] = [];
  for (let step = 0; step < options.steps; step += 1) {
    outcomes.push(simulation.step(options.policy(simulation.observe())));
  }
  return summarizeOutcomes(outcomes);
}
