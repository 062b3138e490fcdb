import type { AdapterResponse, CerebrasLLMAdapter } from '@acpt/adapter';
import type { ChatRequest } from '@acpt/config';
import { LatencyHistogram } from './latency-histogram.ts';
import type { ResolvedKind } from './load-driver.ts';

/** Options of {@link createRequestRunner}. */
export interface RequestRunnerOptions {
  readonly adapter: Pick<CerebrasLLMAdapter, 'generate' | 'stream'>;
  /** Share of requests sent with `stream()`. */
  readonly streamShare: number;
  readonly maxTokens: number;
}

/** Runs load-test request number `index`; records the time to first token of streams. */
export interface RequestRunner {
  run(index: number, signal: AbortSignal): Promise<ResolvedKind>;
  readonly timeToFirstToken: LatencyHistogram;
}

const goldenRatio = 0.618_033_988_749_895;

/** Whether request `index` streams: a low-discrepancy sequence, so any prefix of the run has the right share. */
export function streamsAt(index: number, share: number): boolean {
  return ((index + 1) * goldenRatio) % 1 < share;
}

/** The request sent as number `index`: a short agent-style prompt, varied so replies differ. */
export function loadtestRequest(index: number, maxTokens: number): ChatRequest {
  return {
    messages: [
      { role: 'system', content: 'You pick RIS phase bits for a V2I downlink. Reply with JSON.' },
      { role: 'user', content: `Vehicle ${index % 97}, step ${index}: choose phase bits for 16 elements.` },
    ],
    maxCompletionTokens: maxTokens,
  };
}

function kindOf(response: AdapterResponse): ResolvedKind {
  return response.fallback === undefined ? 'succeeded' : 'fellBack';
}

/**
 * Creates the per-request function of the load driver: `generate()` or `stream()` through the adapter, resolving
 * with how the request was answered (live, or by the fallback) and rejecting with exactly what the adapter threw.
 */
export function createRequestRunner(options: RequestRunnerOptions): RequestRunner {
  const timeToFirstToken = new LatencyHistogram();
  const { adapter } = options;
  return {
    timeToFirstToken,
    async run(index: number, signal: AbortSignal): Promise<ResolvedKind> {
      const request = loadtestRequest(index, options.maxTokens);
      if (!streamsAt(index, options.streamShare)) return kindOf(await adapter.generate(request, { signal }));
      const startedAt = performance.now();
      let first = true;
      for await (const event of adapter.stream(request, { signal })) {
        if (event.type === 'finish') return kindOf(event.response);
        if (first) {
          first = false;
          timeToFirstToken.record(performance.now() - startedAt);
        }
      }
      throw new Error('the adapter stream ended without a response event');
    },
  };
}
