import type { KpiWeights } from '../../orchestrator/kpi-weights.ts';
import type { StepActions } from '../../scenario/actions.ts';
import type { Observation, ScenarioConfig, Simulation } from '../../scenario/types.ts';
import { closedFormPolicy } from '../closed-form-policy.ts';
import { fixedHeuristicPolicy } from '../fixed-heuristic-policy.ts';
import type { Policy } from '../policy.ts';
import { scriptedRulesPolicy } from '../scripted-rules-policy.ts';
import { type OracleDecision, type OracleOptions, searchOracle } from './oracle-search.ts';

/** Options of {@link oraclePolicy}. */
export interface OraclePolicyOptions extends Omit<OracleOptions, 'incumbents' | 'weights'> {
  /** The simulation the oracle predicts with (the one its actions are applied to). */
  readonly simulation: Pick<Simulation, 'predict'>;
  readonly weights: KpiWeights;
  readonly seed: number;
  readonly scenario: ScenarioConfig;
  /** Called with every step's decision (search mode, predictions made). */
  readonly onDecision?: (decision: OracleDecision) => void;
}

/**
 * The oracle as a policy: per step, {@link searchOracle} started from the rule policies' proposals (fixed heuristic,
 * closed-form, scripted rules). Its actions are meant to be applied as they are: it already maximises the
 * coordinator's utility jointly.
 */
export function oraclePolicy(options: OraclePolicyOptions): Policy {
  const rules = [
    fixedHeuristicPolicy,
    closedFormPolicy({ farUserMinSpectralEfficiency: options.scenario.noma.farUserMinSpectralEfficiency }),
    scriptedRulesPolicy({ seed: options.seed, scenario: options.scenario }),
  ];
  return (observation: Observation): StepActions => {
    const decision = searchOracle(options.simulation, observation, {
      ...options,
      incumbents: rules.map((rule) => rule(observation)),
    });
    options.onDecision?.(decision);
    return decision.actions;
  };
}
