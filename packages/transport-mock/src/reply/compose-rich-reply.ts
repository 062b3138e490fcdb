import { type ChatRequest, estimateTextTokens, type ToolCall } from '@acpt/config';
import { createSeededRandom } from '../random/seeded-random.ts';
import { mockReasoning } from '../responder/mock-reasoning.ts';
import type { MockResponderOutput } from '../responder/mock-responder.ts';
import type { MockReasoning, MockReply } from './mock-reply.ts';
import { explicitToolCalls, generatedToolCalls } from './mock-tool-calls.ts';
import { generatedReasoningLevel, reasoningDelivery } from './reasoning-mode.ts';
import { cutAtStop, splitPieces, truncateToTokens } from './split-text.ts';
import type { StreamPiece } from './stream-piece.ts';
import { plannedTools } from './tool-call-plan.ts';

/** The parts of a reply with tool calls or reasoning that {@link composeRichReply} decides. */
export type RichReplyParts = Pick<
  MockReply,
  'text' | 'reasoning' | 'toolCalls' | 'finishReason' | 'hiddenReasoningTokens' | 'pieces'
> & {
  /** Completion tokens: reasoning, text and the calls' names and arguments. */
  readonly completionTokens: number;
  /** Reasoning tokens, when the reply has reasoning. */
  readonly reasoningTokens: number | undefined;
};

/** What a rich reply depends on besides the request and the responder's output. */
export interface RichReplyOptions {
  /** SHA-256 of the seed and the canonical request: the seed of every choice made here. */
  readonly digest: string;
  /** The answering model. */
  readonly model: string;
  /** Tokens per streamed piece. */
  readonly streamChunkTokens: number;
}

const callTokens = (call: ToolCall): number =>
  estimateTextTokens(call.function.name) + estimateTextTokens(call.function.arguments);

/**
 * Composes a reply that may reason and call tools. Text output follows the tool-call rules (`plannedTools`); an
 * explicit `MockResponderReply` is taken as it is. Reasoning (generated, or the responder's) comes first and counts
 * against `maxCompletionTokens`, then the text, then whole tool calls: what no longer fits is cut (reasoning, text)
 * or left out (calls), with `finishReason: 'length'`. `stop` sequences cut the text only.
 */
export function composeRichReply(
  request: ChatRequest,
  output: MockResponderOutput,
  options: RichReplyOptions,
): RichReplyParts {
  const random = createSeededRandom(`tools and reasoning\n${options.digest}`);
  const explicit = typeof output === 'string' ? undefined : output;
  let calls =
    explicit === undefined
      ? generatedToolCalls(plannedTools(request, random), random)
      : explicitToolCalls(explicit.toolCalls ?? [], random);
  let text = explicit === undefined ? (calls.length > 0 ? '' : (output as string)) : (explicit.text ?? '');
  const delivery = reasoningDelivery(request, options.model);
  const level = generatedReasoningLevel(request, options.model);
  const names = calls.map((call) => call.function.name);
  let thought =
    delivery === undefined
      ? undefined
      : (explicit?.reasoning ?? (level === undefined ? undefined : mockReasoning(request, level, names, random)));
  text = cutAtStop(text, request.stop);
  if (delivery === 'raw' && thought) text = text.trimStart();

  const limit = request.maxCompletionTokens;
  let budget = limit !== undefined && limit >= 0 ? limit : Number.POSITIVE_INFINITY;
  let cut = false;
  let closed = true;
  if (thought !== undefined && estimateTextTokens(thought) > budget) {
    thought = truncateToTokens(thought, budget);
    closed = false;
    cut = true;
    text = '';
  }
  const reasoningTokens = thought === undefined ? undefined : estimateTextTokens(thought);
  budget -= reasoningTokens ?? 0;
  if (!cut && estimateTextTokens(text) > budget) {
    text = truncateToTokens(text, budget);
    cut = true;
  }
  budget -= estimateTextTokens(text);
  const kept: ToolCall[] = [];
  for (const call of cut ? [] : calls) {
    if (callTokens(call) > budget) {
      cut = true;
      break;
    }
    budget -= callTokens(call);
    kept.push(call);
  }
  calls = kept;

  const reasoning: MockReasoning | undefined =
    thought === undefined || delivery === undefined ? undefined : { text: thought, delivery, closed };
  const completionTokens =
    (reasoningTokens ?? 0) + estimateTextTokens(text) + calls.reduce((sum, call) => sum + callTokens(call), 0);
  return {
    text,
    ...(reasoning === undefined ? {} : { reasoning }),
    ...(calls.length > 0 ? { toolCalls: calls } : {}),
    finishReason: cut ? 'length' : calls.length > 0 ? 'tool_calls' : 'stop',
    ...(delivery === 'hidden' && reasoningTokens ? { hiddenReasoningTokens: reasoningTokens } : {}),
    pieces: richPieces(text, reasoning, calls, options.streamChunkTokens),
    completionTokens,
    reasoningTokens,
  };
}

function richPieces(
  text: string,
  reasoning: MockReasoning | undefined,
  calls: readonly ToolCall[],
  chunkTokens: number,
): StreamPiece[] {
  const pieces: StreamPiece[] = [];
  if (reasoning !== undefined && reasoning.text !== '' && reasoning.delivery !== 'hidden') {
    const raw = reasoning.delivery === 'raw';
    if (raw) pieces.push({ kind: 'think-tag', text: '<think>' });
    for (const part of splitPieces(reasoning.text, chunkTokens)) pieces.push({ kind: 'reasoning', text: part, raw });
    if (raw && reasoning.closed) pieces.push({ kind: 'think-tag', text: text === '' ? '</think>' : '</think>\n\n' });
  }
  pieces.push(...splitPieces(text, chunkTokens));
  calls.forEach((call, index) => {
    pieces.push({ kind: 'tool-call', index, head: { id: call.id, name: call.function.name }, arguments: '' });
    for (const fragment of splitPieces(call.function.arguments, chunkTokens))
      pieces.push({ kind: 'tool-call', index, arguments: fragment });
  });
  return pieces;
}
