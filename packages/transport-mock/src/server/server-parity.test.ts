import type { ChatRequest, ChatResponse, ChatStreamEvent, Transport } from '@acpt/config';
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

function request(index: number): ChatRequest {
  return {
    model: 'gpt-oss-120b',
    messages: [{ role: 'user', content: `Request ${index}: allocate power between the near and far vehicle.` }],
    maxCompletionTokens: 40 + index,
    temperature: (index % 3) / 2,
  };
}

const project = (response: ChatResponse): unknown => ({
  id: response.id,
  model: response.model,
  text: response.text,
  finishReason: response.finishReason,
  usage: [response.usage?.promptTokens, response.usage?.completionTokens, response.usage?.totalTokens],
  requestId: response.requestId,
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
    const deltas: string[] = [];
    try {
      let finish: ChatStreamEvent | undefined;
      for await (const event of transport.stream(request(index)))
        if (event.type === 'text-delta') deltas.push(event.text);
        else finish = event;
      seen.push({ deltas, finish: finish?.type === 'finish' ? project(finish.response) : undefined });
    } catch (error) {
      seen.push({ deltas, ...(failure(error) as object) });
    }
  }
  return seen;
}

describe('server and in-process mock parity', () => {
  it('give the same replies, stream pieces and typed failures for the same options and requests', async () => {
    const options = { seed: 13, faults, streamChunkTokens: 3 };
    const server = await createMockCerebrasServer(options);
    const overHttp = createTestHttpTransport({ baseUrl: server.url });
    try {
      const wire = await observe(overHttp);
      const local = await observe(createMockTransport({ ...options, models: ['gpt-oss-120b', 'qwen-3.8-27b'] }));
      expect(local).toEqual(wire);
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
