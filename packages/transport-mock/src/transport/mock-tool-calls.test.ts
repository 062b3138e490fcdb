import { type ChatRequest, estimateTextTokens, type ToolCall, type ToolDefinition } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectEvents } from '../__fixtures__/collect-events.ts';
import { expectValid, objectSchemaArbitrary } from '../__fixtures__/schema-arbitrary.ts';
import type { MockResponder, MockResponderOutput } from '../responder/mock-responder.ts';
import { createMockTransport } from './create-mock-transport.ts';

const setPhase: ToolDefinition = {
  type: 'function',
  function: {
    name: 'set_phase',
    description: 'Sets the RIS phase bits for one vehicle.',
    parameters: {
      type: 'object',
      properties: {
        vehicle: { type: 'integer', minimum: 0, maximum: 7 },
        bits: { type: 'array', minItems: 4, maxItems: 4, items: { enum: [0, 1, 2, 3] } },
      },
      required: ['vehicle', 'bits'],
      additionalProperties: false,
    },
  },
};
const readChannel: ToolDefinition = { type: 'function', function: { name: 'read_channel' } };
const ask: ChatRequest = {
  model: 'gpt-oss-120b',
  messages: [{ role: 'user', content: 'Steer the surface towards vehicle 3.' }],
  tools: [setPhase, readChannel],
};

const callTokens = (calls: readonly ToolCall[]): number =>
  calls.reduce(
    (sum, call) => sum + estimateTextTokens(call.function.name) + estimateTextTokens(call.function.arguments),
    0,
  );

