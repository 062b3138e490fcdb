import type { ChatMessage, ChatRequest, ChatResponse, ToolCall } from '@acpt/config';

/** One part of a message, as the GenAI conventions' message JSON schemas shape it. */
export type MessagePart =
  | { type: 'text'; content: string }
  | { type: 'reasoning'; content: string }
  | { type: 'tool_call'; id: string; name: string; arguments: unknown }
  | { type: 'tool_call_response'; id: string; response: string | null };

/** One element of `gen_ai.input.messages`. */
export interface InputMessage {
  /** `system` (also for `developer` messages), `user`, `assistant` or `tool`. */
  role: string;
  parts: MessagePart[];
}

/** One element of `gen_ai.output.messages`: one choice. */
export interface OutputMessage {
  /** Always `assistant`. */
  role: string;
  parts: MessagePart[];
  finish_reason: string;
}

/** One element of `gen_ai.tool.definitions`. */
export interface ToolDefinitionContent {
  type: string;
  name: string;
  description?: string;
  parameters?: unknown;
}

/**
 * `gen_ai.input.messages` as the GenAI conventions shape it (role plus `parts[]`), in the order sent. `developer`
 * messages are reported with the `system` role. Only called when content capture is opted in.
 */
export function inputMessages(request: ChatRequest): InputMessage[] {
  return request.messages.map(toInputMessage);
}

/** `gen_ai.output.messages`: the reply, its reasoning and tool calls, and its finish reason. */
export function outputMessages(response: ChatResponse): OutputMessage[] {
  const parts: MessagePart[] = [];
  if (response.reasoning !== undefined && response.reasoning !== '') {
    parts.push({ type: 'reasoning', content: response.reasoning });
  }
  if (response.text !== '') parts.push({ type: 'text', content: response.text });
  for (const call of response.toolCalls ?? []) parts.push(toToolCallPart(call));
  return [{ role: 'assistant', parts, finish_reason: response.finishReason }];
}

/** `gen_ai.tool.definitions`, or `undefined` when the request has no tools. */
export function toolDefinitions(request: ChatRequest): ToolDefinitionContent[] | undefined {
  if (request.tools === undefined || request.tools.length === 0) return undefined;
  return request.tools.map((tool) => {
    const definition: ToolDefinitionContent = { type: tool.type, name: tool.function.name };
    if (tool.function.description !== undefined) definition.description = tool.function.description;
    if (tool.function.parameters !== undefined) definition.parameters = tool.function.parameters;
    return definition;
  });
}

function toInputMessage(message: ChatMessage): InputMessage {
  const role = message.role === 'developer' ? 'system' : message.role;
  if (message.role === 'tool') {
    return { role, parts: [{ type: 'tool_call_response', id: message.toolCallId ?? '', response: message.content }] };
  }
  const parts: MessagePart[] = [];
  if (message.content !== null && message.content !== '') parts.push({ type: 'text', content: message.content });
  for (const call of message.toolCalls ?? []) parts.push(toToolCallPart(call));
  return { role, parts };
}

function toToolCallPart(call: ToolCall): MessagePart {
  return {
    type: 'tool_call',
    id: call.id,
    name: call.function.name,
    arguments: parseArguments(call.function.arguments),
  };
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
