import {
  type ChatResponse,
  type ChatStreamEvent,
  errorFromHttpResponse,
  type HeaderRecord,
  InvalidResponseError,
  type StreamDeltaMode,
  type TimeInfo,
  type Usage,
} from '@acpt/config';
import { createThinkSplitter, type ThinkSink } from '../reasoning/think-splitter.ts';
import type { SseEvent } from '../sse/sse-parser.ts';
import { type ChatResponseDraft, type ResponseMeta, responseEnvelope } from '../wire/map-chat-response.ts';
import { mapTimeInfo, mapToolCalls, mapUsage } from '../wire/map-wire-parts.ts';
import type { WireCompletion, WireErrorEvent, WireToolCall } from '../wire/wire-types.ts';
import { ChunkShapes } from './chunk-shapes.ts';
import { DeltaQueue, type ToolCallDraft } from './delta-queue.ts';

/** Where a stream came from, to type its mid-stream error events. */
export interface StreamOrigin {
  /** Request URL. */
  readonly url: string;
  /** Headers of the streaming response. */
  readonly headers: HeaderRecord;
  /** Epoch ms now. */
  readonly clock: () => number;
  /** `performance.now()` when the request was sent, for time to first token. */
  readonly startedAt: number;
  /** Redacts the key out of server text, should the server echo it. */
  readonly redact: (text: string) => string;
}

/**
 * Turns the SSE events of a chat stream into contract events and, at the end, the whole response. Feed it with
 * {@link ChatStreamAccumulator.accept}, call {@link ChatStreamAccumulator.flush} at the end of every read (in
 * `coalesced` mode the deltas of a read become one event per run of a kind then), and take `events`. Chunks that
 * repeat a learned envelope around one content or reasoning string skip `JSON.parse` ({@link ChunkShapes}). A
 * mid-stream error (an `event: error` or a `data:` object with an `error` key) or an event that is not JSON is kept
 * in `failure`, after which nothing more is accepted.
 */
export interface ChatStreamAccumulator {
  /** Takes one SSE event (bind-free: safe to pass as a callback). */
  readonly accept: (event: SseEvent) => void;
  /** Contract events produced since the caller last emptied this array. */
  readonly events: ChatStreamEvent[];
  /** The end of a read: the deltas held for coalescing become events. */
  flush(): void;
  /** The typed error of a mid-stream error event or a malformed event. */
  readonly failure: unknown;
  /** True after `data: [DONE]`. */
  readonly done: boolean;
  /** True once a chunk carried `finish_reason`. */
  readonly finished: boolean;
  /** True once a text, reasoning or tool-call delta was produced. */
  readonly deliveredContent: boolean;
  /** Usage reported so far (normally on the finishing chunk), for a stream cut after it. */
  readonly usage: Usage | undefined;
  /** Ends the content (a held-back partial `<think>` tag becomes a delta) and builds the final response. */
  complete(meta: ResponseMeta): ChatResponse;
}

/**
 * Creates the accumulator of one stream.
 *
 * @param deltas - `coalesced` (default): one event per run of a kind in a read; `per-token`: one per wire delta
 */
