import type { ChatRequest, ChatResponse, ChatStreamEvent, ToolDefinition, Transport } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { createTestHttpTransport } from '../__fixtures__/http-transport.ts';
import { FAULT_KINDS, type FaultRule } from '../faults/fault-rule.ts';
import { createMockTransport } from '../transport/create-mock-transport.ts';
import { createMockCerebrasServer } from './create-mock-cerebras-server.ts';

const kinds = FAULT_KINDS.filter((kind) => kind !== 'headers-timeout' && kind !== 'slow-headers');
const faults: FaultRule[] = kinds.flatMap((kind, position) => [
  { kind, at: [3 * position + 1] },
  { kind, at: [3 * position + 2] },
]);
const count = 3 * kinds.length + 3;

const tools: ToolDefinition[] = [
  {
    type: 'function',
    function: {
      name: 'set_power',
      parameters: {
        type: 'object',
        properties: { near: { type: 'number', minimum: 0, maximum: 1 }, order: { enum: ['near-first', 'far-first'] } },
        required: ['near', 'order'],
        additionalProperties: false,
      },
    },
  },
  { type: 'function', function: { name: 'read_channel', parameters: { type: 'object', properties: {} } } },
];

const formats = ['raw', 'parsed', 'hidden'] as const;

/** Plain requests, tool calls (auto, required, with and without parallel calls) and reasoning in every format. */
function request(index: number): ChatRequest {
  const plain: ChatRequest = {
    model: 'gpt-oss-120b',
    messages: [{ role: 'user', content: `Request ${index}: allocate power between the near and far vehicle.` }],
    maxCompletionTokens: 40 + index,
    temperature: (index % 3) / 2,
  };
  const rich = { ...plain, maxCompletionTokens: 30 + 12 * index };
  switch (index % 4) {
    case 1:
      return { ...rich, tools, toolChoice: index % 8 === 1 ? 'required' : 'auto', parallelToolCalls: index % 3 !== 0 };
    case 2:
      return { ...rich, model: 'qwen-3.8-27b', reasoningEffort: 'low', ...(index % 8 === 2 ? {} : { tools }) };
    case 3:
      return { ...rich, reasoningEffort: 'medium', reasoningFormat: formats[Math.floor(index / 4) % 3], tools };
    default:
      return plain;
  }
}

const project = (response: ChatResponse): unknown => ({
  id: response.id,
  model: response.model,
  text: response.text,
  reasoning: response.reasoning,
  finishReason: response.finishReason,
  toolCalls: response.toolCalls,
  usage: [
    response.usage?.promptTokens,
    response.usage?.completionTokens,
    response.usage?.totalTokens,
    response.usage?.reasoningTokens,
  ],
  serverRequestId: response.serverRequestId,
});

const failure = (error: unknown): unknown => {
  const { name, code, status, retryable, kind, midStream, deliveredContent, errorCode } = error as Record<
    string,
    unknown
  >;
  return { failed: { name, code, status, retryable, kind, midStream, deliveredContent, errorCode } };
};

/** Alternates whole and streamed calls; returns what the caller saw, reduced to the transport-independent part. */
async function observe(transport: Transport): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index % 2 === 0) {
      seen.push(await transport.complete(request(index)).then(project, failure));
      continue;
    }
    const deltas: ChatStreamEvent[] = [];
    try {
      let finish: ChatStreamEvent | undefined;
      for await (const event of transport.stream(request(index)))
        if (event.type === 'finish') finish = event;
        else deltas.push(event);
      seen.push({ deltas, finish: finish?.type === 'finish' ? project(finish.response) : undefined });
    } catch (error) {
      seen.push({ deltas, ...(failure(error) as object) });
    }
  }
  return seen;
}

describe('server and in-process mock parity', () => {
  it('give the same replies, stream pieces and typed failures for the same options and requests', async () => {
    // Tool calls, every reasoning format and token bounds that cut reasoning, text or calls are among the requests.
    const options = { seed: 13, faults, streamChunkTokens: 3 };
    const server = await createMockCerebrasServer(options);
    const overHttp = createTestHttpTransport({ baseUrl: server.url });
    try {
      const wire = await observe(overHttp);
      const local = await observe(createMockTransport({ ...options, models: ['gpt-oss-120b', 'qwen-3.8-27b'] }));
      expect(local).toEqual(wire);
      type Seen = { finishReason?: string; finish?: { finishReason: string } };
      const finished = wire.map((entry) => ((entry as Seen).finish ?? (entry as Seen)).finishReason);
      expect(new Set(finished)).toEqual(new Set([undefined, 'stop', 'length', 'tool_calls']));
      const failedKinds = new Set(wire.map((entry) => (entry as { failed?: { name: string } }).failed?.name));
      expect(failedKinds).toEqual(
        new Set([
          undefined,
          'RateLimitError',
          'TransportHttpError',
          'AuthenticationError',
          'NotFoundError',
          'TransportNetworkError',
          'TruncatedStreamError',
          'InvalidResponseError',
        ]),
      );
    } finally {
      await overHttp.close();
      await server.close();
    }
  });
});
