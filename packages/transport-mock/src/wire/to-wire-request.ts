import type { ChatMessage, ChatRequest } from '@acpt/config';

/**
 * Writes a `ChatRequest` as the Cerebras request body (snake_case), as a transport sends it. Absent fields are left
 * out. The inverse of `fromWireRequest` for every field both know.
 */
export function toWireRequest(request: ChatRequest, stream = false): Record<string, unknown> {
  const body: Record<string, unknown> = { model: request.model, messages: request.messages.map(toWireMessage) };
  const copy = (value: unknown, name: string): void => {
    if (value !== undefined) body[name] = value;
  };
  copy(request.maxCompletionTokens, 'max_completion_tokens');
  copy(request.temperature, 'temperature');
  copy(request.topP, 'top_p');
  copy(request.seed, 'seed');
  copy(request.stop, 'stop');
  copy(request.tools, 'tools');
  copy(request.toolChoice, 'tool_choice');
  copy(request.parallelToolCalls, 'parallel_tool_calls');
  copy(request.reasoningEffort, 'reasoning_effort');
  copy(request.reasoningFormat, 'reasoning_format');
  copy(request.user, 'user');
  copy(request.minCompletionTokens, 'min_completion_tokens');
  copy(request.frequencyPenalty, 'frequency_penalty');
  copy(request.presencePenalty, 'presence_penalty');
  copy(request.logitBias, 'logit_bias');
  copy(request.logprobs, 'logprobs');
  copy(request.topLogprobs, 'top_logprobs');
  copy(request.serviceTier, 'service_tier');
  copy(request.prediction, 'prediction');
  copy(request.promptCacheKey, 'prompt_cache_key');
  copy(request.clearThinking, 'clear_thinking');
  const format = request.responseFormat;
  if (format !== undefined) {
    body.response_format =
      format.type === 'json_schema' ? { type: 'json_schema', json_schema: format.jsonSchema } : { type: format.type };
  }
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}

function toWireMessage(message: ChatMessage): Record<string, unknown> {
  const wire: Record<string, unknown> = { role: message.role, content: message.content };
  if (message.name !== undefined) wire.name = message.name;
  if (message.toolCalls !== undefined) wire.tool_calls = message.toolCalls;
  if (message.toolCallId !== undefined) wire.tool_call_id = message.toolCallId;
  return wire;
}
