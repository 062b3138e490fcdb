import type { CerebrasLLMAdapter, Clock } from '@acpt/adapter';
import type { AgentAction, AgentDefinition } from '../agents/agent-definitions.ts';
import type { AgentName } from '../agents/agent-views.ts';
import type { AgentRecord, StepRecord } from '../report/step-record.ts';
import { buildStepRecord } from '../report/step-record.ts';
import type { Simulation, StepOutcome } from '../scenario/types.ts';
import type { AgentReply } from './agent-reply.ts';
import { askAgents } from './ask-agents.ts';
import { actionUtility, type Coordination, type CoordinatorMode, coordinate, type Proposal } from './coordinator.ts';
import type { KpiWeights } from './kpi-weights.ts';
import type { LlmCallLog } from './llm-call-log.ts';
import { llmProvenance } from './llm-provenance.ts';

/** What an LLM-driven step needs; the same for every step of a run. */
export interface AgentStepContext {
  readonly simulation: Simulation;
  readonly adapter: Pick<CerebrasLLMAdapter, 'generateObject' | 'generateTemplated'>;
  readonly callLog: LlmCallLog;
  /** The adapter's clock (virtual in mock mode), used for the decision latency. */
  readonly clock: Clock;
  readonly agents: readonly AgentDefinition<AgentAction>[];
  readonly weights: KpiWeights;
  readonly batching: 'micro' | 'templated';
  /** `skip`: a step in which any agent request failed applies no agent action at all. */
  readonly onLlmFailure: 'mock' | 'skip';
  readonly budgetMs: number;
  readonly seed: number;
  /** `off`: every proposal is applied without weighing (as for every other policy of the run). @defaultValue `on` */
  readonly coordinator?: CoordinatorMode;
  /** Where the latency comes from; `virtual` (mock mode) is recorded as the adapter path. @defaultValue `wall` */
  readonly latencyClock?: 'wall' | 'recorded' | 'virtual';
  /** The agent run's policy key written into each record. @defaultValue `llm-agents` */
  readonly policy?: string;
}

/** One step's result: the record written to `steps.jsonl` and the simulation's outcome. */
export interface AgentStepResult {
  readonly record: StepRecord;
  readonly outcome: StepOutcome;
  /** Weighted utility of the applied actions against the status quo (the coordinator's measure). */
  readonly utility: number;
}

/**
 * Runs one step driven by the agents: observe, ask every agent at once, coordinate the proposals with the
 * simulation's predictions, apply what was approved, and record everything (replies, utilities, approvals,
 * provenance). With policy `skip`, a failed agent request makes the whole step run on the previous settings.
 */
export async function runAgentStep(context: AgentStepContext): Promise<AgentStepResult> {
  const { simulation } = context;
  const observation = simulation.observe();
  const startMs = context.clock.now();
  const replies = await askAgents({
    adapter: context.adapter,
    agents: context.agents,
    observation,
    scenario: simulation.scenario,
    weights: context.weights,
    batching: context.batching,
    seed: context.seed,
  });
  const latencyMs = context.clock.now() - startMs;
  const failed = replies.some((reply) => reply.status === 'failed');
  const skipped = failed && context.onLlmFailure === 'skip';
  const proposals: Proposal[] = skipped
    ? []
    : replies.flatMap((reply) =>
        reply.proposal === undefined ? [] : [{ agent: reply.agent, action: reply.proposal }],
      );
  const coordination = coordinate(simulation, proposals, context.weights, context.coordinator ?? 'on');
  const utility = actionUtility(simulation, coordination.actions, context.weights);
  const outcome = simulation.step(coordination.actions);
  const calls = context.callLog.take(observation.stepIndex);
  const record = buildStepRecord({
    outcome,
    agents: agentRecords(replies, coordination, skipped),
    actions: coordination.actions,
    llm: llmProvenance(
      {
        calls,
        latencyMs,
        failed,
        skipped,
        invalidReplies: replies.filter((reply) => reply.status === 'invalid').length,
        clock: context.latencyClock ?? 'wall',
      },
      context.budgetMs,
    ),
    policy: context.policy ?? 'llm-agents',
  });
  return { record, outcome, utility };
}

function agentRecords(
  replies: readonly AgentReply[],
  coordination: Coordination,
  skipped: boolean,
): Record<AgentName, AgentRecord> {
  const records = {} as Record<AgentName, AgentRecord>;
  for (const reply of replies) {
    const evaluation = coordination.evaluations.find((entry) => entry.agent === reply.agent);
    records[reply.agent] = {
      status: skipped && reply.status !== 'failed' ? 'skipped' : reply.status,
      reasked: reply.reasked,
      issues: reply.issues,
      error: reply.error ?? null,
      proposal: reply.proposal ?? null,
      utility:
        evaluation === undefined
          ? null
          : {
              total: evaluation.utility.utility,
              energy: evaluation.utility.energy,
              fairness: evaluation.utility.fairness,
              latency: evaluation.utility.latency,
            },
      approved: evaluation?.approved ?? false,
    };
  }
  return records;
}
