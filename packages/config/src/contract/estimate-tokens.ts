import type { ChatMessage } from './chat-request.ts';

/** Tokens counted per message for role and framing, on top of its text. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * A stable, documented token estimate: one token per 4 UTF-16 code units of text, rounded up (0 for empty text).
 * Real tokenizers differ by model; this is what the mock bills and what admission control budgets with.
 */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Estimated prompt tokens of a conversation: each message's text plus {@link MESSAGE_OVERHEAD_TOKENS}. */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  let total = 0;
  for (const message of messages) {
    total += MESSAGE_OVERHEAD_TOKENS + estimateTextTokens(message.content ?? '');
    for (const call of message.toolCalls ?? [])
      total += estimateTextTokens(call.function.name + call.function.arguments);
  }
  return total;
}
