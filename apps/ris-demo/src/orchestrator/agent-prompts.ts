import type { ChatMessage, ResponseFormat } from '@acpt/config';
import { type AgentAction, type AgentDefinition, SHARED_INSTRUCTIONS } from '../agents/agent-definitions.ts';
import type { AgentView } from '../agents/agent-views.ts';
import type { ReplyContext } from '../agents/reply-parse.ts';
import type { KpiWeights } from './kpi-weights.ts';

/** The coordinator's weights as the agents are told them. */
export function describeWeights(weights: KpiWeights): string {
  const format = (value: number): string => String(Math.round(value * 1000) / 1000);
  return `Coordinator weights: energy per bit ${format(weights.energy)}, fairness ${format(weights.fairness)}, latency ${format(weights.latency)}.`;
}

/** Header of the user message; the agent view follows it as one line of compact JSON. */
export const OBSERVATION_HEADER = 'Observation (JSON):';

/** The messages of one agent request: instructions and weights as system message, the view as compact JSON. */
export function agentMessages(
  agent: AgentDefinition<AgentAction>,
  view: AgentView,
  weights: KpiWeights,
): ChatMessage[] {
  return [
    { role: 'system', content: `${SHARED_INSTRUCTIONS} ${agent.role} ${describeWeights(weights)}` },
    { role: 'user', content: `${OBSERVATION_HEADER}\n${JSON.stringify(view)}` },
  ];
}

/** The strict `json_schema` response format of one agent's reply. */
export function agentResponseFormat(agent: AgentDefinition<AgentAction>, context: ReplyContext): ResponseFormat {
  return {
    type: 'json_schema',
    jsonSchema: { name: `${agent.name}_decision`, strict: true, schema: agent.jsonSchema(context) },
  };
}

/**
 * The shared template of a templated batch: every agent's instructions, since one call answers all of them; each
 * item's input is an agent view whose `agent` field says which instructions apply.
 */
export function templatedInstructions(agents: readonly AgentDefinition<AgentAction>[], weights: KpiWeights): string {
  const roles = agents.map((agent) => `Items whose input has "agent":"${agent.name}": ${agent.role}`);
  return [SHARED_INSTRUCTIONS, ...roles, describeWeights(weights)].join('\n\n');
}

/** The answer schema of a templated batch: one branch per agent (Cerebras allows up to five `anyOf` branches). */
export function templatedAnswerSchema(
  agents: readonly AgentDefinition<AgentAction>[],
  context: ReplyContext,
): Record<string, unknown> {
  return { anyOf: agents.map((agent) => agent.jsonSchema(context)) };
}
