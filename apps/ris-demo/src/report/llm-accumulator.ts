import type { AgentName } from '../agents/agent-views.ts';
import type { ChartPoint } from './chart-scale.ts';
import type { LlmTiming, StepRecord } from './step-record.ts';

/** Decision statistics of one agent over a run. */
export interface AgentSummary {
  readonly valid: number;
  readonly invalid: number;
  readonly failed: number;
  readonly skipped: number;
  readonly reasked: number;
  readonly approved: number;
}

/** Latency and token figures of a run, with the clock they were taken on. */
export interface LlmFigures {
  /** `wall`: measured live; `recorded`: a cassette's recorded durations; `virtual`: the mock latency model. */
  readonly clock: LlmTiming['clock'];
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly stepsOverBudget: number;
  /** Decision latency over the steps, ms, on that clock. */
  readonly latencyMs: { readonly mean: number; readonly p50: number; readonly p95: number; readonly max: number };
}

/** LLM statistics of the agent run. */
export interface LlmSummary {
  readonly requests: number;
  readonly attempts: number;
  /** Agent replies that failed validation and were replaced by the agent's heuristic. */
  readonly invalidRepliesReplaced: number;
  /** Steps with at least one such replaced reply. */
  readonly stepsWithInvalidReply: number;
  /** Steps in which the adapter's mock fallback answered some request (a transport fallback, not an invalid reply). */
  readonly stepsWithFallback: number;
  readonly stepsSkipped: number;
  /** Steps in which some agent request got no reply (policy `mock`; with `skip` they are skipped). */
  readonly stepsFailed: number;
  readonly fallbackReasons: Readonly<Record<string, number>>;
  /** Live and replay: measured latency and the API's token counts. Null in mock mode. */
  readonly measured: LlmFigures | null;
  /** Mock mode: the adapter path on virtual time with the mock's token estimates; not a measurement. */
  readonly adapterPath: LlmFigures | null;
}

/** Accumulates the agent run's step records into {@link LlmSummary} and per-agent {@link AgentSummary}. */
export interface LlmAccumulator {
  add(record: StepRecord): void;
  llm(): LlmSummary;
  agents(): Record<AgentName, AgentSummary>;
  /** Decision latency per step (on the run's clock, see `llm().measured` / `adapterPath`), for the report. */
  readonly latencySeries: ChartPoint[];
}

/** Creates an empty {@link LlmAccumulator}. */
export function createLlmAccumulator(): LlmAccumulator {
  const latencies: number[] = [];
  const latencySeries: ChartPoint[] = [];
  const fallbackReasons: Record<string, number> = {};
  const totals = { requests: 0, attempts: 0, invalidRepliesReplaced: 0 };
  const timing = { promptTokens: 0, completionTokens: 0, stepsOverBudget: 0 };
  let clock: LlmTiming['clock'] | undefined;
  let measured = true;
  const steps = { fallback: 0, failed: 0, skipped: 0, invalid: 0 };
  const agents = new Map<AgentName, { -readonly [K in keyof AgentSummary]: number }>();
  return {
    latencySeries,
    add(record) {
      const { llm } = record;
      const figures = llm.measured ?? llm.adapterPath;
      measured = llm.measured !== null;
      if (figures !== null) {
        clock = figures.clock;
        latencies.push(figures.latencyMs);
        latencySeries.push([record.step, figures.latencyMs]);
        timing.promptTokens += figures.promptTokens;
        timing.completionTokens += figures.completionTokens;
        if (figures.budgetExceeded) timing.stepsOverBudget += 1;
      }
      totals.requests += llm.requests;
      totals.attempts += llm.attempts;
      totals.invalidRepliesReplaced += llm.invalidReplies;
      if (llm.invalidReplies > 0) steps.invalid += 1;
      if (llm.outcome === 'fallback') steps.fallback += 1;
      if (llm.outcome === 'failed') steps.failed += 1;
      if (llm.outcome === 'skipped') steps.skipped += 1;
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
      const figures: LlmFigures | null =
        clock === undefined
          ? null
          : {
              clock,
              ...timing,
              latencyMs: { mean, p50: quantile(0.5), p95: quantile(0.95), max: sorted[sorted.length - 1] ?? 0 },
            };
      return {
        ...totals,
        stepsWithInvalidReply: steps.invalid,
        stepsWithFallback: steps.fallback,
        stepsSkipped: steps.skipped,
        stepsFailed: steps.failed,
        fallbackReasons,
        measured: measured ? figures : null,
        adapterPath: measured ? null : figures,
      };
    },
    agents() {
      return Object.fromEntries(agents) as Record<AgentName, AgentSummary>;
    },
  };
}
