import { type ChatRequest, InvalidRequestError } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChatBody } from './build-chat-body.ts';

const defaults = { model: 'gpt-oss-120b', maxCompletionTokens: 256 };

/** The reference mapping, written with a plain object and `JSON.stringify`. */
function referenceBody(request: ChatRequest, stream: boolean): unknown {
  const format = request.responseFormat;
  const body: Record<string, unknown> = {
    model: request.model ?? defaults.model,
    max_completion_tokens: request.maxCompletionTokens ?? defaults.maxCompletionTokens,
    temperature: request.temperature,
    top_p: request.topP,
    seed: request.seed,
    stop: request.stop,
    response_format:
      format === undefined
        ? undefined
        : format.type === 'json_schema'
          ? { type: 'json_schema', json_schema: format.jsonSchema }
          : { type: format.type },
    tools: request.tools,
    tool_choice: request.toolChoice,
    parallel_tool_calls: request.parallelToolCalls,
    reasoning_effort: request.reasoningEffort,
    reasoning_format: request.reasoningFormat,
    user: request.user,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    messages: request.messages.map((message) => ({
      role: message.role,
      content: message.content,
      name: message.name,
      tool_calls: message.toolCalls?.length ? message.toolCalls : undefined,
      tool_call_id: message.toolCallId,
    })),
  };
  return JSON.parse(JSON.stringify(body));
}

describe('buildChatBody', () => {
  it('maps every field of the contract to its wire name', () => {
    const request: ChatRequest = {
      model: 'qwen-3.8-27b',
      maxCompletionTokens: 512,
      temperature: 0.6,
      topP: 0.95,
      seed: 7,
      stop: ['END'],
      responseFormat: { type: 'json_schema', jsonSchema: { name: 'bits', schema: { type: 'object' }, strict: true } },
      tools: [{ type: 'function', function: { name: 'set_phase', parameters: { type: 'object' } } }],
      toolChoice: { type: 'function', function: { name: 'set_phase' } },
      parallelToolCalls: false,
      reasoningEffort: 'none',
      reasoningFormat: 'parsed',
      user: 'agent-1',
      messages: [
        { role: 'system', content: 'Reply with JSON.' },
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'set_phase', arguments: '{"bits":2}' } }],
        },
        { role: 'tool', content: 'ok', toolCallId: 'call_1', name: 'set_phase' },
      ],
    };
    expect(JSON.parse(buildChatBody(request, defaults, true))).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 512,
        "messages": [
          {
            "content": "Reply with JSON.",
            "role": "system",
          },
          {
            "content": null,
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"bits":2}",
                  "name": "set_phase",
                },
                "id": "call_1",
                "type": "function",
              },
            ],
          },
          {
            "content": "ok",
            "name": "set_phase",
            "role": "tool",
            "tool_call_id": "call_1",
          },
        ],
        "model": "qwen-3.8-27b",
        "parallel_tool_calls": false,
        "reasoning_effort": "none",
        "reasoning_format": "parsed",
        "response_format": {
          "json_schema": {
            "name": "bits",
            "schema": {
              "type": "object",
            },
            "strict": true,
          },
          "type": "json_schema",
        },
        "seed": 7,
        "stop": [
          "END",
        ],
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "temperature": 0.6,
        "tool_choice": {
          "function": {
            "name": "set_phase",
          },
          "type": "function",
        },
        "tools": [
          {
            "function": {
              "name": "set_phase",
              "parameters": {
                "type": "object",
              },
            },
            "type": "function",
          },
        ],
        "top_p": 0.95,
        "user": "agent-1",
      }
    `);
  });

  it('always sends max_completion_tokens, from the configuration when the request sets none', () => {
    expect(buildChatBody({ messages: [{ role: 'user', content: 'Hi' }] }, defaults, false)).toBe(
      '{"model":"gpt-oss-120b","max_completion_tokens":256,"messages":[{"role":"user","content":"Hi"}]}',
    );
  });

  it('equals the reference mapping for arbitrary requests (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', 'é', '😀', '\u2028', '<') });
    const message = fc.record(
      {
        role: fc.constantFrom('system', 'developer', 'user', 'assistant', 'tool' as const),
        content: fc.option(text, { nil: null }),
        name: text,
        toolCallId: text,
        toolCalls: fc.array(
          fc.record({
            id: text,
            type: fc.constant('function' as const),
            function: fc.record({ name: text, arguments: text }),
          }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ['role', 'content'] },
    );
    const request = fc.record(
      {
        model: text,
        messages: fc.array(message, { minLength: 1, maxLength: 4 }),
        maxCompletionTokens: fc.integer({ min: -1, max: 40_960 }),
        temperature: fc.double({ min: 0, max: 1.5, noNaN: true }),
        topP: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer(),
        stop: fc.oneof(text, fc.array(text, { maxLength: 4 })),
        responseFormat: fc.constantFrom(
          { type: 'text' as const },
          { type: 'json_object' as const },
          { type: 'json_schema' as const, jsonSchema: { name: 'n', schema: { type: 'object' } } },
        ),
        toolChoice: fc.constantFrom('none' as const, 'auto' as const, 'required' as const),
        parallelToolCalls: fc.boolean(),
        reasoningEffort: fc.constantFrom('none' as const, 'low' as const, 'medium' as const, 'high' as const),
        reasoningFormat: fc.constantFrom('none' as const, 'parsed' as const, 'raw' as const, 'hidden' as const),
        user: text,
      },
      { requiredKeys: ['messages'] },
    );
    fc.assert(
      fc.property(request, fc.boolean(), (value, stream) => {
        const built = buildChatBody(value as ChatRequest, defaults, stream);
        expect(JSON.parse(built)).toEqual(referenceBody(value as ChatRequest, stream));
      }),
      { numRuns: 300 },
    );
  });

  it('maps the documented Cerebras parameters and appends the extraBody passthrough as given', () => {
    const request: ChatRequest = {
      messages: [{ role: 'user', content: 'Hi' }],
      minCompletionTokens: 8,
      frequencyPenalty: 0.5,
      presencePenalty: -0.5,
      logitBias: { '42': -100 },
      logprobs: true,
      topLogprobs: 3,
      serviceTier: 'flex',
      prediction: { type: 'content', content: 'Hello' },
      promptCacheKey: 'agent-ris',
      clearThinking: false,
      extraBody: { queue_threshold_hint: 500, future_flag: { on: true } },
    };
    const body = JSON.parse(buildChatBody(request, defaults, false));
    expect(body).toMatchObject({
      min_completion_tokens: 8,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
      logit_bias: { '42': -100 },
      logprobs: true,
      top_logprobs: 3,
      service_tier: 'flex',
      prediction: { type: 'content', content: 'Hello' },
      prompt_cache_key: 'agent-ris',
      clear_thinking: false,
      queue_threshold_hint: 500,
      future_flag: { on: true },
    });
  });

  it('refuses an extraBody key that collides with a field the contract models, naming it', () => {
    const request: ChatRequest = {
      messages: [{ role: 'user', content: 'Hi' }],
      // @ts-expect-error the type refuses owned fields too
      extraBody: { model: 'x', top_p: 1 },
    };
    let caught: unknown;
    try {
      buildChatBody(request, defaults, false);
    } catch (error) {
      caught = error;
    }
    expect(InvalidRequestError.isInstance(caught)).toBe(true);
    expect((caught as InvalidRequestError).issues.map((issue) => issue.path)).toEqual([
      'extraBody.model',
      'extraBody.top_p',
    ]);
  });
});
