import type { ChatMessage, ChatRequest } from '@acpt/config';
import type { GenerateInput, GenerateOptions } from '../adapter-types.ts';
import { applyCallOptions } from '../options/apply-call-options.ts';

function isChatRequest(input: GenerateInput): input is ChatRequest {
  return typeof input === 'object' && !Array.isArray(input) && 'messages' in input;
}

/**
 * Turns any accepted input into a `ChatRequest` with the model and `maxCompletionTokens` filled in, so admission and
 * events see what is sent. Per-call options override the request's fields; tools, tool choice and provider options
 * are validated (see `applyCallOptions`).
 *
 * @throws {InvalidRequestError} when tools, tool choice or provider options are invalid
 */
export function toChatRequest(
  input: GenerateInput,
  options: GenerateOptions | undefined,
  defaults: { readonly model: string; readonly maxCompletionTokens: number },
): ChatRequest {
  let base: ChatRequest;
  if (typeof input === 'string') {
    const messages: ChatMessage[] = [];
    if (options?.system !== undefined) messages.push({ role: 'system', content: options.system });
    messages.push({ role: 'user', content: input });
    base = { messages };
  } else if (isChatRequest(input)) {
    base = input;
  } else {
    base = { messages: input as readonly ChatMessage[] };
  }
  if (base.messages.length === 0) throw new TypeError('A request needs at least one message');
  const request: { -readonly [K in keyof ChatRequest]: ChatRequest[K] } = { ...base };
  request.model = options?.model ?? base.model ?? defaults.model;
  request.maxCompletionTokens =
    options?.maxCompletionTokens ?? base.maxCompletionTokens ?? defaults.maxCompletionTokens;
  if (options !== undefined) {
    if (options.responseFormat !== undefined) request.responseFormat = options.responseFormat;
    if (options.temperature !== undefined) request.temperature = options.temperature;
    if (options.seed !== undefined) request.seed = options.seed;
    if (options.tools !== undefined || options.toolChoice !== undefined || options.providerOptions !== undefined)
      return applyCallOptions(request, options);
  }
  if (request.tools !== undefined || request.extraBody !== undefined) return applyCallOptions(request, {});
  return request;
}
