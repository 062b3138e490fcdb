import type { Cost } from '../pricing/cost.ts';
import type { ToolCall } from './chat-request.ts';
import type { RateLimitState } from './rate-limit.ts';

/** Why generation stopped. `error` marks a choice whose reason never arrived. */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'error' | (string & {});

/** Token usage as billed. */
export interface Usage {
  /** Prompt tokens, cached ones included. */
  readonly promptTokens: number;
  /** Completion tokens, reasoning included. */
  readonly completionTokens: number;
  /** Their sum. */
  readonly totalTokens: number;
  /** Prompt tokens served from the prompt cache. */
  readonly cachedTokens?: number;
  /** Completion tokens spent on reasoning. */
  readonly reasoningTokens?: number;
}

/** Cerebras server-side timings, in seconds, from `time_info`. */
export interface TimeInfo {
  readonly queueTime?: number;
  readonly promptTime?: number;
  readonly completionTime?: number;
  readonly totalTime?: number;
  /** Unix seconds (a float on the wire). */
  readonly created?: number;
}

/** Client-side timings of the call that produced a response, in milliseconds. */
export interface ResponseLatency {
  /** From sending the request to the last byte. */
  readonly totalMs: number;
  /** From sending the request to the response headers. */
  readonly headersMs?: number;
  /** Streams only: from sending the request to the first content or reasoning delta. */
  readonly timeToFirstTokenMs?: number;
}

/** A finished chat completion. */
export interface ChatResponse {
  /** Completion id (`chatcmpl-…`). */
  readonly id: string;
  /** The model that answered. */
  readonly model: string;
  /** Who answered: `cerebras`, `acpt.mock`, … (the `gen_ai.provider.name` value). */
  readonly provider: string;
  /** The reply text, never containing `<think>` reasoning. */
  readonly text: string;
  /** Reasoning, when the model produced any (parsed, or stripped out of `<think>` blocks). */
  readonly reasoning?: string;
  /** Why generation stopped. */
  readonly finishReason: FinishReason;
  /** Tool calls, when the model made any. */
  readonly toolCalls?: readonly ToolCall[];
  /** Billed tokens, when reported. */
  readonly usage?: Usage;
  /** What the answer cost, when the producer knows prices (the adapter always sets it; see `Cost`). */
  readonly cost?: Cost;
  /** Cerebras `time_info`, when reported. */
  readonly timeInfo?: TimeInfo;
  /** Rate-limit headers of the response, when any were present. */
  readonly rateLimit?: RateLimitState;
  /**
   * The server's request id (the `x-request-id` response header), when it sent one. Distinct from the adapter's own
   * `requestId` (the id its events carry).
   */
  readonly serverRequestId?: string;
  /** `system_fingerprint`, when present. */
  readonly systemFingerprint?: string;
  /** Client-side timings. */
  readonly latency: ResponseLatency;
}
