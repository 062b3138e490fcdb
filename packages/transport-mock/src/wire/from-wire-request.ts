import type { ChatMessage, ChatRequest, ResponseFormat, ToolCall } from '@acpt/config';

type WireObject = Readonly<Record<string, unknown>>;

/**
 * Reads a validated Cerebras request body (snake_case) into the family's `ChatRequest`, leaving out absent and
 * `null` fields and `stream`/`stream_options` (how a reply is delivered does not change it). `max_tokens` is read as
 * the deprecated alias of `max_completion_tokens`; content parts are joined into their text.
 */
export function fromWireRequest(body: WireObject): ChatRequest {
  const request: Record<string, unknown> = {
    model: body.model,
    messages: (body.messages as WireObject[]).map(fromWireMessage),
  };
  const copy = (from: string, to: string): void => {
    const value = body[from];
    if (value !== undefined && value !== null) request[to] = value;
  };
  copy('max_tokens', 'maxCompletionTokens');
  copy('max_completion_tokens', 'maxCompletionTokens');
  copy('temperature', 'temperature');
  copy('top_p', 'topP');
  copy('seed', 'seed');
  copy('stop', 'stop');
  copy('tools', 'tools');
  copy('tool_choice', 'toolChoice');
  copy('parallel_tool_calls', 'parallelToolCalls');
  copy('reasoning_effort', 'reasoningEffort');
  copy('reasoning_format', 'reasoningFormat');
  copy('user', 'user');
  copy('min_completion_tokens', 'minCompletionTokens');
  copy('frequency_penalty', 'frequencyPenalty');
  copy('presence_penalty', 'presencePenalty');
  copy('logit_bias', 'logitBias');
  copy('logprobs', 'logprobs');
  copy('top_logprobs', 'topLogprobs');
  copy('service_tier', 'serviceTier');
  copy('prediction', 'prediction');
  copy('prompt_cache_key', 'promptCacheKey');
  copy('clear_thinking', 'clearThinking');
  const format = body.response_format as WireObject | null | undefined;
  if (format) request.responseFormat = fromWireFormat(format);
  return request as unknown as ChatRequest;
}

function fromWireMessage(wire: WireObject): ChatMessage {
  const message: Record<string, unknown> = { role: wire.role, content: contentText(wire.content) };
  if (typeof wire.name === 'string') message.name = wire.name;
  if (Array.isArray(wire.tool_calls)) message.toolCalls = wire.tool_calls as ToolCall[];
  if (typeof wire.tool_call_id === 'string') message.toolCallId = wire.tool_call_id;
  return message as unknown as ChatMessage;
}

function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  return content
    .map((part: WireObject) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

function fromWireFormat(format: WireObject): ResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type } as ResponseFormat;
  const schema = (format.json_schema ?? {}) as WireObject;
  const jsonSchema: Record<string, unknown> = { name: schema.name, schema: schema.schema ?? {} };
  if (typeof schema.description === 'string') jsonSchema.description = schema.description;
  if (typeof schema.strict === 'boolean') jsonSchema.strict = schema.strict;
  return { type: 'json_schema', jsonSchema } as ResponseFormat;
}
