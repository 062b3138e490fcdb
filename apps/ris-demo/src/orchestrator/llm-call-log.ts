import type { AdapterEventSource, FallbackReason, RequestEndEvent } from '@acpt/config';

/** One settled adapter request of a step, as the step record reports it. */
export interface LlmCall {
  /** Which agent asked (`all` for a templated batch and its re-asks). */
  readonly agent: string;
  readonly outcome: RequestEndEvent['outcome'];
  /** Transports the attempts went to (`cerebras`, `acpt.mock`, `acpt.replay`), in attempt order. */
  readonly transports: readonly string[];
  readonly model?: string;
  readonly attempts: number;
  /** From request start to settlement on the adapter's clock, ms. */
  readonly durationMs: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly budgetExceeded: boolean;
  readonly fallbackReason?: FallbackReason;
  /** The failure, when there was one (no secrets: adapter event errors never carry them). */
  readonly error?: string;
}

/** Collects the adapter's settled requests per simulation step, from its `request-start` / `request-end` events. */
export interface LlmCallLog {
  /** Takes (and forgets) the calls of one step. */
  take(step: number): LlmCall[];
  /** Stops listening. */
  dispose(): void;
}

/**
 * Listens to an adapter's events (`request-start`, `attempt-start`, `request-end`). Requests are matched to a step and agent through the `step` and `agent` attributes
 * the orchestrator passes on every request.
 */
export function createLlmCallLog(source: AdapterEventSource): LlmCallLog {
  const started = new Map<string, { step: number; agent: string; transports: string[] }>();
  const calls = new Map<number, LlmCall[]>();
  const offStart = source.on('request-start', (event) => {
    const step = event.attributes?.['step'];
    const agent = event.attributes?.['agent'];
    if (typeof step === 'number') {
      started.set(event.requestId, { step, agent: String(agent ?? 'unknown'), transports: [] });
    }
  });
  const offAttempt = source.on('attempt-start', (event) => {
    started.get(event.requestId)?.transports.push(event.provider);
  });
  const offEnd = source.on('request-end', (event) => {
    const origin = started.get(event.requestId);
    if (origin === undefined) return;
    started.delete(event.requestId);
    const list = calls.get(origin.step) ?? [];
    list.push({
      agent: origin.agent,
      outcome: event.outcome,
      transports: origin.transports,
      model: event.response?.model,
      attempts: event.attempts,
      durationMs: event.durationMs,
      promptTokens: event.usage?.promptTokens ?? 0,
      completionTokens: event.usage?.completionTokens ?? 0,
      budgetExceeded: event.budgetExceeded,
      fallbackReason: event.fallbackReason,
      error: event.error?.message,
    });
    calls.set(origin.step, list);
  });
  return {
    take(step) {
      const list = calls.get(step) ?? [];
      calls.delete(step);
      return list;
    },
    dispose() {
      offStart();
      offAttempt();
      offEnd();
    },
  };
}
