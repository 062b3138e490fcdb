import type { ChatRequest, ChatResponse, ChatStreamEvent, ToolDefinition } from '@acpt/config';
import { createMockCerebrasServer, createMockTransport } from '@acpt/transport-mock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDeltas } from './__fixtures__/merge-deltas.ts';
import { testConfig } from './__fixtures__/test-config.ts';
import { createCerebrasTransport } from './create-cerebras-transport.ts';

/** A response without what differs by path (measured latency, provider, the server's rate-limit headers). */
function comparable(response: ChatResponse): unknown {
  const { latency: _latency, provider: _provider, rateLimit: _rateLimit, ...rest } = response;
  return rest;
}

async function comparableEvents(events: AsyncIterable<ChatStreamEvent>, merge = false): Promise<unknown[]> {
  const all: ChatStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return (merge ? mergeDeltas(all) : all).map((event) =>
    event.type === 'finish' ? { finish: comparable(event.response) } : event,
  );
}

const bits = { type: 'array', items: { type: 'integer', enum: [0, 1, 2, 3] } };
const tools: ToolDefinition[] = [
  {
    type: 'function',
    function: { name: 'set_phase', parameters: { type: 'object', properties: { bits }, required: ['bits'] } },
  },
  {
    type: 'function',
    function: {
      name: 'read_channel',
      parameters: {
        type: 'object',
        properties: { car: { type: 'integer' }, note: { type: 'string', minLength: 30 } },
        required: ['car', 'note'],
      },
    },
  },
  { type: 'function', function: { name: 'noop' } },
];

const afterToolResult: ChatRequest['messages'] = [
  { role: 'user', content: 'Pick bits.' },
  {
    role: 'assistant',
    content: null,
    toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'noop', arguments: '{}' } }],
  },
  { role: 'tool', content: 'ok', toolCallId: 'call_1' },
];

const richRequest: fc.Arbitrary<ChatRequest> = fc.record(
  {
    model: fc.constantFrom('gpt-oss-120b', 'qwen-3.8-27b'),
    messages: fc.constantFrom<ChatRequest['messages']>([{ role: 'user', content: 'Pick bits.' }], afterToolResult),
    maxCompletionTokens: fc.constantFrom(256, 5, 30, 60),
    tools: fc.constant(tools),
    toolChoice: fc.constantFrom<NonNullable<ChatRequest['toolChoice']>>('auto', 'required', 'none', {
      type: 'function',
      function: { name: 'read_channel' },
    }),
    parallelToolCalls: fc.boolean(),
    reasoningEffort: fc.constantFrom<NonNullable<ChatRequest['reasoningEffort']>>('none', 'low', 'high'),
    reasoningFormat: fc.constantFrom<NonNullable<ChatRequest['reasoningFormat']>>(
      'none',
      'parsed',
      'text_parsed',
      'raw',
      'hidden',
    ),
    responseFormat: fc.constant({ type: 'json_object' as const }),
  },
  { requiredKeys: ['model', 'messages', 'maxCompletionTokens'] },
);

describe('the real transport against the mock server, on tool calls and reasoning', () => {
  it('parses exactly what the in-process mock produces, whole and streamed (property)', async () => {
    const server = await createMockCerebrasServer({ seed: 4, streamChunkTokens: 3 });
    const live = createCerebrasTransport({ config: testConfig({ baseUrl: server.url, maxCompletionTokens: 256 }) });
    const local = createMockTransport({ seed: 4, streamChunkTokens: 3 });
    const seen = new Set<string>();
    try {
      await fc.assert(
        fc.asyncProperty(richRequest, async (request) => {
          // Both paths answer a tool_choice without tools with the same 400; that is tested with the mock server.
          fc.pre(request.toolChoice === undefined || request.tools !== undefined);
          const [overHttp, inProcess] = await Promise.all([live.complete(request), local.complete(request)]);
          expect(comparable(overHttp)).toEqual(comparable(inProcess));
          seen.add(`${overHttp.finishReason}, ${overHttp.toolCalls === undefined ? 'no tool calls' : 'tool calls'}`);
          if (overHttp.reasoning !== undefined) seen.add('reasoning');
          // Per token, the wire deltas one for one; coalesced, the same once adjacent deltas of a kind are folded.
          const perToken = await comparableEvents(live.stream(request, { deltas: 'per-token' }));
          expect(perToken).toEqual(await comparableEvents(local.stream(request)));
          const coalesced = await comparableEvents(live.stream(request), true);
          expect(coalesced).toEqual(await comparableEvents(local.stream(request), true));
        }),
        { numRuns: 120, seed: 20261126 },
      );
    } finally {
      await live.close();
      await server.close();
    }
    // Not vacuous: the runs covered tool calls, plain replies, truncation and parsed reasoning.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['length, no tool calls', 'reasoning', 'stop, no tool calls', 'tool_calls, tool calls']),
    );
  });
});
