import { type ChatStreamEvent, estimateTextTokens } from '@acpt/config';
import type { LatencyPlan } from '../latency/latency-model.ts';
import type { MockReply } from './mock-reply.ts';

/**
 * One delta of a streamed reply. A string is a piece of reply text (`delta.content`); the objects are:
 * - `reasoning`: a piece of reasoning, sent as `delta.reasoning`, or inside `delta.content` when `raw`;
 * - `think-tag`: `<think>` or `</think>` (plus the blank line before the text) of raw reasoning, in `delta.content`;
 * - `tool-call`: a call's first delta (with `id` and `name`, empty arguments) or a fragment of its arguments.
 */
export type StreamPiece =
  | string
  | { readonly kind: 'reasoning'; readonly text: string; readonly raw: boolean }
  | { readonly kind: 'think-tag'; readonly text: string }
  | {
      readonly kind: 'tool-call';
      readonly index: number;
      readonly head?: { readonly id: string; readonly name: string };
      readonly arguments: string;
    };

/** Tokens a piece stands for, to pace it: its text's estimate; tags count none, a call's first delta its name. */
export function pieceTokens(piece: StreamPiece): number {
  if (typeof piece === 'string') return estimateTextTokens(piece);
  switch (piece.kind) {
    case 'think-tag':
      return 0;
    case 'tool-call':
      return estimateTextTokens(piece.head === undefined ? piece.arguments : piece.head.name);
    default:
      return estimateTextTokens(piece.text);
  }
}

/**
 * How long the `position`-th piece of a reply waits before it goes out: its tokens at the planned rate, and for the
 * first piece also the time to first token and the tokens of hidden reasoning (generated, billed, never sent).
 */
export function pieceWaitMs(reply: MockReply, plan: LatencyPlan, position: number): number {
  const piece = reply.pieces[position];
  const tokens = piece === undefined ? 0 : pieceTokens(piece);
  if (position > 0) return tokens * plan.msPerToken;
  return plan.firstTokenMs + (tokens + (reply.hiddenReasoningTokens ?? 0)) * plan.msPerToken;
}

/** The id and name of each tool call of a stream so far, by call index (filled by {@link pieceEvent}). */
export type ToolCallHeads = { id: string; name: string }[];

/**
 * The contract event a piece yields in process: text, reasoning and tool-call argument deltas (a call's first delta
 * records its id and name in `heads`, later fragments repeat them); `<think>` tags yield none.
 */
export function pieceEvent(piece: StreamPiece, heads: ToolCallHeads): ChatStreamEvent | undefined {
  if (typeof piece === 'string') return { type: 'text-delta', text: piece };
  switch (piece.kind) {
    case 'reasoning':
      return { type: 'reasoning-delta', text: piece.text };
    case 'tool-call': {
      if (piece.head !== undefined) heads[piece.index] = { id: piece.head.id, name: piece.head.name };
      const head = heads[piece.index];
      return {
        type: 'tool-call-delta',
        index: piece.index,
        id: head?.id ?? '',
        name: head?.name ?? '',
        argumentsDelta: piece.arguments,
      };
    }
    default:
      return undefined;
  }
}
