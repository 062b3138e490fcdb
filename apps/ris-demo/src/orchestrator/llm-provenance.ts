import type { LlmRecord, LlmTiming } from '../report/step-record.ts';
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
  /** Replies replaced by the heuristic because they failed validation. */
  readonly invalidReplies: number;
  /** Where the latency comes from: `virtual` (mock mode) is reported as the adapter path, not as a measurement. */
  readonly clock: 'wall' | 'recorded' | 'virtual';
}

/**
 * Summarises a step's adapter calls into the record's LLM provenance. In mock mode (virtual clock) no model decided:
 * `model` is null and latency and tokens go to `adapterPath`, never to `measured`.
 */
export function llmProvenance(phase: LlmPhase, budgetMs: number): LlmRecord {
  const { calls } = phase;
  const transports = [...new Set(calls.flatMap((call) => call.transports))].sort();
  const fallbackReasons = [
    ...new Set(calls.flatMap((call) => (call.fallbackReason === undefined ? [] : [call.fallbackReason]))),
  ].sort();
  const mock = phase.clock === 'virtual';
  const model = mock ? null : (calls.find((call) => call.model !== undefined)?.model ?? null);
  let attempts = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  for (const call of calls) {
    attempts += call.attempts;
    promptTokens += call.promptTokens;
    completionTokens += call.completionTokens;
  }
  const timing: LlmTiming = {
    clock: phase.clock,
    latencyMs: phase.latencyMs,
    budgetExceeded: phase.latencyMs > budgetMs || calls.some((call) => call.budgetExceeded),
    promptTokens,
    completionTokens,
  };
  return {
    outcome: phase.skipped ? 'skipped' : phase.failed ? 'failed' : fallbackReasons.length > 0 ? 'fallback' : 'ok',
    transports,
    model,
    requests: calls.length,
    attempts,
    invalidReplies: phase.invalidReplies,
    budgetMs,
    measured: mock ? null : timing,
    adapterPath: mock ? timing : null,
    fallbackReasons,
  };
}
