import type { AgentAction } from '../agents/agent-definitions.ts';
import type { AgentName } from '../agents/agent-views.ts';
import type { NomaAction, RisAction, StepActions, V2iAction } from '../scenario/actions.ts';
import type { PredictedKpis, Simulation } from '../scenario/types.ts';
import type { KpiWeights } from './kpi-weights.ts';
import { latencyProxyS } from './latency-proxy.ts';
import { type UtilityBreakdown, type UtilityInputs, weightedUtility } from './weighted-utility.ts';

/** One agent's proposal for its own domain. */
export interface Proposal {
  readonly agent: AgentName;
  readonly action: AgentAction;
}

/** How the coordinator judged one proposal. */
export interface Evaluation {
  readonly agent: AgentName;
  /** Weighted utility against the setting approved so far (> 0 is an improvement). */
  readonly utility: UtilityBreakdown;
  readonly approved: boolean;
  /** Predicted sum rate with the proposal, bit/s. */
  readonly predictedSumRateBps: number;
}

/** What the coordinator decided for one step. */
export interface Coordination {
  /** The approved actions, one entry per approved domain: exactly what the simulation is given. */
  readonly actions: StepActions;
  /** One evaluation per proposal, in the order considered. */
  readonly evaluations: readonly Evaluation[];
}

/** Smallest utility gain that counts as an improvement (guards against rounding noise). */
export const APPROVAL_THRESHOLD = 1e-9;

/** `on`: proposals are weighed and only improvements applied; `off`: every proposal is applied as it is. */
export type CoordinatorMode = 'on' | 'off';

/** The order the coordinator considers the domains in: association, then channel, then power split. */
export const DOMAIN_ORDER: readonly AgentName[] = ['v2i', 'ris', 'noma'];

/** Splits a policy's joint actions into one proposal per domain, in {@link DOMAIN_ORDER}. */
export function proposalsOf(actions: StepActions): Proposal[] {
  return DOMAIN_ORDER.flatMap((agent) => {
    const action = actions[agent];
    return action === undefined ? [] : [{ agent, action }];
  });
}

/**
 * Weighs the agents' proposals with the simulation's deterministic `predict()` and approves every one that improves
 * the weighted utility (energy per bit and latency as costs, fairness as a benefit; see `weightedUtility`). Proposals
 * are considered in order and each against the setting approved so far, so interactions count (a handover changes
 * which RSU a NOMA pair needs; a RIS profile changes the gains). Every approved proposal reaches the simulation; none
 * is dropped for another (no winner-take-all). With `mode` `off` every proposal is applied (and still evaluated, so
 * the records show what each did).
 */
export function coordinate(
  simulation: Pick<Simulation, 'predict'>,
  proposals: readonly Proposal[],
  weights: KpiWeights,
  mode: CoordinatorMode = 'on',
): Coordination {
  let approved: StepActions = {};
  let current = simulation.predict(approved);
  const evaluations: Evaluation[] = [];
  for (const proposal of proposals) {
    const candidate = withProposal(approved, proposal);
    const predicted = simulation.predict(candidate);
    const utility = weightedUtility(utilityInputs(predicted), utilityInputs(current), weights);
    const accept = mode === 'off' || utility.utility > APPROVAL_THRESHOLD;
    evaluations.push({ agent: proposal.agent, utility, approved: accept, predictedSumRateBps: predicted.sumRateBps });
    if (accept) {
      approved = candidate;
      current = predicted;
    }
  }
  return { actions: approved, evaluations };
}

/**
 * The weighted utility of applying `actions` at the simulation's current state, against the status quo (the previous
 * settings, `{}`): the quantity the coordinator approves on and the oracle maximises.
 */
export function actionUtility(
  simulation: Pick<Simulation, 'predict'>,
  actions: StepActions,
  weights: KpiWeights,
): number {
  const statusQuo = utilityInputs(simulation.predict({}));
  return weightedUtility(utilityInputs(simulation.predict(actions)), statusQuo, weights).utility;
}

/** The coordinator's inputs of a prediction: energy efficiency, Jain's index and the latency proxy. */
export function utilityInputs(predicted: PredictedKpis): UtilityInputs {
  return {
    energyEfficiencyBitPerJ: predicted.energyEfficiencyBitPerJ,
    jainFairness: predicted.jainFairness,
    latencyS: latencyProxyS(predicted),
  };
}

function withProposal(actions: StepActions, proposal: Proposal): StepActions {
  switch (proposal.agent) {
    case 'ris':
      return { ...actions, ris: proposal.action as RisAction };
    case 'noma':
      return { ...actions, noma: proposal.action as NomaAction };
    case 'v2i':
      return { ...actions, v2i: proposal.action as V2iAction };
  }
}
