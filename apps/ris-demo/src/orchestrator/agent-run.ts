import type { CerebrasLLMAdapter, Clock } from '@acpt/adapter';
import { AGENTS } from '../agents/agent-definitions.ts';
import type { DecisionSource } from '../experiment/decision-source.ts';
import { createKpiAccumulator, type KpiAccumulator } from '../report/kpi-accumulator.ts';
import { createLlmAccumulator, type LlmAccumulator } from '../report/llm-accumulator.ts';
import type { ProgressBar } from '../report/progress-bar.ts';
import type { RunDescription } from '../report/run-summary.ts';
import type { StepRecord } from '../report/step-record.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import type { ScenarioConfig, ScenarioOverrides, StepOutcome } from '../scenario/types.ts';
import { runAgentStep } from './agent-step.ts';
import { createLlmCallLog } from './llm-call-log.ts';

/** Options of {@link runAgentPolicy}. */
export interface AgentRunOptions {
  readonly run: RunDescription;
  readonly decisions: DecisionSource;
  readonly scenario?: ScenarioOverrides;
  readonly adapter: Pick<CerebrasLLMAdapter, 'generateMany' | 'generateObject' | 'generateTemplated' | 'on'>;
  /** The adapter's clock: virtual in mock and replay modes. */
  readonly clock: Clock;
  /** Called with every finished step's record (e.g. to write `steps.jsonl`). */
  readonly onRecord?: (record: StepRecord) => void;
  /** Called with every step's outcome (e.g. to collect the report's per-vehicle figures). */
  readonly onStep?: (outcome: StepOutcome) => void;
  /** Checked before every step: true stops the run after the steps already done (an interruption). */
  readonly shouldStop?: () => boolean;
  readonly progress?: Pick<ProgressBar, 'update'>;
}

/** What an agent run produced, also when it stopped early. */
export interface AgentRunResult {
  readonly scenario: ScenarioConfig;
  /** Steps completed. */
  readonly steps: number;
  readonly kpis: KpiAccumulator;
  readonly llm: LlmAccumulator;
  /** Why the run stopped early: `interrupted` (shouldStop) or the error a step threw. */
  readonly stopped?: { readonly reason: 'interrupted' } | { readonly reason: 'failed'; readonly error: unknown };
}

/**
 * Runs the agent pipeline (observe, ask the agents through the adapter, coordinate, step) for `run.steps` steps on a
 * fresh simulation of `run.seed`. Never throws for a step's failure: the result says how many steps completed and why
 * it stopped, so the caller can still write what was done.
 */
export async function runAgentPolicy(options: AgentRunOptions): Promise<AgentRunResult> {
  const { run, decisions } = options;
  const simulation = createSimulation({ seed: run.seed, scenario: options.scenario });
  const callLog = createLlmCallLog(options.adapter);
  const kpis = createKpiAccumulator(simulation.scenario.timeStepS);
  const llm = createLlmAccumulator();
  let steps = 0;
  let stopped: AgentRunResult['stopped'];
  try {
    for (; steps < run.steps; steps += 1) {
      if (options.shouldStop?.() === true) {
        stopped = { reason: 'interrupted' };
        break;
      }
      const { record, outcome, utility } = await runAgentStep({
        simulation,
        adapter: options.adapter,
        callLog,
        clock: options.clock,
        agents: AGENTS,
        weights: run.weights,
        batching: run.batching,
        onLlmFailure: run.onLlmFailure,
        budgetMs: run.latencyBudgetMs,
        seed: run.seed,
        coordinator: run.coordinator,
        latencyClock: decisions.clock,
        policy: decisions.policy,
      });
      options.onRecord?.(record);
      kpis.add(outcome.stepIndex, outcome.kpis);
      kpis.addUtility(utility);
      llm.add(record);
      options.onStep?.(outcome);
      options.progress?.update(steps + 1);
    }
  } catch (error) {
    stopped = { reason: 'failed', error };
  } finally {
    callLog.dispose();
  }
  return { scenario: simulation.scenario, steps, kpis, llm, ...(stopped === undefined ? {} : { stopped }) };
}
