import type { AgentName } from '../agents/agent-views.ts';
import type { RunCost } from '../cost/run-cost.ts';
import type { KpiWeights } from '../orchestrator/kpi-weights.ts';
import type { ScenarioConfig } from '../scenario/types.ts';
import type { PolicyKpiSummary } from './kpi-accumulator.ts';
import type { AgentSummary, LlmSummary } from './llm-accumulator.ts';

/** Version of the `summary.json` layout (documented in the README). */
export const SUMMARY_SCHEMA_VERSION = 1;

/** The policy name of the LLM-agent run; baselines use their own names. */
export const LLM_POLICY = 'llm-agents';

/** How the run was configured: everything needed to reproduce it, nothing machine- or time-dependent. */
export interface RunDescription {
  readonly seed: number;
  readonly steps: number;
  readonly mode: 'mock' | 'live' | 'replay';
  readonly model: string;
  readonly batching: 'micro' | 'templated';
  readonly batchSize: number;
  readonly onLlmFailure: 'mock' | 'skip';
  readonly latencyBudgetMs: number;
  readonly weights: KpiWeights;
}

/** `summary.json`. */
export interface RunSummary {
  readonly schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  readonly run: RunDescription;
  readonly scenario: {
    readonly vehicles: number;
    readonly rsus: number;
    readonly risElements: number;
    readonly phaseBits: number;
    readonly timeStepS: number;
    readonly carrierHz: number;
    readonly bandwidthHz: number;
  };
  /** KPIs per policy, the LLM-agent run first, all on the same seed and physics. */
  readonly policies: Readonly<Record<string, PolicyKpiSummary>>;
  readonly llm: LlmSummary;
  readonly agents: Readonly<Record<AgentName, AgentSummary>>;
  /** What the agent run cost (billed, or an estimate at list price in mock and replay modes), and what it is. */
  readonly cost?: RunCost;
  /** Output files, relative to the output folder. */
  readonly outputs: { readonly steps: string; readonly report: string };
}

/** Assembles `summary.json` from the run's accumulators. */
export function buildRunSummary(options: {
  readonly run: RunDescription;
  readonly scenario: ScenarioConfig;
  readonly policies: Readonly<Record<string, PolicyKpiSummary>>;
  readonly llm: LlmSummary;
  readonly agents: Readonly<Record<AgentName, AgentSummary>>;
  readonly cost?: RunCost;
}): RunSummary {
  const { scenario } = options;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    run: options.run,
    scenario: {
      vehicles: scenario.vehicleCount,
      rsus: scenario.rsus.length,
      risElements: scenario.ris.rows * scenario.ris.columns,
      phaseBits: scenario.ris.phaseBits,
      timeStepS: scenario.timeStepS,
      carrierHz: scenario.carrierHz,
      bandwidthHz: scenario.bandwidthHz,
    },
    policies: options.policies,
    llm: options.llm,
    agents: options.agents,
    ...(options.cost === undefined ? {} : { cost: options.cost }),
    outputs: { steps: 'steps.jsonl', report: 'report.html' },
  };
}
