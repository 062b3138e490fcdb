import { closedFormPolicy } from '../baselines/closed-form-policy.ts';
import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import type { Policy } from '../baselines/policy.ts';
import { randomPolicy } from '../baselines/random-policy.ts';
import { createRandom } from '../physics/random.ts';
import { createKpiAccumulator, type KpiAccumulator } from '../report/kpi-accumulator.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import type { ScenarioConfig, ScenarioOverrides, StepOutcome } from '../scenario/types.ts';

/** A baseline: a name and a factory of its policy for a run (a run may hold state, e.g. a seeded random stream). */
export interface Baseline {
  readonly name: string;
  createPolicy(seed: number, scenario: ScenarioConfig): Policy;
}

/** Random stream label of the random baseline: apart from the simulation's own streams (labels 1–5). */
export const RANDOM_BASELINE_STREAM = 101;

/** The three baselines of the comparison: fixed heuristic, random, closed-form optimiser. */
export const DEMO_BASELINES: readonly Baseline[] = [
  { name: 'fixed-heuristic', createPolicy: () => fixedHeuristicPolicy },
  { name: 'random', createPolicy: (seed) => randomPolicy(createRandom(seed, [RANDOM_BASELINE_STREAM])) },
  {
    name: 'closed-form',
    createPolicy: (_seed, scenario) =>
      closedFormPolicy({ farUserMinSpectralEfficiency: scenario.noma.farUserMinSpectralEfficiency }),
  },
];

/** Runs one baseline on a fresh simulation with the given seed and scenario, and accumulates its KPIs and series. */
export function runBaseline(options: {
  readonly baseline: Baseline;
  readonly seed: number;
  readonly steps: number;
  readonly scenario?: ScenarioOverrides;
  /** Called with every step's outcome (e.g. to collect the report's per-vehicle figures). */
  readonly onStep?: (outcome: StepOutcome) => void;
}): KpiAccumulator {
  const simulation = createSimulation({ seed: options.seed, scenario: options.scenario });
  const policy = options.baseline.createPolicy(options.seed, simulation.scenario);
  const accumulator = createKpiAccumulator(simulation.scenario.timeStepS);
  for (let step = 0; step < options.steps; step += 1) {
    const outcome = simulation.step(policy(simulation.observe()));
    accumulator.add(outcome.stepIndex, outcome.kpis);
    options.onStep?.(outcome);
  }
  return accumulator;
}
