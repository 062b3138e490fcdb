import type { LlmRecord } from '../report/step-record.ts';
import type { LlmCall } from './llm-call-log.ts';

/** What a step's LLM phase produced besides the replies. */
export interface LlmPhase {
  readonly calls: readonly LlmCall[];
  /** Decision latency of the phase on the run's clock, ms. */
  readonly latencyMs: number;
  /** Whether some agent request got no reply. */
  readonly failed: boolean;
  /** Whether the step was skipped because the adapter failed (policy `skip`). */
  readonly skipped: boolean;
}

/** Summarises a step's adapter calls into the record's LLM provenance. */
export function llmProvenance(phase: LlmPhase, budgetMs: number): LlmRecord {
  const { calls } = phase;
  const transports = [...new Set(calls.flatMap((call) => call.transports))].sort();
  const fallbackReasons = [
    ...new Set(calls.flatMap((call) => (call.fallbackReason === undefined ? [] : [call.fallbackReason]))),
  ].sort();
  const model = calls.find((call) => call.model !== undefined)?.model ?? null;
  let attempts = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  for (const call of calls) {
    attempts += call.attempts;
    promptTokens += call.promptTokens;
    completionTokens += call.completionTokens;
  }
  return {
    outcome: phase.skipped ? 'skipped' : phase.failed ? 'failed' : fallbackReasons.length > 0 ? 'fallback' : 'ok',
    transports,
    model,
    requests: calls.length,
    attempts,
    latencyMs: phase.latencyMs,
    budgetMs,
    budgetExceeded: phase.latencyMs > budgetMs || calls.some((call) => call.budgetExceeded),
    promptTokens,
    completionTokens,
    fallbackReasons,
  };
}
