/**
 * The official SDK as a contract oracle (cerebras-api.md §9): its response, chunk and error-chunk types must be
 * accepted by our wire types (checked by `tsc`), and values of those types must map (checked at run time).
 * No SDK code runs here; only its types are used.
 */
import type { ChatCompletion } from '@cerebras/cerebras_cloud_sdk/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { createSseParser } from '../sse/sse-parser.ts';
import { createChatStreamAccumulator } from '../stream/chat-stream-accumulator.ts';
import { mapChatCompletion } from './map-chat-response.ts';
import type { WireCompletion, WireErrorEvent } from './wire-types.ts';

const response: ChatCompletion.ChatCompletionResponse = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1761231233,
  model: 'gpt-oss-120b',
  system_fingerprint: 'fp_1',
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  time_info: { queue_time: 0.1, prompt_time: 0.2, completion_time: 0.3, total_time: 0.7, created: 1761231233.5 },
};

const chunk: ChatCompletion.ChatChunkResponse = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1761231233,
  model: 'gpt-oss-120b',
  system_fingerprint: 'fp_1',
  choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: 'stop' }],
};

const errorChunk: ChatCompletion.ErrorChunkResponse = {
  error: { message: 'Encountered a server error', type: 'server_error', code: 'internal', param: null },
  status_code: 500,
};

// Compile-time: every SDK shape is a valid input of our parsers.
const wireResponse: WireCompletion = response;
const wireChunk: WireCompletion = chunk;
const wireError: WireErrorEvent = errorChunk;

describe('official SDK types as the contract', () => {
  it('maps an SDK-typed response', () => {
    const mapped = mapChatCompletion(JSON.stringify(wireResponse), {
      headers: {},
      observedAtMs: 0,
      latency: { totalMs: 1 },
    });
    expect(mapped).toMatchObject({
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      usage: { totalTokens: 7 },
      timeInfo: { created: 1761231233.5 },
    });
  });

  it('maps SDK-typed chunks and error chunks', () => {
    const accumulator = createChatStreamAccumulator({
      url: 'https://api.cerebras.ai/v1/chat/completions',
      headers: {},
      clock: () => 0,
      startedAt: performance.now(),
      redact: (text) => text,
    });
    const parser = createSseParser(accumulator.accept);
    parser.push(new TextEncoder().encode(`data: ${JSON.stringify(wireChunk)}\n\n`));
    accumulator.flush();
    expect(accumulator.events).toEqual([{ type: 'text-delta', text: 'hi' }]);
    expect(accumulator.finished).toBe(true);
    parser.push(new TextEncoder().encode(`data: ${JSON.stringify(wireError)}\n\n`));
    expect(accumulator.failure).toMatchObject({ status: 500, midStream: true });
  });
});
