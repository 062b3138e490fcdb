import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, send, sseData } from '../__fixtures__/wire-client.ts';
import { createMockCerebrasServer, type MockCerebrasServer } from './create-mock-cerebras-server.ts';

let server: MockCerebrasServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function chat(body: Record<string, unknown>): Promise<{ status: number; body: string }> {
  server ??= await createMockCerebrasServer({ seed: 6, streamChunkTokens: 2 });
  return send(`${server.url}/v1/chat/completions`, { body: chatBody(body) });
}

const tools = [
  {
    type: 'function',
    function: {
      name: 'set_power',
      parameters: {
        type: 'object',
        properties: { near: { type: 'number', minimum: 0, maximum: 1 }, label: { type: 'string', minLength: 20 } },
        required: ['near', 'label'],
        additionalProperties: false,
      },
    },
  },
  { type: 'function', function: { name: 'read_channel' } },
];

interface Chunk {
  choices: { delta: Record<string, unknown>; finish_reason?: string }[];
  usage?: Record<string, unknown>;
}
const chunksOf = (body: string): Chunk[] => sseData(body).map((data) => JSON.parse(data) as Chunk);

describe('tool calls and reasoning on the wire', () => {
  it('answers tool calls with null content, string arguments and finish_reason tool_calls', async () => {
    const json = JSON.parse((await chat({ tools, tool_choice: 'required' })).body);
    const choice = json.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    for (const call of choice.message.tool_calls) {
      expect(Object.keys(call)).toEqual(['id', 'type', 'function']);
      expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
      expect(typeof call.function.arguments).toBe('string');
      expect(JSON.parse(call.function.arguments)).toBeTypeOf('object');
    }
  });

  it('streams each call as a head chunk (index, id, type, name, empty arguments) and argument fragments', async () => {
    const body = { tools, tool_choice: 'required', parallel_tool_calls: true, seed: 4 };
    const whole = JSON.parse((await chat(body)).body).choices[0].message.tool_calls;
    const chunks = chunksOf((await chat({ ...body, stream: true })).body);
    const calls: { id: string; name: string; arguments: string }[] = [];
    for (const chunk of chunks.slice(1, -2)) {
      const [delta] = (chunk.choices[0]?.delta.tool_calls ?? []) as Record<string, unknown>[];
      const fn = delta?.function as { name?: string; arguments: string };
      if (delta?.id !== undefined) {
        expect(delta).toEqual({
          index: calls.length,
          id: delta.id,
          type: 'function',
          function: { name: fn.name, arguments: '' },
        });
        calls.push({ id: delta.id as string, name: fn.name as string, arguments: '' });
      } else {
        expect(Object.keys(delta ?? {})).toEqual(['index', 'function']);
        expect(Object.keys(fn)).toEqual(['arguments']);
        const call = calls[delta?.index as number];
        if (call) call.arguments += fn.arguments;
      }
    }
    expect(calls.length).toBe(2);
    expect(
      calls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      })),
    ).toEqual(whole);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('puts parsed reasoning in message.reasoning and delta.reasoning, before the content, with reasoning tokens', async () => {
    const body = { reasoning_effort: 'low', reasoning_format: 'parsed' };
    const json = JSON.parse((await chat(body)).body);
    const message = json.choices[0].message;
    expect(Object.keys(message)).toEqual(['role', 'content', 'reasoning']);
    expect(json.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    const chunks = chunksOf((await chat({ ...body, stream: true })).body);
    const deltas = chunks.slice(1, -2).map((chunk) => chunk.choices[0]?.delta ?? {});
    const firstContent = deltas.findIndex((delta) => 'content' in delta);
    expect(deltas.slice(0, firstContent).every((delta) => Object.keys(delta).join() === 'reasoning')).toBe(true);
    expect(deltas.slice(firstContent).every((delta) => Object.keys(delta).join() === 'content')).toBe(true);
    expect(deltas.map((delta) => delta.reasoning ?? '').join('')).toBe(message.reasoning);
    expect(deltas.map((delta) => delta.content ?? '').join('')).toBe(message.content);
    expect(chunks.at(-1)?.usage).toEqual(json.usage);
  });

  it('prepends raw reasoning to the content in <think> and leaves hidden reasoning out, billed', async () => {
    const raw = JSON.parse((await chat({ model: 'qwen-3.8-27b', reasoning_effort: 'low' })).body);
    expect(raw.choices[0].message.content).toMatch(/^<think>The user wrote "[^<]+<\/think>\n\nMock reply to "/);
    expect(raw.choices[0].message).not.toHaveProperty('reasoning');
    const chunks = chunksOf((await chat({ model: 'qwen-3.8-27b', reasoning_effort: 'low', stream: true })).body);
    const content = chunks.slice(1, -2).map((chunk) => chunk.choices[0]?.delta.content);
    expect(content[0]).toBe('<think>');
    expect(content).toContain('</think>\n\n');
    expect(content.join('')).toBe(raw.choices[0].message.content);
    const hidden = JSON.parse((await chat({ reasoning_effort: 'high', reasoning_format: 'hidden' })).body);
    expect(hidden.choices[0].message).toEqual({ role: 'assistant', content: expect.stringMatching(/^Mock reply/) });
    expect(hidden.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('refuses malformed tool and reasoning fields and an impossible tool_choice with a 400 and a string code', async () => {
    const invalid = await chat({
      reasoning_effort: 'max',
      reasoning_format: 'json',
      parallel_tool_calls: 'yes',
      tools: {},
    });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ param: 'validation_error', code: 'wrong_api_format' });
    expect(
      JSON.parse(invalid.body)
        .message.split('\n')
        .map((line: string) => line.split(':')[0]),
    ).toEqual(['tools', 'parallel_tool_calls', 'reasoning_effort', 'reasoning_format']);
    const orphan = await chat({ tool_choice: 'auto' });
    expect(orphan.status).toBe(400);
    expect(JSON.parse(orphan.body)).toMatchObject({
      type: 'invalid_request_error',
      param: 'tool_choice',
      code: 'wrong_api_format',
    });
  });
});
