import type { TimeInfo, Usage } from '@acpt/config';

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
  /** The whole reply text, after `stop` sequences and `maxCompletionTokens`. */
  readonly text: string;
  /** `stop`, or `length` when `maxCompletionTokens` cut the text. */
  readonly finishReason: 'stop' | 'length';
  /** Estimated tokens (see `estimatePromptTokens`, `estimateTextTokens` of `@acpt/config`). */
  readonly usage: Usage;
  /** Modelled server timings. */
  readonly timeInfo: TimeInfo;
  /** The stream's content pieces, in order; they join to `text`. */
  readonly pieces: readonly string[];
}

/** `created` of every mock reply: 2026-01-01T00:00:00Z. */
export const MOCK_CREATED_SECONDS = 1_767_225_600;