export function createChatStreamAccumulator(
  origin: StreamOrigin,
  deltas: StreamDeltaMode = 'coalesced',
): ChatStreamAccumulator {
  const splitter = createThinkSplitter();
  const queue = new DeltaQueue(deltas);
  const shapes = new ChunkShapes();
  const events = queue.events;
  const toolCalls: ToolCallDraft[] = [];
  let text = '';
  let reasoning = '';
  let id = '';
  let model = '';
  let fingerprint: string | undefined;
  let finishReason: string | undefined;
  let usage: Usage | undefined;
  let timeInfo: TimeInfo | undefined;
  let timeToFirstTokenMs: number | undefined;
  let failure: unknown;
  let done = false;
  let deliveredToolCall = false;

  const sink: ThinkSink = (kind, part) => {
    timeToFirstTokenMs ??= performance.now() - origin.startedAt;
    if (kind === 'text') {
      text += part;
      queue.text(part);
    } else {
      reasoning += part;
      queue.reasoning(part);
    }
  };

  const midStreamError = (data: string, status: unknown): unknown =>
    errorFromHttpResponse({
      status: typeof status === 'number' && status >= 400 ? status : 500,
      url: origin.url,
      headers: origin.headers,
      body: origin.redact(data),
      nowMs: origin.clock(),
      midStream: true,
    });

  const addToolCalls = (calls: readonly WireToolCall[]): void => {
    for (const call of calls) {
      const index = typeof call.index === 'number' ? call.index : toolCalls.length;
      let draft = toolCalls[index];
      if (draft === undefined) {
        draft = { id: '', name: '', arguments: '' };
        toolCalls[index] = draft;
      }
      if (call.id) draft.id = call.id;
      if (call.function?.name) draft.name += call.function.name;
      const argumentsDelta = call.function?.arguments ?? '';
      draft.arguments += argumentsDelta;
      deliveredToolCall = true;
      queue.toolCall(index, draft, argumentsDelta);
    }
  };

  const acceptChunk = (chunk: WireCompletion): void => {
    if (id === '' && typeof chunk.id === 'string') id = chunk.id;
    if (model === '' && typeof chunk.model === 'string') model = chunk.model;
    if (typeof chunk.system_fingerprint === 'string') fingerprint = chunk.system_fingerprint;
    if (chunk.usage) usage = mapUsage(chunk.usage);
    if (chunk.time_info) timeInfo = mapTimeInfo(chunk.time_info);
    const choice = chunk.choices?.[0];
    if (choice === undefined) return;
    const delta = choice.delta;
    if (delta) {
      if (typeof delta.reasoning === 'string' && delta.reasoning !== '') sink('reasoning', delta.reasoning);
      if (typeof delta.content === 'string' && delta.content !== '') splitter.push(delta.content, sink);
      if (Array.isArray(delta.tool_calls)) addToolCalls(delta.tool_calls);
    }
    if (typeof choice.finish_reason === 'string') finishReason = choice.finish_reason;
  };

  const accept = (event: SseEvent): void => {
    if (failure !== undefined || done) return;
    const { data } = event;
    if (event.event === undefined) {
      const delta = shapes.read(data);
      if (delta !== undefined) {
        if (delta === '') return;
        if (shapes.kind === 'content') splitter.push(delta, sink);
        else sink('reasoning', delta);
        return;
      }
    }
    if (data === '[DONE]') {
      done = true;
      return;
    }
    let parsed: unknown;
    try {
      parsed = data === '' ? {} : JSON.parse(data);
    } catch (error) {
      failure =
        event.event === 'error'
          ? midStreamError(data, undefined)
          : new InvalidResponseError('Cerebras sent a stream event that is not JSON', {
              bodySnippet: origin.redact(data),
              cause: error,
            });
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    if (event.event === 'error' || (parsed as { error?: unknown }).error) {
      failure = midStreamError(data, (parsed as WireErrorEvent).status_code);
      return;
    }
    acceptChunk(parsed as WireCompletion);
    shapes.learn(data, parsed);
  };

  return {
    accept,
    events,
    flush: () => queue.flush(),
    get failure() {
      return failure;
    },
    get done() {
      return done;
    },
    get finished() {
      return finishReason !== undefined;
    },
    get deliveredContent() {
      return timeToFirstTokenMs !== undefined || deliveredToolCall;
    },
    get usage() {
      return usage;
    },
    complete(meta) {
      splitter.flush(sink);
      queue.flush();
      const latency =
        timeToFirstTokenMs === undefined ? meta.latency : { ...meta.latency, timeToFirstTokenMs: timeToFirstTokenMs };
      const response: ChatResponseDraft = {
        ...responseEnvelope(id, model, { ...meta, latency }),
        text,
        finishReason: finishReason ?? 'error',
      };
      if (reasoning !== '') response.reasoning = reasoning;
      const calls = mapToolCalls(toolCalls.filter(Boolean).map((call) => ({ id: call.id, function: call })));
      if (calls !== undefined) response.toolCalls = calls;
      let position = 0;
      toolCalls.forEach((_draft, index) => {
        const toolCall = calls?.[position++];
        if (toolCall !== undefined) queue.push({ type: 'tool-call', index, toolCall });
      });
      if (usage !== undefined) response.usage = usage;
      if (timeInfo !== undefined) response.timeInfo = timeInfo;
      if (fingerprint !== undefined) response.systemFingerprint = fingerprint;
      return response;
    },
  };
}
