import type { AgentName } from '../agents/agent-views.ts';
import type { RunCost } from '../cost/run-cost.ts';
import type { DecisionSource, RunMode } from '../experiment/decision-source.ts';
import type { CoordinatorMode } from '../orchestrator/coordinator.ts';
import type { KpiWeights } from '../orchestrator/kpi-weights.ts';
import type { ScenarioConfig } from '../scenario/types.ts';
import type { PolicyKpiSummary } from './kpi-accumulator.ts';
import type { AgentSummary, LlmSummary } from './llm-accumulator.ts';

/** Version of the `summary.json` layout (documented in the README). */
export const SUMMARY_SCHEMA_VERSION = 2;

/** How the run was configured: everything needed to reproduce it, nothing machine- or time-dependent. */
export interface RunDescription {
  readonly seed: number;
  readonly steps: number;
  readonly mode: RunMode;
  /** The model that decides: `none — mock rules` in mock mode, the model id otherwise. */
  readonly model: string;
  readonly batching: 'micro' | 'templated';
  readonly batchSize: number;
  readonly onLlmFailure: 'mock' | 'skip';
  readonly latencyBudgetMs: number;
  readonly weights: KpiWeights;
  /** Whether every policy's proposals went through the coordinator (`on`) or were applied as they are (`off`). */
  readonly coordinator: CoordinatorMode;
}

/** What kind of policy a result row is. */
export type PolicyKind = 'agents' | 'baseline' | 'oracle';

/** A KPI of a policy as a percentage of the oracle's (null when no oracle ran or the oracle's value is 0). */
export interface PercentOfOracle {
  /** Mean per-step weighted utility (what the oracle maximises) as % of the oracle's. */
  readonly meanStepUtility: number | null;
  readonly meanSumRate: number | null;
  readonly meanJainFairness: number | null;
  readonly energyEfficiency: number | null;
}

/** One policy's results in `summary.json`. */
export interface PolicyResult {
  /** What tables and charts call it (e.g. `scripted-agents (mock)`). */
  readonly label: string;
  readonly kind: PolicyKind;
  /** What decided, in a few words. */
  readonly decidedBy: string;
  /** Whether its actions went through the coordinator. */
  readonly coordinated: boolean;
  readonly kpis: PolicyKpiSummary;
  readonly percentOfOracle: PercentOfOracle | null;
}

/** Whether the run did all its steps. */
export type RunStatus = 'complete' | 'interrupted' | 'failed';

/** `summary.json`. */
export interface RunSummary {
  readonly schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  /** `interrupted` (SIGINT/SIGTERM) or `failed`: the outputs hold the steps completed before it stopped. */
  readonly status: RunStatus;
  readonly run: RunDescription;
  /** Who decided in the agent run, and whether its latencies and tokens are measurements. */
  readonly decisions: DecisionSource;
  readonly scenario: {
    readonly vehicles: number;
    readonly rsus: number;
    readonly risElements: number;
    readonly phaseBits: number;
    readonly timeStepS: number;
    readonly carrierHz: number;
    readonly bandwidthHz: number;
  };
  /** Results per policy, the agent run first, all on the same seed and channels. */
  readonly policies: Readonly<Record<string, PolicyResult>>;
  readonly llm: LlmSummary;
  readonly agents: Readonly<Record<AgentName, AgentSummary>>;
  /** What the agent run cost (billed, or an estimate at list price in mock and replay modes), and what it is. */
  readonly cost?: RunCost;
  /** Output files, relative to the output folder. */
  readonly outputs: { readonly steps: string; readonly stepsCsv: string; readonly report: string };
}

/** A policy's row before the oracle comparison is known. */
export type PolicyEntry = Omit<PolicyResult, 'percentOfOracle'>;

/** Assembles `summary.json` from the run's accumulators; the oracle's row (kind `oracle`), if any, is the 100 %. */
export function buildRunSummary(options: {
  readonly status?: RunStatus;
  readonly run: RunDescription;
  readonly decisions: DecisionSource;
  readonly scenario: ScenarioConfig;
  readonly policies: Readonly<Record<string, PolicyEntry>>;
  readonly llm: LlmSummary;
  readonly agents: Readonly<Record<AgentName, AgentSummary>>;
  readonly cost?: RunCost;
}): RunSummary {
  const { scenario } = options;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    status: options.status ?? 'complete',
    run: options.run,
    decisions: options.decisions,
    scenario: {
      vehicles: scenario.vehicleCount,
      rsus: scenario.rsus.length,
      risElements: scenario.ris.rows * scenario.ris.columns,
      phaseBits: scenario.ris.phaseBits,
      timeStepS: scenario.timeStepS,
      carrierHz: scenario.carrierHz,
      bandwidthHz: scenario.bandwidthHz,
    },
    policies: withPercentOfOracle(options.policies),
    llm: options.llm,
    agents: options.agents,
    ...(options.cost === undefined ? {} : { cost: options.cost }),
    outputs: { steps: 'steps.jsonl', stepsCsv: 'steps.csv', report: 'report.html' },
  };
}

/** Adds each policy's KPIs as a percentage of the oracle's (the first row of kind `oracle`). */
export function withPercentOfOracle(
  policies: Readonly<Record<string, PolicyEntry>>,
): Readonly<Record<string, PolicyResult>> {
  const oracle = Object.values(policies).find((entry) => entry.kind === 'oracle')?.kpis;
  const percent = (value: number, reference: number | undefined): number | null =>
    reference === undefined || reference === 0 ? null : (100 * value) / reference;
  return Object.fromEntries(
    Object.entries(policies).map(([name, entry]) => [
      name,
      {
        ...entry,
        percentOfOracle:
          oracle === undefined
            ? null
            : {
                meanStepUtility:
                  entry.kpis.meanStepUtility === null
                    ? null
                    : percent(entry.kpis.meanStepUtility, oracle.meanStepUtility ?? undefined),
                meanSumRate: percent(entry.kpis.meanSumRateBps, oracle.meanSumRateBps),
                meanJainFairness: percent(entry.kpis.meanJainFairness, oracle.meanJainFairness),
                energyEfficiency: percent(entry.kpis.energyEfficiencyBitPerJ, oracle.energyEfficiencyBitPerJ),
              },
      },
    ]),
  );
}
