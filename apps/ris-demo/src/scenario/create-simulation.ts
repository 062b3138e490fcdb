/**
 * `createSimulation`: the public factory of the RIS-assisted V2I downlink with NOMA (physics.md). The step logic is in
 * `step-simulation.ts`, the deterministic evaluation in `predict-step.ts`, the state in `simulation-state.ts`.
 */
import type { StepActions } from './actions.ts';
import { resolveScenario } from './default-scenario.ts';
import { buildObservation } from './observation.ts';
import { predictStep } from './predict-step.ts';
import { createSimulationState } from './simulation-state.ts';
import { stepSimulation } from './step-simulation.ts';
import type {
  Observation,
  PredictedKpis,
  PredictOptions,
  Simulation,
  SimulationOptions,
  StepOutcome,
} from './types.ts';

/**
 * Creates a seeded simulation of the RIS-assisted V2I downlink with NOMA.
 *
 * Every random draw (initial positions and speeds, shadowing, LOS state, K-factor, fast fading, the random reference
 * profile) comes from per-entity substreams of `seed`, and each stream is consumed by the same amount every step
 * whatever the actions: two simulations created with the same seed see identical channels under any policy, which is
 * how baselines are compared on the same seed, and the same seed with the same actions gives identical traces.
 * `predict` draws nothing and changes nothing.
 * @throws {AcptConfigError} If the scenario overrides are invalid.
 * @example const simulation = createSimulation({ seed: 1 }); simulation.step(policy(simulation.observe()));
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const scenario = resolveScenario(options.scenario);
  const state = createSimulationState(scenario, options.seed);
  let observation: Observation | null = null;
  return {
    scenario,
    seed: options.seed,
    observe(): Observation {
      observation ??= buildObservation({
        scenario,
        stepIndex: state.stepIndex,
        fleet: state.fleet,
        handover: state.handover,
        parameters: state.parameters,
        profile: state.profile,
        favour: state.favourAction,
        estimatedPowers: state.estimatedPowers,
        estimatedModel: state.csi.model,
        lastSinr: state.lastSinr,
        lastRateBps: state.lastRateBps,
      });
      return observation;
    },
    step(actions: StepActions): StepOutcome {
      observation = null;
      return stepSimulation(state, actions);
    },
    predict(actions: StepActions, predictOptions?: PredictOptions): PredictedKpis {
      return predictStep(state, actions, predictOptions);
    },
  };
}
