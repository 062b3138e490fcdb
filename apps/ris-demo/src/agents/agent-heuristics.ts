import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import type { NomaAction, RisAction, V2iAction } from '../scenario/actions.ts';
import type { Observation } from '../scenario/types.ts';

/**
 * What an agent does when its reply is invalid: its own domain of the fixed-heuristic baseline on the same
 * observation. RIS: co-phase for the vehicle with the lowest mean SINR; NOMA: pair each RSU's strongest with its
 * weakest users at α = 0.8; V2I: execute every A3 trigger towards the best triggered RSU.
 */
export const AGENT_HEURISTICS: {
  readonly ris: (observation: Observation) => RisAction;
  readonly noma: (observation: Observation) => NomaAction;
  readonly v2i: (observation: Observation) => V2iAction;
} = {
  ris: (observation) => fixedHeuristicPolicy(observation).ris ?? { favour: [] },
  noma: (observation) => fixedHeuristicPolicy(observation).noma ?? { pairs: [] },
  v2i: (observation) => fixedHeuristicPolicy(observation).v2i ?? { handovers: [] },
};
