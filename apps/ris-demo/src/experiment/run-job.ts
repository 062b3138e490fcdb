import { parseConfig } from '@acpt/config';
import { createMockResponder } from '../agents/mock-responder.ts';
import { createLlmEnvironment } from '../cli/llm-environment.ts';
import { runAgentPolicy } from '../orchestrator/agent-run.ts';
import { type Baseline, DEMO_BASELINES, ORACLE_BASELINE } from '../orchestrator/baseline-run.ts';
import type { CoordinatorMode } from '../orchestrator/coordinator.ts';
import { DEFAULT_KPI_WEIGHTS, type KpiWeights } from '../orchestrator/kpi-weights.ts';
import type { LlmSummary } from '../report/llm-accumulator.ts';
import { buildRunSummary, type PolicyEntry, type PolicyResult, type RunStatus } from '../report/run-summary.ts';
import type { ScenarioOverrides } from '../scenario/types.ts';
import { type DecisionSource, decisionSource } from './decision-source.ts';
import { agentPolicyEntry, runBaselineEntries } from './policy-entries.ts';

/** One (scenario, seed) job of an experiment: plain data, so it can cross a worker thread or a queue. */
export interface ExperimentJob {
  readonly seed: number;
  readonly steps: number;
  /** Overrides of the default scenario. */
  readonly scenario?: ScenarioOverrides;
  /** Coordinator weights (normalised). @defaultValue energy 0.5, fairness 0.3, latency 0.2 */
  readonly weights?: KpiWeights;
  /** @defaultValue `on` */
  readonly coordinator?: CoordinatorMode;
  /** @defaultValue `micro` */
  readonly batching?: 'micro' | 'templated';
  /** Run the oracle upper bound too. @defaultValue true */
  readonly oracle?: boolean;
  /** The model id the mock-mode requests name (no model decides in mock mode). @defaultValue the config default */
  readonly model?: string;
  /** The adapter's latency budget on the mock's virtual clock, ms. @defaultValue the config default (5000) */
  readonly latencyBudgetMs?: number;
}

/** What one job produced: every policy's results on the job's seed, as in `summary.json`. */
export interface JobResult {
  readonly seed: number;
  /** `interrupted`: stopped by the signal; `failed`: a step threw (see `error`). */
  readonly status: RunStatus;
  /** Steps completed (every policy ran this many). */
  readonly steps: number;
  readonly decisions: DecisionSource;
  /** Results per policy: the agent run (`scripted-agents`) first, then the baselines, then the oracle. */
  readonly policies: Readonly<Record<string, PolicyResult>>;
  readonly llm: LlmSummary;
  /** The message of the error that stopped a failed job. */
  readonly error?: string;
}

/** Options of {@link runExperimentJob}. */
export interface RunJobOptions {
  /** Aborting stops the job after the current step; the result then says `interrupted`. */
  readonly signal?: AbortSignal;
  /** The baselines; the demo's (scripted rules, fixed heuristic, random, closed-form) when absent. */
  readonly baselines?: readonly Baseline[];
}

/**
 * Runs one (scenario, seed) job in mock mode: the scripted agents through the adapter path (virtual time), then every
 * baseline and the oracle on the same seed, i.e. the same channels (common random numbers), all through the same
 * coordinator setting. Writes nothing. The same job gives the same result in any process or thread.
 */
export async function runExperimentJob(job: ExperimentJob, options: RunJobOptions = {}): Promise<JobResult> {
  const config = parseConfig({
    mockMode: true,
    batching: { batchSize: 3 },
    ...(job.model === undefined ? {} : { model: job.model }),
    ...(job.latencyBudgetMs === undefined ? {} : { latencyBudget: { ms: job.latencyBudgetMs } }),
  });
  const decisions = decisionSource('mock', config.model);
  const weights = job.weights ?? DEFAULT_KPI_WEIGHTS;
  const coordinator = job.coordinator ?? 'on';
  const run = {
    seed: job.seed,
    steps: job.steps,
    mode: 'mock' as const,
    model: decisions.model,
    batching: job.batching ?? 'micro',
    batchSize: config.batching.batchSize,
    onLlmFailure: 'mock' as const,
    latencyBudgetMs: config.latencyBudget.ms,
    weights,
    coordinator,
  };
  const llm = await createLlmEnvironment({ mode: 'mock', config, seed: job.seed, responder: createMockResponder() });
  let agentRun: Awaited<ReturnType<typeof runAgentPolicy>>;
  try {
    agentRun = await runAgentPolicy({
      run,
      decisions,
      scenario: job.scenario,
      adapter: llm.adapter,
      clock: llm.clock,
      shouldStop: () => options.signal?.aborted === true,
    });
  } finally {
    await llm.close();
  }
  const policies: Record<string, PolicyEntry> = {
    [decisions.policy]: agentPolicyEntry(decisions, agentRun.kpis.summary(), coordinator),
  };
  const baselines = [...(options.baselines ?? DEMO_BASELINES), ...(job.oracle === false ? [] : [ORACLE_BASELINE])];
  const entries = runBaselineEntries({
    baselines,
    seed: job.seed,
    steps: agentRun.steps,
    scenario: job.scenario,
    weights,
    coordinator,
    shouldStop: () => options.signal?.aborted === true,
  });
  for (const [name, result] of entries) policies[name] = result.entry;
  const summary = buildRunSummary({
    run,
    decisions,
    scenario: agentRun.scenario,
    policies,
    llm: agentRun.llm.llm(),
    agents: agentRun.llm.agents(),
  });
  const interrupted = options.signal?.aborted === true || agentRun.stopped?.reason === 'interrupted';
  const failed = agentRun.stopped?.reason === 'failed' ? agentRun.stopped.error : undefined;
  return {
    seed: job.seed,
    status: failed !== undefined ? 'failed' : interrupted ? 'interrupted' : 'complete',
    steps: agentRun.steps,
    decisions,
    policies: summary.policies,
    llm: summary.llm,
    ...(failed === undefined ? {} : { error: (failed as Error).message ?? String(failed) }),
  };
}
