import Cerebras from '@cerebras/cerebras_cloud_sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockCerebrasServer, type MockCerebrasServer } from './create-mock-cerebras-server.ts';
import type { MockCerebrasServerOptions } from './server-options.ts';

let server: MockCerebrasServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const apiKey = 'csk-contract-test';
const messages = [{ role: 'user' as const, content: 'Which vehicle decodes first under NOMA?' }];

async function client(options: MockCerebrasServerOptions = {}, key = apiKey): Promise<Cerebras> {
  server = await createMockCerebrasServer({ apiKey, ...options });
  return new Cerebras({ apiKey: key, baseURL: server.url, maxRetries: 0 });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('the call succeeded');
    },
    (error: unknown) => error,
  );
}

describe('the official @cerebras/cerebras_cloud_sdk against the mock server', () => {
  it('completes a non-streaming chat', async () => {
    const sdk = await client({ seed: 2 });
    const completion = (await sdk.chat.completions.create({
      model: 'gpt-oss-120b',
      messages,
      max_completion_tokens: 128,
    })) as Cerebras.ChatCompletion.ChatCompletionResponse;
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toMatch(/^Mock reply to "Which vehicle decodes first under NOMA\?"/);
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    expect(completion.time_info?.total_time).toBeGreaterThan(0);
  });

  it('streams a chat, usage and time_info on the finish chunk', async () => {
    const sdk = await client();
    const stream = await sdk.chat.completions.create({ model: 'qwen-3.8-27b', messages, stream: true });
    let text = '';
    let finish: unknown;
    for await (const chunk of stream as AsyncIterable<Cerebras.ChatCompletion.ChatChunkResponse>) {
      const choice = chunk.choices?.[0];
      text += choice?.delta?.content ?? '';
      if (choice?.finish_reason) finish = chunk;
    }
    expect(text).toMatch(/^Mock reply to/);
    expect(finish).toMatchObject({
      choices: [{ finish_reason: 'stop' }],
      usage: { completion_tokens: expect.any(Number) },
    });
    expect(finish).toHaveProperty('time_info.total_time');
  });

  it('sees tool calls, whole and streamed, and answers a tool result', async () => {
    const sdk = await client({ seed: 3 });
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'pick_order',
          parameters: {
            type: 'object',
            properties: { first: { type: 'string', enum: ['near', 'far'] } },
            required: ['first'],
            additionalProperties: false,
          },
        },
      },
    ];
    const request = { model: 'gpt-oss-120b', messages, tools, tool_choice: 'required' as const };
    const completion = (await sdk.chat.completions.create(request)) as Cerebras.ChatCompletion.ChatCompletionResponse;
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    const [call] = choice?.message.tool_calls ?? [];
    expect(call).toMatchObject({
      id: expect.stringMatching(/^call_/),
      type: 'function',
      function: { name: 'pick_order' },
    });
    expect(['near', 'far']).toContain(JSON.parse(call?.function.arguments ?? '{}').first);
    const stream = await sdk.chat.completions.create({ ...request, stream: true });
    const streamed = { id: '', name: '', arguments: '' };
    let finishReason: unknown;
    for await (const chunk of stream as AsyncIterable<Cerebras.ChatCompletion.ChatChunkResponse>) {
      for (const part of chunk.choices?.[0]?.delta?.tool_calls ?? []) {
        streamed.id += part.id ?? '';
        streamed.name += part.function.name ?? '';
        streamed.arguments += part.function.arguments ?? '';
      }
      finishReason = chunk.choices?.[0]?.finish_reason ?? finishReason;
    }
    expect(streamed).toEqual({ id: call?.id, name: call?.function.name, arguments: call?.function.arguments });
    expect(finishReason).toBe('tool_calls');
    const answer = (await sdk.chat.completions.create({
      model: 'gpt-oss-120b',
      tools,
      messages: [
        ...messages,
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: call?.id ?? '', type: 'function', function: { name: 'pick_order', arguments: '{}' } }],
        },
        { role: 'tool', content: '{"ok":true}', tool_call_id: call?.id ?? '' },
      ],
    })) as Cerebras.ChatCompletion.ChatCompletionResponse;
    expect(answer.choices[0]?.finish_reason).toBe('stop');
    expect(answer.choices[0]?.message.content).toMatch(/^Mock reply to/);
  });

  it('sees parsed reasoning in message.reasoning and delta.reasoning, and its reasoning tokens', async () => {
    const sdk = await client({ seed: 3 });
    const request = {
      model: 'gpt-oss-120b',
      messages,
      reasoning_effort: 'low' as const,
      reasoning_format: 'parsed' as const,
    };
    const completion = (await sdk.chat.completions.create(request)) as Cerebras.ChatCompletion.ChatCompletionResponse;
    const reasoning = completion.choices[0]?.message.reasoning ?? '';
    expect(reasoning).toMatch(/^The user wrote "Which vehicle/);
    expect(completion.choices[0]?.message.content).toMatch(/^Mock reply to/);
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(Math.ceil(reasoning.length / 4));
    const stream = await sdk.chat.completions.create({ ...request, stream: true });
    let streamed = '';
    let text = '';
    for await (const chunk of stream as AsyncIterable<Cerebras.ChatCompletion.ChatChunkResponse>) {
      const delta = chunk.choices?.[0]?.delta;
      if (delta?.reasoning) expect(text).toBe('');
      streamed += delta?.reasoning ?? '';
      text += delta?.content ?? '';
    }
    expect(streamed).toBe(reasoning);
    expect(text).toBe(completion.choices[0]?.message.content);
  });

  it('lists models', async () => {
    const sdk = await client();
    const models = await sdk.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['gpt-oss-120b', 'qwen-3.8-27b']);
  });

  it('raises AuthenticationError for 401 and PermissionDeniedError for 403', async () => {
    const wrong = await client({}, 'csk-wrong');
    const error = await failure(wrong.chat.completions.create({ model: 'gpt-oss-120b', messages }));
    expect(error).toBeInstanceOf(Cerebras.AuthenticationError);
    expect(error).toMatchObject({ status: 401 });
    await server?.close();
    const forbidden = await client({ faults: [{ kind: 'forbidden' }] });
    const denied = await failure(forbidden.chat.completions.create({ model: 'gpt-oss-120b', messages }));
    expect(denied).toBeInstanceOf(Cerebras.PermissionDeniedError);
  });

  it('raises NotFoundError for the retired qwen-3-32b', async () => {
    const sdk = await client();
    const error = await failure(sdk.chat.completions.create({ model: 'qwen-3-32b', messages }));
    expect(error).toBeInstanceOf(Cerebras.NotFoundError);
    expect(error).toMatchObject({ status: 404, error: { code: 'model_not_found' } });
  });

  it('raises RateLimitError for each kind of 429, with the rate-limit headers', async () => {
    const sdk = await client({
      faults: [
        { kind: 'rate-limit-requests', at: [0] },
        { kind: 'rate-limit-tokens', at: [1] },
        { kind: 'rate-limit-queue', at: [2] },
      ],
    });
    for (const code of ['request_quota_exceeded', 'token_quota_exceeded', 'queue_exceeded']) {
      const error = await failure(sdk.chat.completions.create({ model: 'gpt-oss-120b', messages }));
      expect(error).toBeInstanceOf(Cerebras.RateLimitError);
      expect(error).toMatchObject({ status: 429, error: { code } });
      expect((error as InstanceType<typeof Cerebras.RateLimitError>).headers?.['x-ratelimit-limit-tokens-minute']).toBe(
        '60000',
      );
    }
  });

  it('raises InternalServerError for 503 and 500, and BadRequestError with the message for a validation failure', async () => {
    const sdk = await client({
      faults: [
        { kind: 'service-unavailable', at: [0] },
        { kind: 'server-error', at: [1] },
      ],
    });
    const unavailable = await failure(sdk.chat.completions.create({ model: 'gpt-oss-120b', messages }));
    expect(unavailable).toBeInstanceOf(Cerebras.InternalServerError);
    expect(unavailable).toMatchObject({ status: 503 });
    const broken = await failure(sdk.chat.completions.create({ model: 'gpt-oss-120b', messages }));
    expect(broken).toMatchObject({ status: 500 });
    const invalid = await failure(sdk.chat.completions.create({ model: 'gpt-oss-120b', messages: [] }));
    expect(invalid).toBeInstanceOf(Cerebras.BadRequestError);
    expect((invalid as Error).message).toContain('messages: List should have at least 1 item');
  });

  it('surfaces a mid-stream error event as the SDK does (an APIConnectionError, status lost)', async () => {
    const sdk = await client({ faults: [{ kind: 'stream-error-event' }] });
    const stream = await sdk.chat.completions.create({ model: 'gpt-oss-120b', messages, stream: true });
    const error = await failure(
      (async () => {
        for await (const _chunk of stream as AsyncIterable<unknown>);
      })(),
    );
    expect(error).toBeInstanceOf(Cerebras.APIConnectionError);
  });
});
