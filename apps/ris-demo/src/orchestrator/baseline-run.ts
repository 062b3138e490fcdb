import { closedFormPolicy } from '../baselines/closed-form-policy.ts';
import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import { oraclePolicy } from '../baselines/oracle/oracle-policy.ts';
import type { Policy } from '../baselines/policy.ts';
import { randomPolicy } from '../baselines/random-policy.ts';
import { scriptedRulesPolicy } from '../baselines/scripted-rules-policy.ts';
import { createRandom } from '../physics/random.ts';
import { createKpiAccumulator, type KpiAccumulator } from '../report/kpi-accumulator.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import type { ScenarioConfig, ScenarioOverrides, Simulation, StepOutcome } from '../scenario/types.ts';
import { actionUtility, type CoordinatorMode, coordinate, proposalsOf } from './coordinator.ts';
import { DEFAULT_KPI_WEIGHTS, type KpiWeights } from './kpi-weights.ts';

/** What a baseline's policy may use: the run's seed, scenario and weights, and the simulation's `predict()`. */
export interface BaselineContext {
  readonly seed: number;
  readonly scenario: ScenarioConfig;
  readonly weights: KpiWeights;
  /** The run's simulation, for policies that search with `predict()` (the oracle); they must not step it. */
  readonly simulation: Pick<Simulation, 'predict'>;
}

/** A baseline: a name, what decides, and a factory of its policy for a run (a run may hold state, e.g. a random stream). */
export interface Baseline {
  readonly name: string;
  /** What decides, in a few words (shown next to the results). */
  readonly decidedBy: string;
  /** `oracle`: the upper bound every other policy is shown as a percentage of. */
  readonly kind: 'baseline' | 'oracle';
  /**
   * Whether the policy's actions go through the coordinator like the agents' proposals (when it is on). The oracle's
   * do not: it already maximises the coordinator's utility jointly.
   */
  readonly coordinated: boolean;
  createPolicy(context: BaselineContext): Policy;
}

/** Random stream label of the random baseline: apart from the simulation's own streams (labels 1–5). */
export const RANDOM_BASELINE_STREAM = 101;

/** The scripted mock rules without the adapter: what the mock "model" decides, as a baseline of its own. */
export const SCRIPTED_RULES_BASELINE: Baseline = {
  name: 'scripted-rules',
  decidedBy: 'the mock rules of src/agents/mock-decisions.ts, called directly',
  kind: 'baseline',
  coordinated: true,
  createPolicy: ({ seed, scenario }) => scriptedRulesPolicy({ seed, scenario }),
};

/** The baselines of the comparison: scripted rules, fixed heuristic, random, closed-form optimiser. */
export const DEMO_BASELINES: readonly Baseline[] = [
  SCRIPTED_RULES_BASELINE,
  {
    name: 'fixed-heuristic',
    decidedBy: 'fixed rules (weakest vehicle, α = 0.8, every A3 trigger)',
    kind: 'baseline',
    coordinated: true,
    createPolicy: () => fixedHeuristicPolicy,
  },
  {
    name: 'random',
    decidedBy: 'uniform random choices (own seeded stream)',
    kind: 'baseline',
    coordinated: true,
    createPolicy: ({ seed }) => randomPolicy(createRandom(seed, [RANDOM_BASELINE_STREAM])),
  },
  {
    name: 'closed-form',
    decidedBy: 'closed-form rules (best RIS gain, TDMA-rate NOMA split, every A3 trigger)',
    kind: 'baseline',
    coordinated: true,
    createPolicy: ({ scenario }) =>
      closedFormPolicy({ farUserMinSpectralEfficiency: scenario.noma.farUserMinSpectralEfficiency }),
  },
];

/**
 * The oracle upper bound: per step, the best joint action for the coordinator's weighted utility that `predict()`
 * finds (src/baselines/oracle/oracle-search.ts). Not coordinated: it is the coordinator's optimum itself.
 */
export const ORACLE_BASELINE: Baseline = {
  name: 'oracle',
  decidedBy: 'per-step search of the joint action space with predict() (exhaustive when small, else alternating)',
  kind: 'oracle',
  coordinated: false,
  createPolicy: ({ seed, scenario, weights, simulation }) => oraclePolicy({ simulation, weights, seed, scenario }),
};

/** Options of {@link runBaseline}. */
export interface RunBaselineOptions {
  readonly baseline: Baseline;
  readonly seed: number;
  readonly steps: number;
  readonly scenario?: ScenarioOverrides;
  /** Coordinator weights. @defaultValue {@link DEFAULT_KPI_WEIGHTS} */
  readonly weights?: KpiWeights;
  /** `on`: the policy's actions are proposals the coordinator weighs, as the agents' are. @defaultValue `on` */
  readonly coordinator?: CoordinatorMode;
  /** Checked before every step: when it returns true the run stops early (interruption). */
  readonly shouldStop?: () => boolean;
  /** Called with every step's outcome (e.g. to collect the report's per-vehicle figures). */
  readonly onStep?: (outcome: StepOutcome) => void;
}

/**
 * Runs one baseline on a fresh simulation with the given seed and scenario (the same channels as every other policy on
 * that seed), through the coordinator unless it is off or the baseline is not coordinated, and accumulates its KPIs
 * and series.
 */
export function runBaseline(options: RunBaselineOptions): KpiAccumulator {
  const simulation = createSimulation({ seed: options.seed, scenario: options.scenario });
  const weights = options.weights ?? DEFAULT_KPI_WEIGHTS;
  const coordinated = options.baseline.coordinated && (options.coordinator ?? 'on') === 'on';
  const policy = options.baseline.createPolicy({
    seed: options.seed,
    scenario: simulation.scenario,
    weights,
    simulation,
  });
  const accumulator = createKpiAccumulator(simulation.scenario.timeStepS);
  for (let step = 0; step < options.steps; step += 1) {
    if (options.shouldStop?.() === true) break;
    const proposed = policy(simulation.observe());
    const actions = coordinated ? coordinate(simulation, proposalsOf(proposed), weights).actions : proposed;
    accumulator.addUtility(actionUtility(simulation, actions, weights));
    const outcome = simulation.step(actions);
    accumulator.add(outcome.stepIndex, outcome.kpis);
    options.onStep?.(outcome);
  }
  return accumulator;
}
