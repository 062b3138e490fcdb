import {
  type ChatMessage,
  estimatePromptTokens,
  estimateTextTokens,
  type PriceResolver,
  type ResolvedPrice,
  usdForTokens,
} from '@acpt/config';
import { AGENTS } from '../agents/agent-definitions.ts';
import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import { agentMessages, templatedInstructions } from '../orchestrator/agent-prompts.ts';
import type { KpiWeights } from '../orchestrator/kpi-weights.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import type { ScenarioOverrides } from '../scenario/types.ts';

/** What a run (or a multi-seed run) will ask of the model, projected before anything is sent. */
export interface RunEstimate {
  readonly model: string;
  readonly seeds: number;
  readonly stepsPerSeed: number;
  readonly simulatedSecondsPerSeed: number;
  readonly batching: 'micro' | 'templated';
  /** Requests over every seed (templated: one per step; re-asks of invalid answers are not included). */
  readonly requests: number;
  /** Estimated prompt tokens over every seed (4 characters a token, as admission and the mock count them). */
  readonly promptTokens: number;
  /** Completion tokens if every request used its whole `max_completion_tokens`. */
  readonly maxCompletionTokens: number;
  /** The price used, or `undefined` when the model has none (the cost is then unknown). */
  readonly price: ResolvedPrice | undefined;
  /** USD with no completion tokens (a floor) and with every completion token used (the worst case). */
  readonly floorUsd: number | null;
  readonly ceilingUsd: number | null;
}

/** Options of {@link estimateRun}. */
export interface EstimateRunOptions {
  readonly seeds: readonly number[];
  readonly steps: number;
  readonly scenario?: ScenarioOverrides;
  readonly batching: 'micro' | 'templated';
  readonly weights: KpiWeights;
  readonly model: string;
  readonly prices: PriceResolver;
}

/**
 * Projects the requests, tokens and cost of the agent run without calling any model: each seed's simulation is
 * stepped with the fixed heuristic (physics only, no LLM), and every step's agent prompts are built exactly as the run
 * builds them and counted with the documented estimate. The agents' own trajectory differs, but prompts are the same
 * JSON views of a similar observation, so prompt tokens are close; completion tokens are bounded by each agent's
 * `max_completion_tokens`, so the cost is given as a range.
 */
export function estimateRun(options: EstimateRunOptions): RunEstimate {
  let requests = 0;
  let promptTokens = 0;
  let maxCompletionTokens = 0;
  let simulatedSeconds = 0;
  for (const seed of options.seeds) {
    const simulation = createSimulation({ seed, scenario: options.scenario });
    simulatedSeconds = options.steps * simulation.scenario.timeStepS;
    for (let step = 0; step < options.steps; step += 1) {
      const observation = simulation.observe();
      const views = AGENTS.map((agent) => ({ agent, view: agent.view(observation, simulation.scenario) }));
      if (options.batching === 'micro') {
        for (const { agent, view } of views) {
          requests += 1;
          promptTokens += estimatePromptTokens(agentMessages(agent, view, options.weights));
          maxCompletionTokens += agent.maxCompletionTokens;
        }
      } else {
        const instructions: ChatMessage = { role: 'system', content: templatedInstructions(AGENTS, options.weights) };
        const items = views.map(({ agent, view }) => JSON.stringify({ id: agent.name, input: view }));
        requests += 1;
        promptTokens += estimatePromptTokens([instructions]) + estimateTextTokens(items.join('\n'));
        maxCompletionTokens += AGENTS.reduce((sum, agent) => sum + agent.maxCompletionTokens, 0);
      }
      simulation.step(fixedHeuristicPolicy(observation));
    }
  }
  const price = options.prices.priceOf(options.model);
  return {
    model: options.model,
    seeds: options.seeds.length,
    stepsPerSeed: options.steps,
    simulatedSecondsPerSeed: simulatedSeconds,
    batching: options.batching,
    requests,
    promptTokens,
    maxCompletionTokens,
    price,
    floorUsd: price === undefined ? null : usdForTokens(promptTokens, 0, price),
    ceilingUsd: price === undefined ? null : usdForTokens(promptTokens, maxCompletionTokens, price),
  };
}