describe('tool calls of the in-process mock', () => {
  it('calls offered tools with schema-satisfying arguments, OpenAI-style ids and finish reason tool_calls', async () => {
    const response = await createMockTransport({ seed: 2 }).complete({ ...ask, parallelToolCalls: false });
    expect(response).toMatchObject({ text: '', finishReason: 'tool_calls' });
    expect(response.toolCalls).toHaveLength(1);
    const [call] = response.toolCalls as ToolCall[];
    expect(call?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(call?.type).toBe('function');
    const tool = [setPhase, readChannel].find((offered) => offered.function.name === call?.function.name);
    expectValid(
      tool?.function.parameters ?? { type: 'object', maxProperties: 0 },
      JSON.parse(call?.function.arguments ?? ''),
    );
    expect(response.usage?.completionTokens).toBe(callTokens(response.toolCalls ?? []));
    expect(response.reasoning).toBeUndefined();
  });

  it('generates arguments that validate against any tool parameters schema (property, ajv)', async () => {
    const transport = createMockTransport({ seed: 11 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(objectSchemaArbitrary, { minLength: 1, maxLength: 4 }),
        fc.string(),
        async (schemas, text) => {
          const tools: ToolDefinition[] = schemas.map((parameters, index) => ({
            type: 'function',
            function: { name: `tool_${index}`, parameters },
          }));
          const response = await transport.complete({ messages: [{ role: 'user', content: text }], tools });
          expect(response.finishReason).toBe('tool_calls');
          const calls = response.toolCalls ?? [];
          expect(calls.length).toBeGreaterThanOrEqual(1);
          expect(new Set(calls.map((call) => call.id)).size).toBe(calls.length);
          for (const call of calls) {
            const index = Number(call.function.name.slice('tool_'.length));
            expectValid(schemas[index] as Record<string, unknown>, JSON.parse(call.function.arguments));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers the tool result in text under auto, and calls again under required', async () => {
    const transport = createMockTransport({ seed: 2 });
    const first = await transport.complete(ask);
    const followUp: ChatRequest = {
      ...ask,
      messages: [
        ...ask.messages,
        { role: 'assistant', content: null, toolCalls: first.toolCalls },
        ...(first.toolCalls ?? []).map((call) => ({
          role: 'tool' as const,
          content: '{"ok":true}',
          toolCallId: call.id,
        })),
      ],
    };
    const answer = await transport.complete(followUp);
    expect(answer).toMatchObject({ finishReason: 'stop', text: expect.stringMatching(/^Mock reply to "Steer/) });
    expect(answer.toolCalls).toBeUndefined();
    const again = await transport.complete({ ...followUp, toolChoice: 'required' });
    expect(again.finishReason).toBe('tool_calls');
    expect(again.toolCalls?.[0]?.id).not.toBe(first.toolCalls?.[0]?.id);
    const named = await transport.complete({
      ...ask,
      toolChoice: { type: 'function', function: { name: 'read_channel' } },
    });
    expect(named.toolCalls?.map((call) => call.function)).toEqual([{ name: 'read_channel', arguments: '{}' }]);
    expect((await transport.complete({ ...ask, toolChoice: 'none' })).toolCalls).toBeUndefined();
  });

  it('streams tool-call argument deltas, then one tool-call per call, then the finish event of the whole response', async () => {
    const transport = createMockTransport({ seed: 5, streamChunkTokens: 2 });
    const whole = await transport.complete(ask);
    const events = await collectEvents(transport.stream(ask));
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && { ...finish.response, latency: whole.latency }).toEqual(whole);
    const calls = whole.toolCalls ?? [];
    expect(calls.length).toBeGreaterThan(0);
    const toolCallEvents = events.filter((event) => event.type === 'tool-call');
    expect(toolCallEvents).toEqual(calls.map((toolCall, index) => ({ type: 'tool-call', index, toolCall })));
    const deltas = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event] : []));
    calls.forEach((call, index) => {
      const own = deltas.filter((delta) => delta.index === index);
      expect(own.map((delta) => delta.argumentsDelta).join('')).toBe(call.function.arguments);
      expect(own.every((delta) => delta.id === call.id && delta.name === call.function.name)).toBe(true);
    });
    const lastDelta = events.findLastIndex((event) => event.type === 'tool-call-delta');
    const firstCall = events.findIndex((event) => event.type === 'tool-call');
    expect(lastDelta).toBeLessThan(firstCall);
  });

  it('drops the calls that do not fit maxCompletionTokens and finishes with length', async () => {
    const transport = createMockTransport({ seed: 5 });
    const full = await transport.complete(ask);
    const needed = full.usage?.completionTokens ?? 0;
    const cut = await transport.complete({ ...ask, maxCompletionTokens: needed - 1 });
    expect(cut.finishReason).toBe('length');
    expect(cut.usage?.completionTokens).toBe(callTokens(cut.toolCalls ?? []));
    expect(cut.usage?.completionTokens).toBeLessThan(needed);
  });

  it('takes a responder’s explicit tool calls, text and ids as they are', async () => {
    const responder: MockResponder<MockResponderOutput> = (request) =>
      request.messages.at(-1)?.role === 'tool'
        ? { text: 'Done.' }
        : {
            text: 'Calling.',
            toolCalls: [
              { name: 'set_phase', arguments: { vehicle: 3 } },
              { id: 'call_x', name: 'nope' },
            ],
          };
    const transport = createMockTransport({ responder });
    const response = await transport.complete({ ...ask, toolChoice: 'none' });
    expect(response).toMatchObject({ text: 'Calling.', finishReason: 'tool_calls' });
    expect(response.toolCalls?.map((call) => [call.id.startsWith('call_'), call.function])).toEqual([
      [true, { name: 'set_phase', arguments: '{"vehicle":3}' }],
      [true, { name: 'nope', arguments: '{}' }],
    ]);
    expect(response.toolCalls?.[1]?.id).toBe('call_x');
    const text = await transport.complete({
      ...ask,
      toolChoice: 'required',
      messages: [
        ...ask.messages,
        { role: 'assistant', content: response.text, toolCalls: response.toolCalls ?? [] },
        ...(response.toolCalls ?? []).map((call) => ({ role: 'tool' as const, content: 'ok', toolCallId: call.id })),
      ],
    });
    expect(text).toMatchObject({ text: 'Done.', finishReason: 'stop' });
  });

  it('rejects tool_choice without tools or naming an unknown function with a 400, malformed fields with a 400 wrong_api_format', async () => {
    const transport = createMockTransport();
    const rejection = (request: ChatRequest): Promise<unknown> =>
      transport.complete(request).catch((caught: unknown) => caught);
    expect(await rejection({ messages: ask.messages, toolChoice: 'required' })).toMatchObject({
      status: 400,
      retryable: false,
      message: expect.stringContaining("'tool_choice' is only allowed when 'tools' are specified"),
    });
    expect(await rejection({ ...ask, toolChoice: { type: 'function', function: { name: 'fly' } } })).toMatchObject({
      status: 400,
      message: expect.stringContaining("no function named 'fly'"),
    });
    const malformed = {
      ...ask,
      tools: [{ type: 'function', function: {} }],
      toolChoice: 'always',
    } as unknown as ChatRequest;
    const error = (await rejection(malformed)) as Error & { status: number };
    expect(error.status).toBe(400);
    expect(error.message).toContain("Input should be 'none', 'auto' or 'required'");
    expect(error.message).toContain('Field required');
  });
});
