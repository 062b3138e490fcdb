import type { ChatMessage, ChatRequest } from '@acpt/config';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';

/**
 * The 400 Cerebras' version 2 validation gives a conversation whose tool calls and tool results do not pair up:
 * every assistant `tool_calls[].id` must be answered by a `tool` message in the run of `tool` messages right after
 * it, a `tool` message must answer a call of that assistant message (no orphans, no answer twice), and call ids are
 * unique in the conversation. `undefined` for a valid conversation, and at once for one without tool messages or
 * calls (the common case costs one pass over the roles).
 */
export function checkToolHistory(request: ChatRequest): WireResponse | undefined {
  const messages = request.messages;
  if (!messages.some(hasToolParts)) return undefined;
  const seen = new Set<string>();
  let pending = new Set<string>();
  let callsAt = -1;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as ChatMessage;
    if (message.role === 'tool') {
      const id = message.toolCallId ?? '';
      if (!pending.delete(id)) {
        return invalidMessages(
          callsAt < 0 || !seen.has(id)
            ? `messages[${index}]: a 'tool' message must answer a tool call of the assistant message right before it; no call has the id '${id}'.`
            : `messages[${index}]: tool call '${id}' of messages[${callsAt}] is answered twice.`,
        );
      }
      continue;
    }
    if (pending.size > 0) return unanswered(pending, callsAt);
    callsAt = -1;
    const calls = message.role === 'assistant' ? (message.toolCalls ?? []) : [];
    if (calls.length === 0) continue;
    pending = new Set();
    callsAt = index;
    for (const call of calls) {
      if (seen.has(call.id)) {
        return invalidMessages(`messages[${index}]: the tool call id '${call.id}' is used more than once.`);
      }
      seen.add(call.id);
      pending.add(call.id);
    }
  }
  return pending.size > 0 ? unanswered(pending, callsAt) : undefined;
}

function hasToolParts(message: ChatMessage): boolean {
  return message.role === 'tool' || (message.role === 'assistant' && (message.toolCalls?.length ?? 0) > 0);
}

function unanswered(pending: ReadonlySet<string>, callsAt: number): WireResponse {
  const ids = [...pending].map((id) => `'${id}'`).join(', ');
  return invalidMessages(
    `messages[${callsAt}]: an assistant message with 'tool_calls' must be followed by 'tool' messages answering each call; unanswered: ${ids}.`,
  );
}

function invalidMessages(message: string): WireResponse {
  return jsonResponse(400, { message, type: 'invalid_request_error', param: 'messages', code: 'wrong_api_format' });
}
