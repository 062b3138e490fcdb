import { type ChatMessage, InvalidRequestError, type ToolDefinition } from '@acpt/config';
import type { MockResponder, MockResponderOutput } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackAdapter, startLoopbackAdapter } from '../__fixtures__/loopback-adapter.ts';
import type { AdapterStreamEvent } from '../adapter-types.ts';

const started: LoopbackAdapter[] = [];
afterEach(async () => {
  for (const loopback of started.splice(0)) await loopback.close();
});

async function loopback(responder?: MockResponder<MockResponderOutput>): Promise<LoopbackAdapter> {
  const server = await startLoopbackAdapter(responder === undefined ? {} : { responder });
  started.push(server);
  return server;
}

const setPhase: ToolDefinition = {
  type: 'function',
  function: {
    name: 'set_phase',
    description: 'Set the RIS phase bits',
    parameters: {
      type: 'object',
      properties: { bits: { type: 'array', items: { type: 'integer' } } },
      required: ['bits'],
      additionalProperties: false,
    },
  },
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('tools per call (real transport, mock server)', () => {
  it('sends the tools, returns the calls, and accepts the tool results in the next turn', async () => {
    const { adapter } = await loopback();
    const ask: ChatMessage[] = [{ role: 'user', content: 'Steer the surface to vehicle 3.' }];
    const first = await adapter.generate(ask, { tools: [setPhase], toolChoice: 'required' });
    expect(first.finishReason).toBe('tool_calls');
    const call = first.toolCalls?.[0];
    expect(call?.function.name).toBe('set_phase');
    expect(JSON.parse(call?.function.arguments ?? '')).toHaveProperty('bits');
    const next: ChatMessage[] = [
      ...ask,
      { role: 'assistant', content: null, toolCalls: first.toolCalls ?? [] },
      ...(first.toolCalls ?? []).map((toolCall) => ({
        role: 'tool' as const,
        content: '{"ok":true}',
        toolCallId: toolCall.id,
      })),
    ];
    const answer = await adapter.generate(next, { tools: [setPhase] });
    expect(answer.finishReason).toBe('stop');
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('streams tool-call argument deltas and one tool-call per call before finish', async () => {
    const { adapter } = await loopback();
    const events: AdapterStreamEvent[] = [];
    for await (const event of adapter.stream('Steer to vehicle 3.', { tools: [setPhase], toolChoice: 'required' }))
      events.push(event);
    const finish = events.at(-1);
    if (finish?.type !== 'finish') throw new Error('no finish');
    const calls = finish.response.toolCalls ?? [];
    expect(calls.length).toBeGreaterThan(0);
    const streamed = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event.argumentsDelta] : []));
    expect(streamed.join('')).toBe(calls.map((call) => call.function.arguments).join(''));
    expect(events.filter((event) => event.type === 'tool-call').map((event) => event.type)).toHaveLength(calls.length);
  });

  it('refuses invalid tools and tool choices before sending anything, naming each problem', async () => {
    const { adapter, requestCount } = await loopback();
    const bad: ToolDefinition = { type: 'function', function: { name: 'set-phase' } };
    const error = await rejection(
      adapter.generate('hi', {
        tools: [bad, setPhase, setPhase],
        toolChoice: { type: 'function', function: { name: 'missing' } },
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).issues.map((issue) => issue.path)).toEqual([
      'tools[0].function.name',
      'tools[2].function.name',
      'toolChoice.function.name',
    ]);
    const orphan = await rejection(adapter.generate('hi', { toolChoice: 'required' }));
    expect((orphan as InvalidRequestError).issues).toMatchObject([{ path: 'toolChoice' }]);
    expect(requestCount()).toBe(0);
  });
});

describe('provider options per call (real transport, mock server)', () => {
  it('sends the typed Cerebras parameters on the wire', async () => {
    const echo: MockResponder<MockResponderOutput> = (request) =>
      JSON.stringify({
        topP: request.topP,
        stopCount: request.stop?.length, // the mock honours stop sequences, so the echo names none
        frequencyPenalty: request.frequencyPenalty,
        presencePenalty: request.presencePenalty,
        logprobs: request.logprobs,
        topLogprobs: request.topLogprobs,
        serviceTier: request.serviceTier,
        prediction: request.prediction,
        promptCacheKey: request.promptCacheKey,
        reasoningEffort: request.reasoningEffort,
        parallelToolCalls: request.parallelToolCalls,
      });
    const { adapter } = await loopback(echo);
    const providerOptions = {
      topP: 0.9,
      stop: ['END'],
      frequencyPenalty: 0.5,
      presencePenalty: -0.5,
      logprobs: true,
      topLogprobs: 2,
      serviceTier: 'flex',
      prediction: { type: 'content', content: 'Hello' },
      promptCacheKey: 'ris-agent',
      reasoningEffort: 'low',
      parallelToolCalls: false,
    } as const;
    const response = await adapter.generate('Echo the parameters.', { providerOptions });
    const { stop, ...rest } = providerOptions;
    expect(JSON.parse(response.text)).toEqual({ ...rest, stopCount: stop.length });
  });

  it('refuses out-of-range values, unknown names and passthrough keys the adapter owns', async () => {
    const { adapter, requestCount } = await loopback();
    const error = await rejection(
      adapter.generate('hi', {
        providerOptions: {
          topP: 2,
          topLogprobs: 3,
          stop: ['a', 'b', 'c', 'd', 'e'],
          serviceTier: 'fast' as 'flex',
          ...({ temprature: 0.2 } as object),
          extraBody: JSON.parse('{"messages":[],"queue_threshold":500}'),
        },
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).issues.map((issue) => issue.path)).toEqual([
      'providerOptions.temprature',
      'providerOptions.topP',
      'providerOptions.topLogprobs',
      'providerOptions.stop',
      'providerOptions.serviceTier',
      'providerOptions.extraBody.messages',
    ]);
    expect((error as Error).message).toContain('needs logprobs: true');
    expect(requestCount()).toBe(0);
  });

  it('passes new wire parameters through extraBody', async () => {
    const { adapter } = await loopback();
    const response = await adapter.generate('hi', { providerOptions: { extraBody: { queue_threshold: 500 } } });
    expect(response.provider).toBe('cerebras');
  });
});
