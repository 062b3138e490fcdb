import type { CerebrasLLMAdapter } from '@acpt/adapter';
import { describeError, InvalidResponseError } from '@acpt/config';
import { ReplayMissError } from '@acpt/transport-mock';
import { type AgentAction, type AgentDefinition, replyContext } from '../agents/agent-definitions.ts';
import { validateReply } from '../agents/reply-parse.ts';
import type { Observation, ScenarioConfig } from '../scenario/types.ts';
import { agentMessages, templatedAnswerSchema, templatedInstructions } from './agent-prompts.ts';
import type { AgentReply } from './agent-reply.ts';
import type { KpiWeights } from './kpi-weights.ts';

/** What {@link askAgents} needs for one step. */
export interface AskAgentsOptions {
  readonly adapter: Pick<CerebrasLLMAdapter, 'generateObject' | 'generateTemplated'>;
  readonly agents: readonly AgentDefinition<AgentAction>[];
  readonly observation: Observation;
  readonly scenario: ScenarioConfig;
  readonly weights: KpiWeights;
  /** `micro`: one request per agent, sent together; `templated`: one packed request for all agents. */
  readonly batching: 'micro' | 'templated';
  /** Best-effort sampling seed sent with every request. */
  readonly seed: number;
}

/**
 * Asks every agent for its decision about one observation, all at once, so a step costs about one model latency.
 * Each reply is validated with the agent's valibot schema; an invalid reply is reported and replaced by the agent's
 * heuristic; a request that fails is reported as `failed` with no proposal. Never throws for a model or transport
 * failure; it does throw the `ReplayMissError` of a replay whose requests are not in the cassette (a usage error: the
 * run is not the one that was recorded).
 */
export async function askAgents(options: AskAgentsOptions): Promise<AgentReply[]> {
  return options.batching === 'templated' ? askTemplated(options) : askMicro(options);
}

async function askMicro(options: AskAgentsOptions): Promise<AgentReply[]> {
  const { agents, observation, scenario, weights } = options;
  const context = replyContext(observation);
  // The adapter's structured-output path: the strict schema on the wire, the reply parsed and validated by the
  // agent's valibot schema. No re-ask (`reasks: 0`): an invalid reply falls back to the heuristic, as before.
  const settled = await Promise.allSettled(
    agents.map((agent) =>
      options.adapter.generateObject(
        {
          messages: agentMessages(agent, agent.view(observation, scenario), weights),
          maxCompletionTokens: agent.maxCompletionTokens,
          seed: options.seed,
        },
        {
          schema: agent.replySchema(context),
          jsonSchema: agent.jsonSchema(context),
          schemaName: `${agent.name}_decision`,
          reasks: 0,
          attributes: { step: observation.stepIndex, agent: agent.name },
        },
      ),
    ),
  );
  return agents.map((agent, index) => {
    const result = settled[index] as PromiseSettledResult<{ readonly object: AgentAction }>;
    if (result.status === 'fulfilled')
      return { agent: agent.name, status: 'valid', proposal: result.value.object, issues: [], reasked: false };
    if (!InvalidResponseError.isInstance(result.reason) || result.reason.issues.length === 0)
      return failed(agent, result.reason);
    const issues = result.reason.issues
      .slice(0, 5)
      .map((issue) =>
        issue.path && issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      );
    return invalid(agent, observation, issues, false);
  });
}

async function askTemplated(options: AskAgentsOptions): Promise<AgentReply[]> {
  const { agents, observation, scenario, weights } = options;
  const context = replyContext(observation);
  const byName = new Map(agents.map((agent) => [agent.name, agent]));
  const lastIssues = new Map<string, readonly string[]>();
  const { results } = await options.adapter.generateTemplated({
    template: templatedInstructions(agents, weights),
    items: agents.map((agent) => ({ id: agent.name, input: { ...agent.view(observation, scenario) } })),
    answerSchema: templatedAnswerSchema(agents, context),
    validate: (answer, item) => {
      const parsed = validateReply(
        answer,
        byName.get(item.id as AgentDefinition<AgentAction>['name'])!.replySchema(context),
      );
      if (!parsed.ok) lastIssues.set(item.id, parsed.issues);
      return parsed.ok;
    },
    options: {
      attributes: { step: observation.stepIndex, agent: 'all' },
      maxCompletionTokens: Math.max(...agents.map((agent) => agent.maxCompletionTokens)),
      seed: options.seed,
    },
    packedMaxCompletionTokens: agents.reduce((sum, agent) => sum + agent.maxCompletionTokens, 0),
  });
  return agents.map((agent, index) => {
    const result = results[index]!;
    const reasked = lastIssues.has(agent.name) || result.status === 'rejected' || result.source === 'individual';
    if (result.status === 'fulfilled') {
      const parsed = validateReply(result.answer, agent.replySchema(context));
      if (parsed.ok) return { agent: agent.name, status: 'valid', proposal: parsed.action, issues: [], reasked };
      return invalid(agent, observation, parsed.issues, reasked);
    }
    if (InvalidResponseError.isInstance(result.error)) {
      return invalid(agent, observation, lastIssues.get(agent.name) ?? [result.error.message], reasked);
    }
    return { ...failed(agent, result.error), reasked };
  });
}

function invalid(
  agent: AgentDefinition<AgentAction>,
  observation: Observation,
  issues: readonly string[],
  reasked: boolean,
): AgentReply {
  return { agent: agent.name, status: 'invalid', proposal: agent.heuristic(observation), issues, reasked };
}

function failed(agent: AgentDefinition<AgentAction>, error: unknown): AgentReply {
  const chain = [error, (error as { cause?: unknown }).cause, (error as { lastError?: unknown }).lastError];
  const miss = chain.find((candidate) => ReplayMissError.isInstance(candidate));
  if (miss !== undefined) throw miss;
  return { agent: agent.name, status: 'failed', issues: [], reasked: false, error: describeError(error).message };
}
