import type { ChatStreamEvent, ToolCall } from '@acpt/config';

/** A wire tool call, whole or as a streamed fragment. */
export interface WireToolCallPart {
  readonly index?: number;
  readonly id?: string;
  readonly function?: { readonly name?: string; readonly arguments?: string };
}

/** A `message` or `delta` as the test transport reads it. */
export interface WireMessagePart {
  readonly content?: string | null;
  readonly reasoning?: string;
  readonly tool_calls?: readonly WireToolCallPart[];
}

/** What a reply carries besides its envelope. */
export interface ReplyParts {
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: ToolCall[];
}

const toToolCall = (part: WireToolCallPart): ToolCall => ({
  id: part.id ?? '',
  type: 'function',
  function: { name: part.function?.name ?? '', arguments: part.function?.arguments ?? '' },
});

/** The parts of a whole `message`: raw `<think>` reasoning split off the content, parsed reasoning, tool calls. */
export function messageParts(message: WireMessagePart | undefined): ReplyParts {
  const content = message?.content ?? '';
  const think = /^<think>([\s\S]*?)(?:<\/think>\s*|$)/.exec(content);
  return {
    text: think === null ? content : content.slice(think[0].length),
    reasoning: (message?.reasoning ?? '') + (think?.[1] ?? ''),
    toolCalls: (message?.tool_calls ?? []).map(toToolCall),
  };
}

/**
 * Reads stream deltas into contract events and the reply's parts. Deliberately small: raw reasoning is recognised
 * only as the mock sends it (`<think>` and `</think>…` as pieces of their own); tool calls are joined by `index`.
 */
export function createDeltaReader(): {
  read(delta: WireMessagePart | undefined): ChatStreamEvent[];
  parts: ReplyParts;
} {
  const parts = { text: '', reasoning: '', toolCalls: [] as ToolCall[] };
  let inThink = false;
  return {
    parts,
    read(delta) {
      const events: ChatStreamEvent[] = [];
      if (delta?.reasoning) {
        parts.reasoning += delta.reasoning;
        events.push({ type: 'reasoning-delta', text: delta.reasoning });
      }
      const piece = delta?.content;
      if (piece === '<think>' || piece?.startsWith('</think>')) inThink = piece === '<think>';
      else if (piece && inThink) {
        parts.reasoning += piece;
        events.push({ type: 'reasoning-delta', text: piece });
      } else if (piece) {
        parts.text += piece;
        events.push({ type: 'text-delta', text: piece });
      }
      for (const call of delta?.tool_calls ?? []) {
        const index = call.index ?? 0;
        const known = parts.toolCalls[index];
        const more = call.function?.arguments ?? '';
        const next =
          known === undefined
            ? toToolCall(call)
            : { ...known, function: { name: known.function.name, arguments: known.function.arguments + more } };
        parts.toolCalls[index] = next;
        events.push({ type: 'tool-call-delta', index, id: next.id, name: next.function.name, argumentsDelta: more });
      }
      return events;
    },
  };
}
