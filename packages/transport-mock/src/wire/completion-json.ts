import type { TimeInfo, Usage } from '@acpt/config';
import type { MockReply } from '../reply/mock-reply.ts';
import type { StreamPiece } from '../reply/stream-piece.ts';
import { STREAM_ERROR_EVENT } from './error-bodies.ts';

/** The `chat.completion` body of a reply, as Cerebras sends it. */
export function completionJson(reply: MockReply): string {
  return JSON.stringify({
    id: reply.id,
    object: 'chat.completion',
    created: reply.created,
    model: reply.model,
    system_fingerprint: reply.systemFingerprint,
    choices: [{ index: 0, finish_reason: reply.finishReason, message: wireMessage(reply) }],
    usage: wireUsage(reply.usage),
    time_info: wireTimeInfo(reply.timeInfo),
  });
}

/**
 * The SSE events of a reply, in Cerebras' recorded order: `delta:{role}`, one delta per piece (`reasoning`, then
 * `content`, then `tool_calls` as OpenAI streams them: a call's `index`, `id`, `type` and `name` first, then
 * fragments of its `arguments`), an empty `delta:{}`, then the finish chunk with `finish_reason`, `usage` and
 * `time_info`. Each ends with a blank line.
 */
export function streamEvents(reply: MockReply): string[] {
  const head = `{"id":${JSON.stringify(reply.id)},"object":"chat.completion.chunk","created":${reply.created},"model":${JSON.stringify(reply.model)},"system_fingerprint":${JSON.stringify(reply.systemFingerprint)},"choices":[{"index":0,"delta":`;
  const events = [`data: ${head}{"role":"assistant"}}]}\n\n`];
  for (const piece of reply.pieces) events.push(`data: ${head}${deltaJson(piece)}}]}\n\n`);
  events.push(`data: ${head}{}}]}\n\n`);
  const tail = `,"usage":${JSON.stringify(wireUsage(reply.usage))},"time_info":${JSON.stringify(wireTimeInfo(reply.timeInfo))}`;
  events.push(`data: ${head}{},"finish_reason":${JSON.stringify(reply.finishReason)}}]${tail}}\n\n`);
  return events;
}

/** The terminator OpenAI sends and Cerebras' docs promise (recorded Cerebras streams omit it). */
export const DONE_EVENT = 'data: [DONE]\n\n';

/** How many content pieces a cut stream delivers before it breaks: the first half. */
export function cutPoint(pieceCount: number): number {
  return Math.floor(pieceCount / 2);
}

/** The `data:` payload of the mid-stream error event. */
export const STREAM_ERROR_DATA: string = JSON.stringify(STREAM_ERROR_EVENT);

/** The `data:` payload a `malformed-json` stream sends after `delivered` pieces: the next chunk's JSON, cut in half. */
export function malformedEventData(reply: MockReply, delivered: number): string {
  const next = streamEvents(reply)[1 + delivered] ?? 'data: {}\n\n';
  return halfBody(next.slice('data: '.length, -2));
}

/** Half of a JSON body: what `malformed-json` and a cut body deliver. */
export function halfBody(body: string): string {
  return body.slice(0, Math.floor(body.length / 2));
}

function wireUsage(usage: Usage): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0 },
  };
  if (usage.reasoningTokens !== undefined) wire.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens };
  return wire;
}

/**
 * `choices[0].message`: the content (raw reasoning in `<think>` included; `null` when a reply only calls tools),
 * parsed reasoning, and the tool calls. The content is the stream's content pieces joined, so both forms agree.
 */
function wireMessage(reply: MockReply): Record<string, unknown> {
  if (reply.reasoning === undefined && reply.toolCalls === undefined) return { role: 'assistant', content: reply.text };
  let content = '';
  for (const piece of reply.pieces)
    if (typeof piece === 'string' || piece.kind === 'think-tag' || (piece.kind === 'reasoning' && piece.raw))
      content += typeof piece === 'string' ? piece : piece.text;
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: content === '' && reply.toolCalls !== undefined ? null : content,
  };
  if (reply.reasoning?.delivery === 'parsed' && reply.reasoning.text !== '') message.reasoning = reply.reasoning.text;
  if (reply.toolCalls !== undefined) message.tool_calls = reply.toolCalls;
  return message;
}

/** The `delta` object of one stream piece. */
function deltaJson(piece: StreamPiece): string {
  if (typeof piece === 'string') return `{"content":${JSON.stringify(piece)}}`;
  switch (piece.kind) {
    case 'reasoning':
      return `{"${piece.raw ? 'content' : 'reasoning'}":${JSON.stringify(piece.text)}}`;
    case 'think-tag':
      return `{"content":${JSON.stringify(piece.text)}}`;
    default: {
      const call =
        piece.head === undefined
          ? { index: piece.index, function: { arguments: piece.arguments } }
          : {
              index: piece.index,
              id: piece.head.id,
              type: 'function',
              function: { name: piece.head.name, arguments: piece.arguments },
            };
      return `{"tool_calls":[${JSON.stringify(call)}]}`;
    }
  }
}

function wireTimeInfo(timeInfo: TimeInfo): Record<string, unknown> {
  return {
    queue_time: timeInfo.queueTime,
    prompt_time: timeInfo.promptTime,
    completion_time: timeInfo.completionTime,
    total_time: timeInfo.totalTime,
    created: timeInfo.created,
  };
}
