import type { AgentName } from '../agents/agent-views.ts';
import type { ChartPoint } from './chart-scale.ts';
import type { StepRecord } from './step-record.ts';

/** Decision statistics of one agent over a run. */
export interface AgentSummary {
  readonly valid: number;
  readonly invalid: number;
  readonly failed: number;
  readonly skipped: number;
  readonly reasked: number;
  readonly approved: number;
}

/** LLM statistics of the agent run. */
export interface LlmSummary {
  readonly requests: number;
  readonly attempts: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly stepsWithFallback: number;
  readonly stepsSkipped: number;
  /** Steps in which some agent request got no reply (policy `mock`; with `skip` they are skipped). */
  readonly stepsFailed: number;
  readonly stepsOverBudget: number;
  readonly fallbackReasons: Readonly<Record<string, number>>;
  /** Decision latency over the steps, ms (run clock: virtual in mock and replay modes). */
  readonly latencyMs: { readonly mean: number; readonly p50: number; readonly p95: number; readonly max: number };
}

/** Accumulates the agent run's step records into {@link LlmSummary} and per-agent {@link AgentSummary}. */
export interface LlmAccumulator {
  add(record: StepRecord): void;
  llm(): LlmSummary;
  agents(): Record<AgentName, AgentSummary>;
  /** Decision latency per step, for the report. */
  readonly latencySeries: ChartPoint[];
}

/** Creates an empty {@link LlmAccumulator}. */
export function createLlmAccumulator(): LlmAccumulator {
  const latencies: number[] = [];
  const latencySeries: ChartPoint[] = [];
  const fallbackReasons: Record<string, number> = {};
  const totals = { requests: 0, attempts: 0, promptTokens: 0, completionTokens: 0 };
  const steps = { fallback: 0, failed: 0, skipped: 0, overBudget: 0 };
  const agents = new Map<AgentName, { -readonly [K in keyof AgentSummary]: number }>();
  return {
    latencySeries,
    add(record) {
      const { llm } = record;
      latencies.push(llm.latencyMs);
      latencySeries.push([record.step, llm.latencyMs]);
      totals.requests += llm.requests;
      totals.attempts += llm.attempts;
      totals.promptTokens += llm.promptTokens;
      totals.completionTokens += llm.completionTokens;
      if (llm.outcome === 'fallback') steps.fallback += 1;
      if (llm.outcome === 'failed') steps.failed += 1;
      if (llm.outcome === 'skipped') steps.skipped += 1;
      if (llm.budgetExceeded) steps.overBudget += 1;
      for (const reason of llm.fallbackReasons) fallbackReasons[reason] = (fallbackReasons[reason] ?? 0) + 1;
      for (const [name, agent] of Object.entries(record.agents) as [AgentName, (typeof record.agents)[AgentName]][]) {
        const counts = agents.get(name) ?? { valid: 0, invalid: 0, failed: 0, skipped: 0, reasked: 0, approved: 0 };
        counts[agent.status] += 1;
        if (agent.reasked) counts.reasked += 1;
        if (agent.approved) counts.approved += 1;
        agents.set(name, counts);
      }
    },
    llm() {
      const sorted = [...latencies].sort((left, right) => left - right);
      const quantile = (q: number): number =>
        sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
      const mean = sorted.length === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
      return {
        ...totals,
        stepsWithFallback: steps.fallback,
        stepsSkipped: steps.skipped,
        stepsFailed: steps.failed,
        stepsOverBudget: steps.overBudget,
        fallbackReasons,
        latencyMs: { mean, p50: quantile(0.5), p95: quantile(0.95), max: sorted[sorted.length - 1] ?? 0 },
      };
    },
    agents() {
      return Object.fromEntries(agents) as Record<AgentName, AgentSummary>;
    },
  };
}
