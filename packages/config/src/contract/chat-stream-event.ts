import type { ToolCall } from './chat-request.ts';
import type { ChatResponse } from './chat-response.ts';

/** A piece of reply text, as it reached the caller: every text that arrived together (see `StreamDeltaMode`). */
export interface TextDeltaEvent {
  readonly type: 'text-delta';
  /** The new text (never empty). */
  readonly text: string;
}

/**
 * A piece of reasoning (parsed `delta.reasoning`, or text stripped out of `<think>` blocks), every piece that arrived
 * together (see `StreamDeltaMode`).
 */
export interface ReasoningDeltaEvent {
  readonly type: 'reasoning-delta';
  /** The new reasoning text (never empty). */
  readonly text: string;
}

/**
 * A fragment of a tool call's JSON arguments, as it arrived (consecutive fragments of one call that arrived together
 * are one event; see `StreamDeltaMode`). Fragments of one call share its `index`.
 */
export interface ToolCallDeltaEvent {
  readonly type: 'tool-call-delta';
  /** 0-based position of the call in the turn (the wire's `tool_calls[].index`). */
  readonly index: number;
  /** The call id, once the server sent it ('' before). */
  readonly id: string;
  /** The function name, once the server sent it ('' before). */
  readonly name: string;
  /** The new fragment of the JSON-encoded arguments (may be empty on the call's first delta). */
  readonly argumentsDelta: string;
}

/** A complete tool call: sent once per call, after its last fragment and before `finish`. */
export interface ToolCallEvent {
  readonly type: 'tool-call';
  /** 0-based position of the call in the turn. */
  readonly index: number;
  /** The call, with its whole JSON-encoded `arguments` (as on the wire). */
  readonly toolCall: ToolCall;
}

/** The last event of every successful stream: the whole response. */
export interface FinishEvent<TResponse extends ChatResponse = ChatResponse> {
  readonly type: 'finish';
  /** The response: text, reasoning, tool calls, usage, finish reason, … */
  readonly response: TResponse;
}

/**
 * One event of a streamed completion, the same union for transports and the adapter (the adapter's `finish` carries
 * its richer response): deltas as they arrive, `tool-call` events for finished calls, then exactly one `finish`.
 * Narrow it with a `switch` on `type`; {@link CHAT_STREAM_EVENT_TYPES} lists every member for exhaustiveness checks.
 *
 * @example
 * ```ts
 * for await (const event of transport.stream(request)) {
 *   switch (event.type) {
 *     case 'text-delta': process.stdout.write(event.text); break;
 *     case 'reasoning-delta': break;
 *     case 'tool-call-delta': break;
 *     case 'tool-call': console.log(event.toolCall.function.name); break;
 *     case 'finish': console.log(event.response.usage); break;
 *   }
 * }
 * ```
 */
export type ChatStreamEvent<TResponse extends ChatResponse = ChatResponse> =
  | TextDeltaEvent
  | ReasoningDeltaEvent
  | ToolCallDeltaEvent
  | ToolCallEvent
  | FinishEvent<TResponse>;

/** Every `type` of {@link ChatStreamEvent}, `finish` last. */
export const CHAT_STREAM_EVENT_TYPES: readonly ChatStreamEvent['type'][] = [
  'text-delta',
  'reasoning-delta',
  'tool-call-delta',
  'tool-call',
  'finish',
];
