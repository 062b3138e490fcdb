import type { ExtraBody } from '@acpt/config';

/**
 * Cerebras request parameters per call, typed (`../shared/docs/cerebras-api.md` §2), plus `extraBody` for parameters
 * newer than this type. Each maps to the wire field in its comment. Option types accept `undefined` (safe under
 * `exactOptionalPropertyTypes`): an `undefined` option is not sent.
 */
export interface CerebrasProviderOptions {
  /** `top_p`: nucleus sampling, 0–1. */
  readonly topP?: number | undefined;
  /** `stop`: up to four stop sequences. */
  readonly stop?: string | readonly string[] | undefined;
  /** `frequency_penalty`: −2..2. */
  readonly frequencyPenalty?: number | undefined;
  /** `presence_penalty`: −2..2. */
  readonly presencePenalty?: number | undefined;
  /** `logit_bias`: token id → bias, −100..100. */
  readonly logitBias?: Readonly<Record<string, number>> | undefined;
  /** `logprobs`: return log probabilities of the output tokens. */
  readonly logprobs?: boolean | undefined;
  /** `top_logprobs`: 0–20 most likely tokens per position; needs `logprobs: true`. */
  readonly topLogprobs?: number | undefined;
  /** `service_tier` (Private Preview): `priority` is for dedicated endpoints only. */
  readonly serviceTier?: 'auto' | 'default' | 'flex' | 'priority' | undefined;
  /** `prediction`: predicted output the reply is expected to repeat. */
  readonly prediction?: { readonly type: 'content'; readonly content: string } | undefined;
  /** `prompt_cache_key`: prompt-cache routing hint. */
  readonly promptCacheKey?: string | undefined;
  /** `reasoning_effort`: `none` switches reasoning off where supported (`qwen-3.8-27b`). */
  readonly reasoningEffort?: 'none' | 'low' | 'medium' | 'high' | undefined;
  /** `reasoning_format`: `parsed` moves reasoning out of the content. */
  readonly reasoningFormat?: 'none' | 'parsed' | 'text_parsed' | 'raw' | 'hidden' | undefined;
  /** `clear_thinking` (GLM models only). */
  readonly clearThinking?: boolean | undefined;
  /** `parallel_tool_calls`: whether one turn may call several tools (default true on the API). */
  readonly parallelToolCalls?: boolean | undefined;
  /** `min_completion_tokens`: lower bound on generated tokens; `-1` = maximum. */
  readonly minCompletionTokens?: number | undefined;
  /** `user`: end-user id for abuse monitoring. */
  readonly user?: string | undefined;
  /**
   * Wire fields sent as they are (snake_case), for parameters newer than this type. A key the adapter or a typed
   * option owns (`model`, `messages`, `stream`, `tools`, `top_p`, …) is refused with `InvalidRequestError`.
   */
  readonly extraBody?: ExtraBody | undefined;
}

/** The names of {@link CerebrasProviderOptions}, for validating untyped input (the AI SDK's `providerOptions`). */
export const CEREBRAS_PROVIDER_OPTION_NAMES: readonly (keyof CerebrasProviderOptions)[] = [
  'topP',
  'stop',
  'frequencyPenalty',
  'presencePenalty',
  'logitBias',
  'logprobs',
  'topLogprobs',
  'serviceTier',
  'prediction',
  'promptCacheKey',
  'reasoningEffort',
  'reasoningFormat',
  'clearThinking',
  'parallelToolCalls',
  'minCompletionTokens',
  'user',
  'extraBody',
];
