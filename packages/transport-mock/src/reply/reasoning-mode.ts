import type { ChatRequest } from '@acpt/config';

/** Where a reply's reasoning goes: `message.reasoning`, `<think>…</think>` in the content, or nowhere (billed). */
export type ReasoningDelivery = 'parsed' | 'raw' | 'hidden';

/** Reasoning effort of a reasoning request. */
export type ReasoningLevel = 'low' | 'medium' | 'high';

const reasoningModelPrefixes: readonly string[] = ['gpt-oss', 'qwen-3', 'zai-glm', 'deepseek-r1'];

/**
 * Whether the mock treats a model as one that reasons: the gpt-oss, Qwen 3 (`qwen-3-32b`, `qwen-3.8-27b`, …), GLM
 * and DeepSeek R1 families, by id prefix. Other ids never get generated reasoning.
 */
export function isReasoningModel(model: string): boolean {
  return reasoningModelPrefixes.some((prefix) => model.startsWith(prefix));
}

/**
 * Where the reasoning of `request` would go, or `undefined` when the request switches reasoning off
 * (`reasoning_effort: "none"`). `text_parsed` is delivered as `parsed`; an unset format or `none` (the SDK's "model
 * default") is `raw` on Qwen 3 models (`hidden` with a JSON response format, as Cerebras documents) and `parsed`
 * on the others.
 */
export function reasoningDelivery(request: ChatRequest, model: string): ReasoningDelivery | undefined {
  if (request.reasoningEffort === 'none') return undefined;
  switch (request.reasoningFormat) {
    case 'parsed':
    case 'text_parsed':
      return 'parsed';
    case 'raw':
    case 'hidden':
      return request.reasoningFormat;
    default:
      if (!model.startsWith('qwen-3')) return 'parsed';
      return request.responseFormat === undefined || request.responseFormat.type === 'text' ? 'raw' : 'hidden';
  }
}

/**
 * The effort the mock generates reasoning at, or `undefined` for none. A request asks for reasoning when it sets
 * `reasoning_effort` to `low`, `medium` or `high`, or sets a `reasoning_format` other than `none` (effort `medium`
 * then), and its model reasons ({@link isReasoningModel}). Requests that set neither get no reasoning, unlike the
 * real models, so that plain requests keep their replies.
 */
export function generatedReasoningLevel(request: ChatRequest, model: string): ReasoningLevel | undefined {
  const effort = request.reasoningEffort;
  if (effort === 'none' || !isReasoningModel(model)) return undefined;
  if (effort !== undefined) return effort;
  const format = request.reasoningFormat;
  return format === undefined || format === 'none' ? undefined : 'medium';
}
