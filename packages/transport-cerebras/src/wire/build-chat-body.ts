import {
  type ChatMessage,
  type ChatRequest,
  extraBodyIssues,
  InvalidRequestError,
  type ResponseFormat,
} from '@acpt/config';

/** What a request falls back to when it names no model or token bound. */
export interface ChatBodyDefaults {
  /** The configured model. */
  readonly model: string;
  /** The configured `max_completion_tokens`. */
  readonly maxCompletionTokens: number;
}

const json = JSON.stringify;

function messageJson(message: ChatMessage): string {
  let out =
    '{"role":' + json(message.role) + ',"content":' + (message.content === null ? 'null' : json(message.content));
  if (message.name !== undefined) out += ',"name":' + json(message.name);
  if (message.toolCalls !== undefined && message.toolCalls.length > 0)
    out += ',"tool_calls":' + json(message.toolCalls);
  if (message.toolCallId !== undefined) out += ',"tool_call_id":' + json(message.toolCallId);
  return out + '}';
}

function responseFormatJson(format: ResponseFormat): string {
  if (format.type !== 'json_schema') return '{"type":' + json(format.type) + '}';
  return '{"type":"json_schema","json_schema":' + json(format.jsonSchema) + '}';
}

function extraBodyJson(extraBody: Readonly<Record<string, unknown>>): string {
  const issues = extraBodyIssues(extraBody);
  if (issues.length > 0) throw new InvalidRequestError(issues);
  let out = '';
  for (const [key, value] of Object.entries(extraBody)) {
    if (value !== undefined) out += ',' + json(key) + ':' + json(value);
  }
  return out;
}

/**
 * The JSON body of `POST /v1/chat/completions`, written by hand (no intermediate snake_case object). Every field of
 * the contract is mapped; fields the request leaves out are not sent, except `max_completion_tokens`, which is always
 * sent because Cerebras reserves it against the token quota. A stream asks for usage on its final chunk. `extraBody`
 * fields follow the typed ones, as given.
 *
 * @throws {InvalidRequestError} when an `extraBody` key collides with a field the contract models
 *
 * @param stream - whether to ask for server-sent events
 */
export function buildChatBody(request: ChatRequest, defaults: ChatBodyDefaults, stream: boolean): string {
  let out = '{"model":' + json(request.model ?? defaults.model);
  out += ',"max_completion_tokens":' + json(request.maxCompletionTokens ?? defaults.maxCompletionTokens);
  if (request.temperature !== undefined) out += ',"temperature":' + json(request.temperature);
  if (request.topP !== undefined) out += ',"top_p":' + json(request.topP);
  if (request.seed !== undefined) out += ',"seed":' + json(request.seed);
  if (request.stop !== undefined) out += ',"stop":' + json(request.stop);
  if (request.responseFormat !== undefined) out += ',"response_format":' + responseFormatJson(request.responseFormat);
  if (request.tools !== undefined) out += ',"tools":' + json(request.tools);
  if (request.toolChoice !== undefined) out += ',"tool_choice":' + json(request.toolChoice);
  if (request.parallelToolCalls !== undefined) out += ',"parallel_tool_calls":' + json(request.parallelToolCalls);
  if (request.reasoningEffort !== undefined) out += ',"reasoning_effort":' + json(request.reasoningEffort);
  if (request.reasoningFormat !== undefined) out += ',"reasoning_format":' + json(request.reasoningFormat);
  if (request.user !== undefined) out += ',"user":' + json(request.user);
  if (request.minCompletionTokens !== undefined) out += ',"min_completion_tokens":' + json(request.minCompletionTokens);
  if (request.frequencyPenalty !== undefined) out += ',"frequency_penalty":' + json(request.frequencyPenalty);
  if (request.presencePenalty !== undefined) out += ',"presence_penalty":' + json(request.presencePenalty);
  if (request.logitBias !== undefined) out += ',"logit_bias":' + json(request.logitBias);
  if (request.logprobs !== undefined) out += ',"logprobs":' + json(request.logprobs);
  if (request.topLogprobs !== undefined) out += ',"top_logprobs":' + json(request.topLogprobs);
  if (request.serviceTier !== undefined) out += ',"service_tier":' + json(request.serviceTier);
  if (request.prediction !== undefined) out += ',"prediction":' + json(request.prediction);
  if (request.promptCacheKey !== undefined) out += ',"prompt_cache_key":' + json(request.promptCacheKey);
  if (request.clearThinking !== undefined) out += ',"clear_thinking":' + json(request.clearThinking);
  if (request.extraBody !== undefined) out += extraBodyJson(request.extraBody);
  if (stream) out += ',"stream":true,"stream_options":{"include_usage":true}';
  out += ',"messages":[';
  const { messages } = request;
  for (let index = 0; index < messages.length; index++) {
    if (index > 0) out += ',';
    out += messageJson(messages[index] as ChatMessage);
  }
  return out + ']}';
}
