import type { TimeInfo, ToolCall, Usage } from '@acpt/config';
import type { ReasoningDelivery } from './reasoning-mode.ts';
import type { StreamPiece } from './stream-piece.ts';

/** The reasoning of a reply, before delivery. */
export interface MockReasoning {
  /** The reasoning text (cut at `maxCompletionTokens` when `closed` is false). */
  readonly text: string;
  /** Where it goes. */
  readonly delivery: ReasoningDelivery;
  /** False when the token bound cut it: a raw `<think>` block is then left open, as a cut-off model leaves it. */
  readonly closed: boolean;
}

/** Everything the mocks answer to one request, computed once and rendered as a `ChatResponse` or on the wire. */
export interface MockReply {
  /** `chatcmpl-<uuid>`, a hash of the seed and the request: equal requests get equal ids. */
  readonly id: string;
  /** The `x-request-id` header value. */
  readonly requestId: string;
  /** Unix seconds: the fixed {@link MOCK_CREATED_SECONDS}, so bytes never depend on the wall clock. */
  readonly created: number;
  /** The model that answered. */
  readonly model: string;
  /** `fp_<hex>`, from the model and seed. */
  readonly systemFingerprint: string;
  /** The reply text, after `stop` sequences and `maxCompletionTokens`, never with `<think>` reasoning. */
  readonly text: string;
  /** Reasoning, when the request asked for it (absent otherwise). */
  readonly reasoning?: MockReasoning;
  /** Tool calls, when the reply makes any. */
  readonly toolCalls?: readonly ToolCall[];
  /** `stop`, `length` when `maxCompletionTokens` cut the reply, `tool_calls` when it calls tools. */
  readonly finishReason: 'stop' | 'length' | 'tool_calls';
  /** Estimated tokens (see `estimatePromptTokens`, `estimateTextTokens` of `@acpt/config`), reasoning included. */
  readonly usage: Usage;
  /** Tokens of `hidden` reasoning: billed and waited for before the first delta, never sent. */
  readonly hiddenReasoningTokens?: number;
  /** Modelled server timings. */
  readonly timeInfo: TimeInfo;
  /** The stream's deltas, in order: reasoning, then text (plain strings, joining to `text`), then tool calls. */
  readonly pieces: readonly StreamPiece[];
}

/** `created` of every mock reply: 2026-01-01T00:00:00Z. */
export const MOCK_CREATED_SECONDS = 1_767_225_600;
