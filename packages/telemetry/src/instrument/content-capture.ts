import type { ChatMessage, ChatRequest, ChatResponse, ToolCall } from '@acpt/config';

type MessagePart =
  | { readonly type: 'text'; readonly content: string }
  | { readonly type: 'reasoning'; readonly content: string }
  | { readonly type: 'tool_call'; readonly id: string; readonly name: string; readonly arguments: unknown }
  | { readonly type: 'tool_call_response'; readonly id: string; readonly response: string | null };

/**
 * `gen_ai.input.messages` as the GenAI conventions shape it (role plus `parts[]`), JSON-encoded. `developer`
 * messages are reported with the `system` role. Only called when content capture is opted in.
 */
export function inputMessagesJson(request: ChatRequest): string {
  return JSON.stringify(request.messages.map(toInputMessage));
}

/** `gen_ai.output.messages`: the reply, its reasoning and tool calls, and its finish reason, JSON-encoded. */
export function outputMessagesJson(response: ChatResponse): string {
  const parts: MessagePart[] = [];
  if (response.reasoning !== undefined && response.reasoning !== '') {
    parts.push({ type: 'reasoning', content: response.reasoning });
  }
  if (response.text !== '') parts.push({ type: 'text', content: response.text });
  for (const call of response.toolCalls ?? []) parts.push(toToolCallPart(call));
  return JSON.stringify([{ role: 'assistant', parts, finish_reason: response.finishReason }]);
}

/** `gen_ai.tool.definitions`, JSON-encoded, or `undefined` when the request has no tools. */
export function toolDefinitionsJson(request: ChatRequest): string | undefined {
  if (request.tools === undefined || request.tools.length === 0) return undefined;
  return JSON.stringify(
    request.tools.map((tool) => ({
      type: tool.type,
      name: tool.function.name,
      description: tool.function.description,
      parameters: tool.function.parameters,
    })),
  );
}

function toInputMessage(message: ChatMessage): { role: string; parts: MessagePart[] } {
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
