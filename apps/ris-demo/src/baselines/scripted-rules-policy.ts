/**
 * The scripted rules as a baseline of their own: the mock "model"'s decisions (`src/agents/mock-decisions.ts`) applied
 * to the same agent views the prompts carry, validated with the same reply schemas (an invalid decision is replaced by
 * the agent's heuristic, as in the agent pipeline), without the adapter, the prompts or the mock transport. In mock
 * mode the agent run decides exactly this, so the `scripted-agents (mock)` row must equal this one; a live or replayed
 * LLM run is compared with the rules that stand in for it.
 */
import { AGENTS, type AgentAction, type AgentDefinition, replyContext } from '../agents/agent-definitions.ts';
import type { AgentView } from '../agents/agent-views.ts';
import { DEFAULT_MOCK_DECISIONS, type MockDecisions } from '../agents/mock-decisions.ts';
import { validateReply } from '../agents/reply-parse.ts';
import type { NomaAction, RisAction, StepActions, V2iAction } from '../scenario/actions.ts';
import type { Observation, ScenarioConfig } from '../scenario/types.ts';
import type { Policy } from './policy.ts';

/** Options of {@link scriptedRulesPolicy}. */
export interface ScriptedRulesOptions {
  /** The seed the mock responder would decide with (the run's seed). */
  readonly seed: number;
  readonly scenario: ScenarioConfig;
  /** The rules; the mock responder's defaults when absent. */
  readonly decisions?: MockDecisions;
}

/** Creates the scripted-rules policy (deterministic, stateless apart from the seed). */
export function scriptedRulesPolicy(options: ScriptedRulesOptions): Policy {
  const decisions = options.decisions ?? DEFAULT_MOCK_DECISIONS;
  const decide = (view: AgentView): unknown => {
    switch (view.agent) {
      case 'ris':
        return decisions.ris(view, options.seed);
      case 'noma':
        return decisions.noma(view, options.seed);
      case 'v2i':
        return decisions.v2i(view, options.seed);
    }
  };
  return (observation: Observation): StepActions => {
    const context = replyContext(observation);
    const actions: { ris?: RisAction; noma?: NomaAction; v2i?: V2iAction } = {};
    for (const agent of AGENTS as readonly AgentDefinition<AgentAction>[]) {
      // The JSON round trip is what the prompt and the reply do to the numbers (e.g. −0 becomes 0).
      const view = JSON.parse(JSON.stringify(agent.view(observation, options.scenario))) as AgentView;
      const reply = JSON.parse(JSON.stringify(decide(view))) as unknown;
      const parsed = validateReply(reply, agent.replySchema(context));
      const action = parsed.ok ? parsed.action : agent.heuristic(observation);
      Object.assign(actions, { [agent.name]: action });
    }
    return actions;
  };
}
